package models

import (
	"fmt"
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/engine/optim"
)

// GANConfig configures a GAN (Goodfellow et al. 2014) with the minimax or the non-saturating
// generator loss.
type GANConfig struct {
	Objective    Objective // Minimax or NonSaturating
	Net          Net
	Batch        int     // samples per batch
	K            int     // D steps per G step (the paper's k)
	LRD, LRG     float32 // Adam learning rates of D and G
	Beta1, Beta2 float32 // Adam's β1, β2 for both
}

// DefaultGAN returns the settings of the paper and of DCGAN (Radford et al. 2016), which
// fixed the optimizer everyone since uses: the non-saturating loss, k = 1, batch 128, Adam
// with lr 2e-4 and β = (0.5, 0.999) for both networks, on DefaultNet.
func DefaultGAN() GANConfig {
	return GANConfig{Objective: NonSaturating, Net: DefaultNet(), Batch: 128, K: 1,
		LRD: 2e-4, LRG: 2e-4, Beta1: 0.5, Beta2: 0.999}
}

// Validate reports every problem of c in one error.
func (c GANConfig) Validate() error {
	var ck checks
	ck.objective(c.Objective, Minimax, NonSaturating)
	ck.net(c.Net)
	ck.atLeast("batch", c.Batch, 1)
	ck.atLeast("k (D steps per G step)", c.K, 1)
	ck.positive("learning rate of D", c.LRD)
	ck.positive("learning rate of G", c.LRG)
	ck.beta("beta1", c.Beta1)
	ck.beta("beta2", c.Beta2)
	return ck.err(ganName(c.Objective))
}

// GAN is the original GAN: D is a classifier (logit output) and G plays the minimax or the
// non-saturating game against it, k D steps per G step.
type GAN struct {
	*adversarial
	Config GANConfig
}

// NewGAN validates cfg and builds a GAN on dev; every random draw comes from rng.
func NewGAN(dev *engine.Device, rng *rand.Rand, cfg GANConfig) (*GAN, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	a := newAdversarial(ganName(cfg.Objective), dev, rng, game{obj: cfg.Objective, net: cfg.Net, batch: cfg.Batch, kD: cfg.K})
	if err := a.adam(cfg.LRD, cfg.LRG, cfg.Beta1, cfg.Beta2); err != nil {
		return nil, err
	}
	return &GAN{adversarial: a, Config: cfg}, nil
}

// ganName returns "gan" for the non-saturating GAN and "gan-minimax" for the minimax one.
func ganName(o Objective) string {
	if o == Minimax {
		return "gan-minimax"
	}
	return "gan"
}

// adam gives D and G their Adam optimizers.
func (a *adversarial) adam(lrD, lrG, beta1, beta2 float32) error {
	var err error
	if a.optD, err = optim.NewAdam(nn.Tensors(a.D.Params()), lrD, beta1, beta2); err != nil {
		return fmt.Errorf("%s: D: %w", a.name, err)
	}
	if a.optG, err = optim.NewAdam(nn.Tensors(a.G.Params()), lrG, beta1, beta2); err != nil {
		return fmt.Errorf("%s: G: %w", a.name, err)
	}
	return nil
}
