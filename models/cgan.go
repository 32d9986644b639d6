package models

import (
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
)

// CGANConfig configures a conditional GAN (Mirza & Osindero 2014) on labelled 2-D data.
type CGANConfig struct {
	Objective    Objective // Minimax, NonSaturating or LeastSquares
	Classes      int       // number of labels (the modes of the dataset)
	Net          Net
	Batch        int     // samples per batch
	K            int     // D steps per G step
	LRD, LRG     float32 // Adam learning rates of D and G
	Beta1, Beta2 float32 // Adam's β1, β2 for both
}

// DefaultCGAN returns a conditional GAN for classes labels with the GAN defaults
// (DefaultGAN): the non-saturating loss, k = 1, batch 128, Adam 2e-4, β = (0.5, 0.999).
func DefaultCGAN(classes int) CGANConfig {
	g := DefaultGAN()
	return CGANConfig{Objective: g.Objective, Classes: classes, Net: g.Net, Batch: g.Batch, K: g.K,
		LRD: g.LRD, LRG: g.LRG, Beta1: g.Beta1, Beta2: g.Beta2}
}

// Validate reports every problem of c in one error.
func (c CGANConfig) Validate() error {
	var ck checks
	ck.objective(c.Objective, Minimax, NonSaturating, LeastSquares)
	ck.atLeast("classes", c.Classes, 2)
	ck.net(c.Net)
	ck.atLeast("batch", c.Batch, 1)
	ck.atLeast("k (D steps per G step)", c.K, 1)
	ck.positive("learning rate of D", c.LRD)
	ck.positive("learning rate of G", c.LRG)
	ck.beta("beta1", c.Beta1)
	ck.beta("beta2", c.Beta2)
	return ck.err("cgan")
}

// CGAN is the conditional GAN G(z | y), D(x | y): the one-hot label y is concatenated to
// G's noise and to D's input. Real batches must carry labels (a ToySource labels each
// sample with its mode); the fakes of a D step get the real batch's labels and those of a
// G step uniform ones.
type CGAN struct {
	*adversarial
	Config CGANConfig
}

// NewCGAN validates cfg and builds a conditional GAN on dev; every random draw comes from
// rng.
func NewCGAN(dev *engine.Device, rng *rand.Rand, cfg CGANConfig) (*CGAN, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	a := newAdversarial("cgan", dev, rng, game{obj: cfg.Objective, net: cfg.Net, batch: cfg.Batch,
		kD: cfg.K, classes: cfg.Classes})
	if err := a.adam(cfg.LRD, cfg.LRG, cfg.Beta1, cfg.Beta2); err != nil {
		return nil, err
	}
	return &CGAN{adversarial: a, Config: cfg}, nil
}

// SampleClass returns n points G(z | y) of class y (0 ≤ y < Classes), with no history.
func (m *CGAN) SampleClass(n, y int) *engine.Tensor {
	labels := make([]int, n)
	for i := range labels {
		labels[i] = y
	}
	var x *engine.Tensor
	m.dev.NoGrad(func() {
		x = m.G.Forward(m.cond(m.noise(m.sampleRNG, n), m.oneHot(labels)))
	})
	return x
}
