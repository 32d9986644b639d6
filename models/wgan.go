package models

import (
	"fmt"
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/engine/optim"
)

// WGANConfig configures a Wasserstein GAN with weight clipping (Arjovsky et al. 2017).
type WGANConfig struct {
	Net      Net
	Batch    int     // samples per batch
	NCritic  int     // critic steps per G step (n_critic)
	LRD, LRG float32 // RMSProp learning rates of the critic and G
	Clip     float32 // c: every critic weight is clipped to [-c, c] after each critic step
	// Warmup enables the reference code's schedule: 100 critic steps for the first 25 G
	// steps and for every 500th G step, NCritic otherwise.
	Warmup bool
}

// DefaultWGAN returns the paper's Algorithm 1 settings: RMSProp with lr 5e-5 for both,
// c = 0.01, n_critic = 5, batch 64, on DefaultNet; the warm-up is off.
func DefaultWGAN() WGANConfig {
	return WGANConfig{Net: DefaultNet(), Batch: 64, NCritic: 5, LRD: 5e-5, LRG: 5e-5, Clip: 0.01}
}

// Validate reports every problem of c in one error.
func (c WGANConfig) Validate() error {
	var ck checks
	ck.net(c.Net)
	ck.atLeast("batch", c.Batch, 1)
	ck.atLeast("n_critic", c.NCritic, 1)
	ck.positive("learning rate of the critic", c.LRD)
	ck.positive("learning rate of G", c.LRG)
	ck.positive("clipping bound c", c.Clip)
	return ck.err("wgan")
}

// WGAN is the Wasserstein GAN: a critic f (D, no sigmoid) maximises E f(x) - E f(G(z))
// under weight clipping, n_critic critic steps per G step; G minimises -E f(G(z)).
type WGAN struct {
	*adversarial
	Config WGANConfig
}

// NewWGAN validates cfg and builds a WGAN on dev; every random draw comes from rng.
func NewWGAN(dev *engine.Device, rng *rand.Rand, cfg WGANConfig) (*WGAN, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	a := newAdversarial("wgan", dev, rng, game{obj: Wasserstein, net: cfg.Net, batch: cfg.Batch,
		kD: cfg.NCritic, warmup: cfg.Warmup, clip: cfg.Clip})
	var err error
	if a.optD, err = optim.NewRMSProp(nn.Tensors(a.D.Params()), cfg.LRD); err != nil {
		return nil, fmt.Errorf("wgan: critic: %w", err)
	}
	if a.optG, err = optim.NewRMSProp(nn.Tensors(a.G.Params()), cfg.LRG); err != nil {
		return nil, fmt.Errorf("wgan: G: %w", err)
	}
	return &WGAN{adversarial: a, Config: cfg}, nil
}
