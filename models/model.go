package models

import (
	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/optim"
)

// Model is one GAN variant. Step owns its D/G update order: it draws the real batches it
// needs from src (one per D or critic step) and returns the losses of its last updates.
type Model interface {
	// Name identifies the model in messages ("gan", "wgan-gp", ...).
	Name() string
	// Step runs one iteration: k_D updates of D (or the critic), then one update of G.
	Step(src Source) ([]Loss, error)
	// Sample returns n generated points, shape [n, d], with no history.
	Sample(n int) *engine.Tensor
}

// Estimator is implemented by models whose discriminator or critic gives a live estimate
// of a distance between the data and the model: the JS estimate of a GAN's D or the W_1
// estimate of a WGAN critic (see Estimate in estimate.go).
type Estimator interface {
	Estimate(real Batch) []Value
}

// Optimized is implemented by models that expose their optimizers, so that a snapshot of
// the model can hold their state (moments, step counts) besides the weights.
type Optimized interface {
	// Optimizers returns the model's optimizers in a fixed order (G's, then D's).
	Optimizers() []optim.Optimizer
}

// Loss is one loss of a step, still on the device: reading it is the caller's choice.
type Loss struct {
	Name string // "D", "G" or "GP"
	T    *engine.Tensor
}

// Value is a named number recorded during training: a mean loss or a metric.
type Value struct {
	Name string
	V    float64
}

// Lookup returns the value named name in vs and whether it was there.
func Lookup(vs []Value, name string) (float64, bool) {
	for _, v := range vs {
		if v.Name == name {
			return v.V, true
		}
	}
	return 0, false
}
