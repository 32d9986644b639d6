package models

import (
	"context"
	"math"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/models/toy2d"
)

// TestCGANLearnsLabels trains the conditional GAN on the bimodal data (label 0 is the mode
// at (-1, 0), label 1 the mode at (1, 0)) and checks that G(z | y) puts the mean of its
// samples of each class near that class's mode.
func TestCGANLearnsLabels(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	cfg := DefaultCGAN(2)
	cfg.Net = Net{NoiseDim: 4, Width: 32, Depth: 2, DataDim: 2}
	cfg.Batch, cfg.LRD, cfg.LRG = 64, 1e-3, 1e-3
	modelRNG, dataRNG, _ := Streams(1)
	m, err := NewCGAN(dev, modelRNG, cfg)
	if err != nil {
		t.Fatal(err)
	}
	tr := &Trainer{Model: m, Data: NewToySource(dev, dataRNG, toy2d.Bimodal{})}
	if err := tr.Run(context.Background(), 400); err != nil {
		t.Fatal(err)
	}
	for y, mode := range (toy2d.Bimodal{}).Modes() {
		var mx, my float64
		pts := Points2(m.SampleClass(200, y))
		for _, p := range pts {
			mx += p[0] / float64(len(pts))
			my += p[1] / float64(len(pts))
		}
		if d := math.Hypot(mx-mode.Center[0], my-mode.Center[1]); d > 0.3 {
			t.Errorf("class %d: mean of G(z | y) = (%.2f, %.2f); want within 0.3 of %v", y, mx, my, mode.Center)
		}
	}
}
