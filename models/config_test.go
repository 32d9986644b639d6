package models

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
)

// TestDefaultsValidate checks that every DefaultX passes its own validation and builds.
func TestDefaultsValidate(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	rng := rand.New(rand.NewPCG(1, 2))
	if _, err := NewGAN(dev, rng, DefaultGAN()); err != nil {
		t.Errorf("NewGAN(DefaultGAN()): %v", err)
	}
	if _, err := NewLSGAN(dev, rng, DefaultLSGAN()); err != nil {
		t.Errorf("NewLSGAN(DefaultLSGAN()): %v", err)
	}
	if _, err := NewWGAN(dev, rng, DefaultWGAN()); err != nil {
		t.Errorf("NewWGAN(DefaultWGAN()): %v", err)
	}
	if _, err := NewWGANGP(dev, rng, DefaultWGANGP()); err != nil {
		t.Errorf("NewWGANGP(DefaultWGANGP()): %v", err)
	}
	if _, err := NewCGAN(dev, rng, DefaultCGAN(8)); err != nil {
		t.Errorf("NewCGAN(DefaultCGAN(8)): %v", err)
	}
}

// TestConfigErrors checks that constructors turn bad configs into clear errors (never a
// panic), naming the model and the field.
func TestConfigErrors(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	rng := rand.New(rand.NewPCG(1, 2))
	gan := func(f func(*GANConfig)) error {
		c := DefaultGAN()
		f(&c)
		_, err := NewGAN(dev, rng, c)
		return err
	}
	lsgan := func(f func(*LSGANConfig)) error {
		c := DefaultLSGAN()
		f(&c)
		_, err := NewLSGAN(dev, rng, c)
		return err
	}
	wgan := func(f func(*WGANConfig)) error {
		c := DefaultWGAN()
		f(&c)
		_, err := NewWGAN(dev, rng, c)
		return err
	}
	wgangp := func(f func(*WGANGPConfig)) error {
		c := DefaultWGANGP()
		f(&c)
		_, err := NewWGANGP(dev, rng, c)
		return err
	}
	cgan := func(f func(*CGANConfig)) error {
		c := DefaultCGAN(8)
		f(&c)
		_, err := NewCGAN(dev, rng, c)
		return err
	}
	for _, c := range []struct {
		name string
		err  error
		want []string
	}{
		{"negative lr", gan(func(c *GANConfig) { c.LRD = -1e-3 }), []string{"gan: invalid config", "learning rate of D -0.001"}},
		{"zero lr", gan(func(c *GANConfig) { c.LRG = 0 }), []string{"learning rate of G 0 must be"}},
		{"NaN lr", gan(func(c *GANConfig) { c.LRG = float32(math.NaN()) }), []string{"learning rate of G NaN"}},
		{"zero batch", gan(func(c *GANConfig) { c.Batch = 0 }), []string{"batch 0 must be ≥ 1"}},
		{"unknown objective", gan(func(c *GANConfig) { c.Objective = 0 }), []string{"unknown objective 0"}},
		{"wrong objective", gan(func(c *GANConfig) { c.Objective = Wasserstein }), []string{"objective wasserstein is not supported"}},
		{"k", gan(func(c *GANConfig) { c.K = 0 }), []string{"k (D steps per G step) 0"}},
		{"beta", gan(func(c *GANConfig) { c.Beta1 = 1 }), []string{"beta1 1 must be in [0, 1)"}},
		{"minimax name", gan(func(c *GANConfig) { c.Objective, c.Batch = Minimax, -3 }), []string{"gan-minimax: invalid config", "batch -3"}},
		{"two problems", gan(func(c *GANConfig) { c.Batch, c.Net.Width = 0, 0 }), []string{"width 0 must be ≥ 1", "batch 0"}},
		{"lsgan depth", lsgan(func(c *LSGANConfig) { c.Net.Depth = 0 }), []string{"lsgan: invalid config", "depth 0"}},
		{"lsgan noise", lsgan(func(c *LSGANConfig) { c.Net.NoiseDim = -1 }), []string{"noise dimension -1"}},
		{"n_critic", wgan(func(c *WGANConfig) { c.NCritic = 0 }), []string{"wgan: invalid config", "n_critic 0 must be ≥ 1"}},
		{"clip", wgan(func(c *WGANConfig) { c.Clip = -0.01 }), []string{"clipping bound c -0.01"}},
		{"critic lr", wgan(func(c *WGANConfig) { c.LRD = float32(math.Inf(1)) }), []string{"learning rate of the critic +Inf"}},
		{"gp n_critic", wgangp(func(c *WGANGPConfig) { c.NCritic = -1 }), []string{"wgan-gp: invalid config", "n_critic -1"}},
		{"gp lambda", wgangp(func(c *WGANGPConfig) { c.Lambda = -10 }), []string{"lambda -10 must be"}},
		{"gp beta2", wgangp(func(c *WGANGPConfig) { c.Beta2 = -0.1 }), []string{"beta2 -0.1"}},
		{"cgan classes", cgan(func(c *CGANConfig) { c.Classes = 1 }), []string{"cgan: invalid config", "classes 1 must be ≥ 2"}},
		{"cgan objective", cgan(func(c *CGANConfig) { c.Objective = WassersteinGP }), []string{"objective wasserstein-gp is not supported"}},
		{"data dim", gan(func(c *GANConfig) { c.Net.DataDim = 0 }), []string{"data dimension 0"}},
	} {
		if c.err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(c.err.Error(), w) {
				t.Errorf("%s: error %q does not contain %q", c.name, c.err, w)
			}
		}
	}
}
