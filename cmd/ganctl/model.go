package main

import (
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/models"
	"github.com/ganplay/ganplay/models/toy2d"
)

// modelNames lists the values of --model.
const modelNames = "gan, gan-minimax, lsgan, wgan, wgan-gp, cgan"

// buildModel returns the model named by --model, built from its DefaultX config with the
// flags that were set applied, and the config used. Invalid settings are usage errors.
func buildModel(dev *engine.Device, rng *rand.Rand, f trainFlags, ds toy2d.Dataset) (models.Model, any, error) {
	if err := f.onlyFor("clip", "wgan"); err != nil {
		return nil, nil, err
	}
	if err := f.onlyFor("warmup", "wgan"); err != nil {
		return nil, nil, err
	}
	if err := f.onlyFor("lambda", "wgan-gp"); err != nil {
		return nil, nil, err
	}
	var (
		m   models.Model
		cfg any
		err error
	)
	switch f.model {
	case "gan", "gan-minimax":
		c := models.DefaultGAN()
		if f.model == "gan-minimax" {
			c.Objective = models.Minimax
		}
		f.apply(&c.Net, &c.Batch, &c.K, &c.LRD, &c.LRG)
		cfg = c
		m, err = models.NewGAN(dev, rng, c)
	case "lsgan":
		c := models.DefaultLSGAN()
		f.apply(&c.Net, &c.Batch, &c.K, &c.LRD, &c.LRG)
		cfg = c
		m, err = models.NewLSGAN(dev, rng, c)
	case "wgan":
		c := models.DefaultWGAN()
		f.apply(&c.Net, &c.Batch, &c.NCritic, &c.LRD, &c.LRG)
		if f.set["clip"] {
			c.Clip = float32(f.clip)
		}
		c.Warmup = f.warmup
		cfg = c
		m, err = models.NewWGAN(dev, rng, c)
	case "wgan-gp":
		c := models.DefaultWGANGP()
		f.apply(&c.Net, &c.Batch, &c.NCritic, &c.LRD, &c.LRG)
		if f.set["lambda"] {
			c.Lambda = float32(f.lambda)
		}
		cfg = c
		m, err = models.NewWGANGP(dev, rng, c)
	case "cgan":
		k := len(ds.Modes())
		if k == 0 {
			return nil, nil, usagef("train: cgan needs labelled data: a dataset with modes (bimodal, ring, grid), not %s", ds.Name())
		}
		c := models.DefaultCGAN(k)
		f.apply(&c.Net, &c.Batch, &c.K, &c.LRD, &c.LRG)
		cfg = c
		m, err = models.NewCGAN(dev, rng, c)
	default:
		return nil, nil, usagef("train: unknown model %q (want %s)", f.model, modelNames)
	}
	if err != nil {
		return nil, nil, usagef("train: %v", err)
	}
	return m, cfg, nil
}

// apply copies the flags that were set into a config's fields.
func (f trainFlags) apply(net *models.Net, batch, kD *int, lrD, lrG *float32) {
	if f.set["width"] {
		net.Width = f.width
	}
	if f.set["depth"] {
		net.Depth = f.depth
	}
	if f.set["noise-dim"] {
		net.NoiseDim = f.noise
	}
	if f.set["batch"] {
		*batch = f.batch
	}
	if f.set["n-critic"] {
		*kD = f.nCritic
	}
	if f.set["lr-d"] {
		*lrD = float32(f.lrD)
	}
	if f.set["lr-g"] {
		*lrG = float32(f.lrG)
	}
}

// onlyFor rejects a model-specific flag given for another model.
func (f trainFlags) onlyFor(flagName, model string) error {
	if f.set[flagName] && f.model != model {
		return usagef("train: --%s applies only to --model %s", flagName, model)
	}
	return nil
}
