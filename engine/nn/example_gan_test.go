package nn_test

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/engine/optim"
)

// Example_gan trains a small GAN from Go code: G maps noise to 1-D samples and learns to
// imitate N(3, 0.5²) against a discriminator D, with the non-saturating loss and Adam.
func Example_gan() {
	dev := engine.NewDevice(cpu.New())
	rng := rand.New(rand.NewPCG(1, 2)) // every random draw comes from this seeded source
	G := nn.NewSequential(nn.NewLinear(dev, rng, 4, 32), nn.ReLU{}, nn.NewLinear(dev, rng, 32, 1))
	D := nn.NewSequential(nn.NewLinear(dev, rng, 1, 32), nn.LeakyReLU{Slope: 0.2}, nn.NewLinear(dev, rng, 32, 1))
	optG, _ := optim.NewAdam(nn.Tensors(G.Params()), 2e-3, 0.5, 0.999)
	optD, _ := optim.NewAdam(nn.Tensors(D.Params()), 2e-3, 0.5, 0.999)

	for step := 0; step < 1500; step++ {
		// D step: real samples labelled 1, detached fakes labelled 0.
		real := dev.Randn(rng, 3, 0.5, 64, 1)
		fake := G.Forward(dev.Randn(rng, 0, 1, 64, 4)).Detach()
		lossD := nn.BCEWithLogitsConst(D.Forward(real), 1).Add(nn.BCEWithLogitsConst(D.Forward(fake), 0))
		optD.ZeroGrad()
		lossD.Backward()
		optD.Step()

		// G step: make D call the fakes real (only G's optimizer steps; D's gradients are
		// cleared before its next step).
		lossG := nn.BCEWithLogitsConst(D.Forward(G.Forward(dev.Randn(rng, 0, 1, 64, 4))), 1)
		optG.ZeroGrad()
		lossG.Backward()
		optG.Step()
	}

	var samples []float32
	dev.NoGrad(func() { samples = G.Forward(dev.Randn(rng, 0, 1, 1000, 4)).Data() })
	var mean float64
	for _, s := range samples {
		mean += float64(s) / float64(len(samples))
	}
	fmt.Println("mean of G's samples within 0.3 of 3:", math.Abs(mean-3) < 0.3)
	// Output: mean of G's samples within 0.3 of 3: true
}
