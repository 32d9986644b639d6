package models

import (
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
)

// WGANGPConfig configures a Wasserstein GAN with gradient penalty (Gulrajani et al. 2017).
type WGANGPConfig struct {
	Net          Net
	Batch        int     // samples per batch
	NCritic      int     // critic steps per G step (n_critic)
	LRD, LRG     float32 // Adam learning rates of the critic and G
	Beta1, Beta2 float32 // Adam's β1, β2 for both
	Lambda       float32 // λ, the weight of the gradient penalty
}

// DefaultWGANGP returns the paper's settings: λ = 10, n_critic = 5, batch 64, Adam with
// lr 1e-4 and β = (0.5, 0.9) for both, on DefaultNet. (Algorithm 1 lists β1 = 0; the
// authors' code uses 0.5. Their 2-D toy script uses λ = 0.1.)
func DefaultWGANGP() WGANGPConfig {
	return WGANGPConfig{Net: DefaultNet(), Batch: 64, NCritic: 5, LRD: 1e-4, LRG: 1e-4,
		Beta1: 0.5, Beta2: 0.9, Lambda: 10}
}

// Validate reports every problem of c in one error.
func (c WGANGPConfig) Validate() error {
	var ck checks
	ck.net(c.Net)
	ck.atLeast("batch", c.Batch, 1)
	ck.atLeast("n_critic", c.NCritic, 1)
	ck.positive("learning rate of the critic", c.LRD)
	ck.positive("learning rate of G", c.LRG)
	ck.beta("beta1", c.Beta1)
	ck.beta("beta2", c.Beta2)
	ck.nonNegative("lambda", c.Lambda)
	return ck.err("wgan-gp")
}

// WGANGP is WGAN-GP: the critic minimises E f(G(z)) - E f(x) + λ E(‖∇f(x̂)‖₂ - 1)² on
// random interpolates x̂ = εx + (1 - ε)G(z), n_critic steps per G step, with no clipping.
type WGANGP struct {
	*adversarial
	Config WGANGPConfig
}

// NewWGANGP validates cfg and builds a WGAN-GP on dev; every random draw comes from rng.
func NewWGANGP(dev *engine.Device, rng *rand.Rand, cfg WGANGPConfig) (*WGANGP, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	a := newAdversarial("wgan-gp", dev, rng, game{obj: WassersteinGP, net: cfg.Net, batch: cfg.Batch,
		kD: cfg.NCritic, lambda: cfg.Lambda})
	if err := a.adam(cfg.LRD, cfg.LRG, cfg.Beta1, cfg.Beta2); err != nil {
		return nil, err
	}
	return &WGANGP{adversarial: a, Config: cfg}, nil
}
