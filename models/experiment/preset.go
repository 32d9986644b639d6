package experiment

import (
	"fmt"
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/models"
)

// Preset is what every method of the mode-collapse experiment shares: the network sizes,
// the batch size, the budget in G steps and the learning rate. Each method keeps its
// paper's optimizer and settings (Adam β's or RMSProp, k = 1 or n_critic = 5, clipping
// c = 0.01) except for the learning rate and, for WGAN-GP, λ.
type Preset struct {
	Name  string
	Net   models.Net
	Batch int
	Steps int // G steps per run (a WGAN or WGAN-GP step also runs n_critic critic steps)
	// LR is the learning rate of D (or the critic) and G of every method; 0 keeps each
	// paper's (GAN and LSGAN 2e-4, WGAN 5e-5, WGAN-GP 1e-4).
	LR float32
	// Lambda is WGAN-GP's penalty weight; 0 keeps the paper's 10.
	Lambda float32
}

// Full returns the preset of the table in docs/mode-collapse.md: G and D with two hidden
// layers of 64 ReLU units, 16-dimensional noise, batch 64, 2,000 G steps, learning rate
// 1e-3 for every method, and WGAN-GP's λ = 0.1 of the authors' 2-D toy script.
// docs/mode-collapse.md says why.
func Full() Preset {
	return Preset{Name: "full", Net: models.Net{NoiseDim: 16, Width: 64, Depth: 2, DataDim: 2},
		Batch: 64, Steps: 2000, LR: 1e-3, Lambda: 0.1}
}

// Quick returns a preset small enough for tests and smoke runs (seconds in all): the Full
// network and settings with batch 32 and 60 G steps. Its numbers measure nothing.
func Quick() Preset {
	p := Full()
	p.Name, p.Batch, p.Steps = "quick", 32, 60
	return p
}

// Validate checks the sizes (the models check the rest when they are built).
func (p Preset) Validate() error {
	if err := p.Net.Validate(); err != nil {
		return fmt.Errorf("preset %s: %w", p.Name, err)
	}
	if p.Batch < 1 || p.Steps < 1 {
		return fmt.Errorf("preset %s: batch %d and steps %d must be ≥ 1", p.Name, p.Batch, p.Steps)
	}
	return nil
}

// Method is one row of the mode-collapse table.
type Method struct {
	Name string
	New  func(dev *engine.Device, rng *rand.Rand, p Preset) (models.Model, error)
}

// Methods returns the rows of the table in order: GAN (non-saturating), GAN (minimax),
// LSGAN, WGAN and WGAN-GP.
func Methods() []Method {
	return []Method{NonSaturatingGAN(), MinimaxGAN(), LSGAN(), WGAN(), WGANGP()}
}

// NonSaturatingGAN is DefaultGAN with the preset's sizes and learning rate.
func NonSaturatingGAN() Method {
	return Method{"GAN (non-saturating)", func(dev *engine.Device, rng *rand.Rand, p Preset) (models.Model, error) {
		return models.NewGAN(dev, rng, ganConfig(models.NonSaturating, p))
	}}
}

// MinimaxGAN is DefaultGAN with the minimax objective and the preset's sizes and learning
// rate.
func MinimaxGAN() Method {
	return Method{"GAN (minimax)", func(dev *engine.Device, rng *rand.Rand, p Preset) (models.Model, error) {
		return models.NewGAN(dev, rng, ganConfig(models.Minimax, p))
	}}
}

// LSGAN is DefaultLSGAN with the preset's sizes and learning rate.
func LSGAN() Method {
	return Method{"LSGAN", func(dev *engine.Device, rng *rand.Rand, p Preset) (models.Model, error) {
		c := models.DefaultLSGAN()
		c.Net, c.Batch = p.Net, p.Batch
		if p.LR > 0 {
			c.LRD, c.LRG = p.LR, p.LR
		}
		return models.NewLSGAN(dev, rng, c)
	}}
}

// WGAN is DefaultWGAN with the preset's sizes and learning rate.
func WGAN() Method {
	return Method{"WGAN", func(dev *engine.Device, rng *rand.Rand, p Preset) (models.Model, error) {
		c := models.DefaultWGAN()
		c.Net, c.Batch = p.Net, p.Batch
		if p.LR > 0 {
			c.LRD, c.LRG = p.LR, p.LR
		}
		return models.NewWGAN(dev, rng, c)
	}}
}

// WGANGP is DefaultWGANGP with the preset's sizes, learning rate and λ.
func WGANGP() Method {
	return Method{"WGAN-GP", func(dev *engine.Device, rng *rand.Rand, p Preset) (models.Model, error) {
		c := models.DefaultWGANGP()
		c.Net, c.Batch = p.Net, p.Batch
		if p.LR > 0 {
			c.LRD, c.LRG = p.LR, p.LR
		}
		if p.Lambda > 0 {
			c.Lambda = p.Lambda
		}
		return models.NewWGANGP(dev, rng, c)
	}}
}

func ganConfig(o models.Objective, p Preset) models.GANConfig {
	c := models.DefaultGAN()
	c.Objective, c.Net, c.Batch = o, p.Net, p.Batch
	if p.LR > 0 {
		c.LRD, c.LRG = p.LR, p.LR
	}
	return c
}
