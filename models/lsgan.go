package models

import (
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
)

// LSGANConfig configures a least-squares GAN (Mao et al. 2017).
type LSGANConfig struct {
	Net          Net
	Batch        int     // samples per batch
	K            int     // D steps per G step
	LRD, LRG     float32 // Adam learning rates of D and G
	Beta1, Beta2 float32 // Adam's β1, β2 for both
}

// DefaultLSGAN returns the paper's settings: the 0-1 coding (a = 0, b = c = 1), k = 1, and
// the DCGAN optimizer it builds on, Adam with lr 2e-4 and β = (0.5, 0.999), batch 64, on
// DefaultNet.
func DefaultLSGAN() LSGANConfig {
	return LSGANConfig{Net: DefaultNet(), Batch: 64, K: 1, LRD: 2e-4, LRG: 2e-4, Beta1: 0.5, Beta2: 0.999}
}

// Validate reports every problem of c in one error.
func (c LSGANConfig) Validate() error {
	var ck checks
	ck.net(c.Net)
	ck.atLeast("batch", c.Batch, 1)
	ck.atLeast("k (D steps per G step)", c.K, 1)
	ck.positive("learning rate of D", c.LRD)
	ck.positive("learning rate of G", c.LRG)
	ck.beta("beta1", c.Beta1)
	ck.beta("beta2", c.Beta2)
	return ck.err("lsgan")
}

// LSGAN is the least-squares GAN: D outputs a real score and both players minimise squared
// errors against the targets 0 (fake) and 1 (real) (Objective LeastSquares).
type LSGAN struct {
	*adversarial
	Config LSGANConfig
}

// NewLSGAN validates cfg and builds an LSGAN on dev; every random draw comes from rng.
func NewLSGAN(dev *engine.Device, rng *rand.Rand, cfg LSGANConfig) (*LSGAN, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	a := newAdversarial("lsgan", dev, rng, game{obj: LeastSquares, net: cfg.Net, batch: cfg.Batch, kD: cfg.K})
	if err := a.adam(cfg.LRD, cfg.LRG, cfg.Beta1, cfg.Beta2); err != nil {
		return nil, err
	}
	return &LSGAN{adversarial: a, Config: cfg}, nil
}
