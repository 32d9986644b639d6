package models

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/models/toy2d"
)

// countingSource counts the batches drawn from it.
type countingSource struct {
	Source
	n int
}

func (c *countingSource) Next(n int) Batch { c.n++; return c.Source.Next(n) }

// TestWGANClipping checks that after each step every weight of the critic lies in [-c, c],
// and that clipping is active (the PyTorch initialisation starts far outside the box).
func TestWGANClipping(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	cfg := DefaultWGAN()
	cfg.Net.Width, cfg.Batch = 16, 32
	m, err := NewWGAN(dev, rand.New(rand.NewPCG(5, 5)), cfg)
	if err != nil {
		t.Fatal(err)
	}
	src := NewToySource(dev, rand.New(rand.NewPCG(5, 6)), toy2d.Ring8{})
	for step := 1; step <= 3; step++ {
		if _, err := m.Step(src); err != nil {
			t.Fatal(err)
		}
		atBound := 0
		for _, p := range m.D.Params() {
			for i, w := range p.T.Data() {
				if w < -cfg.Clip || w > cfg.Clip {
					t.Fatalf("step %d: critic %s[%d] = %v outside [-%v, %v]", step, p.Name, i, w, cfg.Clip, cfg.Clip)
				}
				if w == cfg.Clip || w == -cfg.Clip {
					atBound++
				}
			}
		}
		if atBound == 0 {
			t.Errorf("step %d: no critic weight at ±c: clipping looks inactive", step)
		}
	}
}

// TestWGANCriticSteps checks n_critic and the reference warm-up: 100 critic steps for the
// first 25 G steps and every 500th, n_critic otherwise.
func TestWGANCriticSteps(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	cfg := DefaultWGAN()
	cfg.Net.Width, cfg.Batch = 4, 4
	m, err := NewWGAN(dev, rand.New(rand.NewPCG(1, 1)), cfg)
	if err != nil {
		t.Fatal(err)
	}
	src := &countingSource{Source: NewToySource(dev, rand.New(rand.NewPCG(1, 2)), toy2d.Ring8{})}
	if _, err := m.Step(src); err != nil || src.n != 5 {
		t.Errorf("without warm-up: %d critic batches, error %v; want 5", src.n, err)
	}
	cfg.Warmup = true
	if m, err = NewWGAN(dev, rand.New(rand.NewPCG(1, 1)), cfg); err != nil {
		t.Fatal(err)
	}
	src.n = 0
	if _, err := m.Step(src); err != nil || src.n != 100 {
		t.Errorf("warm-up, first G step: %d critic batches, error %v; want 100", src.n, err)
	}
	for _, c := range []struct{ gSteps, want int }{{24, 100}, {25, 5}, {499, 5}, {500, 100}, {501, 5}, {1000, 100}} {
		m.gSteps = c.gSteps
		if got := m.CriticSteps(); got != c.want {
			t.Errorf("CriticSteps after %d G steps = %d; want %d", c.gSteps, got, c.want)
		}
	}
}

// TestEstimateOfBlindD checks the live estimates for a D that cannot tell real from fake:
// with every weight 0 and the last bias 0, D(x) = σ(0) = ½ everywhere (LSGAN's D outputs ½
// directly: its last bias is set to ½), so L(D, G) = 2 log ½ and the JS estimate is exactly
// 0; a constant critic estimates W = 0.
func TestEstimateOfBlindD(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	for _, m := range tinyModels(t, dev, 1) {
		ps := m.(interface{ Discriminator() *nn.Sequential }).Discriminator().Params()
		for _, p := range ps {
			p.T.Set(dev.Zeros(p.T.Shape()...))
		}
		o := m.(interface{ Objective() Objective }).Objective()
		if o == LeastSquares {
			ps[len(ps)-1].T.Set(dev.Full(0.5, 1))
		}
		src := NewToySource(dev, rand.New(rand.NewPCG(1, 1)), toy2d.Ring8{})
		est := m.(Estimator).Estimate(src.Next(64))
		want := "js_est"
		if o.IsWasserstein() {
			want = "w_est"
		}
		v, ok := Lookup(est, want)
		if !ok || math.Abs(v) > 1e-6 {
			t.Errorf("%s: Estimate = %v; want %s = 0", m.Name(), est, want)
		}
	}
}

// TestCGANNeedsLabels checks that a conditional model rejects unlabelled data with an error,
// trains on labelled data, and samples the requested class.
func TestCGANNeedsLabels(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	cfg := DefaultCGAN(8)
	cfg.Net.Width, cfg.Batch = 8, 8
	m, err := NewCGAN(dev, rand.New(rand.NewPCG(1, 1)), cfg)
	if err != nil {
		t.Fatal(err)
	}
	tr := &Trainer{Model: m, Data: NewToySource(dev, rand.New(rand.NewPCG(1, 2)), toy2d.SwissRoll{})}
	if err := tr.Run(context.Background(), 1); err == nil {
		t.Error("cgan trained on the unlabelled swiss roll without an error")
	}
	tr.Data = NewToySource(dev, rand.New(rand.NewPCG(1, 2)), toy2d.Grid25{})
	if err := tr.Run(context.Background(), 1); err == nil {
		t.Error("cgan with 8 classes trained on 25 labels without an error")
	}
	tr.Data = NewToySource(dev, rand.New(rand.NewPCG(1, 2)), toy2d.Ring8{})
	if err := tr.Run(context.Background(), 2); err != nil {
		t.Fatal(err)
	}
	if s := m.SampleClass(5, 3).Shape(); s[0] != 5 || s[1] != 2 {
		t.Errorf("SampleClass(5, 3) has shape %v; want [5 2]", s)
	}
}
