package models

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/models/toy2d"
)

// TestPhasedStepsMatchStep checks that CriticSteps StepD calls and one StepG compute what
// one Step computes: the same weights bit for bit, for a model with k_D = 1 and one with
// n_critic = 5 and a gradient penalty.
func TestPhasedStepsMatchStep(t *testing.T) {
	small := Net{NoiseDim: 2, Width: 8, Depth: 1, DataDim: 2}
	build := map[string]func(dev *engine.Device, rng *rand.Rand) Phased{
		"gan": func(dev *engine.Device, rng *rand.Rand) Phased {
			c := DefaultGAN()
			c.Net, c.Batch = small, 16
			m, _ := NewGAN(dev, rng, c)
			return m
		},
		"wgan-gp": func(dev *engine.Device, rng *rand.Rand) Phased {
			c := DefaultWGANGP()
			c.Net, c.Batch = small, 16
			m, _ := NewWGANGP(dev, rng, c)
			return m
		},
	}
	for name, mk := range build {
		run := func(phased bool) []float32 {
			dev := engine.NewDevice(cpu.New())
			m := mk(dev, rand.New(rand.NewPCG(1, 2)))
			src := NewToySource(dev, rand.New(rand.NewPCG(3, 4)), toy2d.Ring8{})
			for range 3 {
				if !phased {
					if _, err := m.Step(src); err != nil {
						t.Fatal(err)
					}
					continue
				}
				for range m.CriticSteps() {
					if _, err := m.StepD(src); err != nil {
						t.Fatal(err)
					}
				}
				m.StepG()
			}
			var w []float32
			for _, p := range nn.Tensors(append(m.Generator().Params(), m.Discriminator().Params()...)) {
				w = append(w, p.Data()...)
			}
			return w
		}
		if a, b := run(false), run(true); !slices.Equal(a, b) {
			t.Errorf("%s: phased steps and Step give different weights", name)
		}
	}
}

// TestUniformNoise checks that Net.Noise = Uniform draws z in [-1, 1]: the samples of a G
// whose first layer is the identity stay in that box.
func TestUniformNoise(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	c := DefaultGAN()
	c.Net = Net{NoiseDim: 2, Width: 4, Depth: 1, DataDim: 2, Noise: Uniform}
	m, err := NewGAN(dev, rand.New(rand.NewPCG(1, 2)), c)
	if err != nil {
		t.Fatal(err)
	}
	z := m.noise(rand.New(rand.NewPCG(5, 6)), 1000)
	lo, hi := slices.Min(z.Data()), slices.Max(z.Data())
	if lo < -1 || hi > 1 || lo > -0.9 || hi < 0.9 {
		t.Errorf("uniform noise in [%v, %v]; want about [-1, 1]", lo, hi)
	}
	c.Net.Noise = Gaussian
	g, _ := NewGAN(dev, rand.New(rand.NewPCG(1, 2)), c)
	if z := g.noise(rand.New(rand.NewPCG(5, 6)), 1000); slices.Max(z.Data()) < 2 {
		t.Errorf("gaussian noise never beyond 2 in 2000 draws: max %v", slices.Max(z.Data()))
	}
	if Uniform.String() != "uniform" || Gaussian.String() != "gaussian" {
		t.Error("NoiseShape names")
	}
}
