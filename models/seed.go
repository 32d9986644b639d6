package models

import "math/rand/v2"

// Streams returns the three independent random streams of a run seeded with seed: model
// (G's and D's weights and the training noise, passed to a constructor), data (the real
// batches of the Trainer's Source) and measure (the real batches of meters). The same seed
// gives the same run in ganctl, the experiments and the demos.
func Streams(seed uint64) (model, data, measure *rand.Rand) {
	return rand.New(rand.NewPCG(seed, 0x6d6f64656c)), // "model"
		rand.New(rand.NewPCG(seed, 0x64617461)), // "data"
		rand.New(rand.NewPCG(seed, 0x6d657472)) // "metr"
}
