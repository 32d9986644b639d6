package models

import (
	"math/rand/v2"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/models/toy2d"
)

// TestStepLeavesUsableState checks what a step inside Device.Scope leaves behind: losses
// that can be read, no gradient pointing at released storage, and parameters that a plain
// Backward can still train.
func TestStepLeavesUsableState(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	cfg := DefaultGAN()
	cfg.Net.Width, cfg.Batch = 8, 16
	m, err := NewGAN(dev, rand.New(rand.NewPCG(1, 2)), cfg)
	if err != nil {
		t.Fatal(err)
	}
	losses, err := m.Step(NewToySource(dev, rand.New(rand.NewPCG(3, 4)), toy2d.Ring8{}))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range losses {
		l.T.Item() // panics if the scope released a returned loss
	}
	ps := append(m.G.Params(), m.D.Params()...)
	for _, p := range ps {
		if p.T.Grad != nil {
			t.Fatalf("parameter %s keeps a gradient after Step", p.Name)
		}
	}
	loss := m.D.Forward(dev.Full(0.5, 4, 2)).Sum()
	loss.Backward() // accumulates into Grad: must not meet released storage
	for _, p := range nn.Tensors(m.D.Params()) {
		if p.Grad == nil {
			t.Fatal("Backward after Step left a parameter of D without a gradient")
		}
	}
}
