package models

import (
	"context"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/models/toy2d"
)

func TestTrainerResume(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	modelRNG, dataRNG, _ := Streams(5)
	cfg := DefaultGAN()
	cfg.Net.Width, cfg.Batch = 8, 16
	m, err := NewGAN(dev, modelRNG, cfg)
	if err != nil {
		t.Fatal(err)
	}
	tr := &Trainer{Model: m, Data: NewToySource(dev, dataRNG, toy2d.Ring8{}), Every: 5}
	if err := tr.Run(context.Background(), 17); err != nil {
		t.Fatal(err)
	}
	tr.Resume(12)
	if tr.Steps() != 12 || len(tr.History) != 2 || tr.History[1].Step != 10 {
		t.Fatalf("after Resume(12): %d steps, %d records (last at %d); want 12, 2 (10)", tr.Steps(), len(tr.History), tr.History[len(tr.History)-1].Step)
	}
	if err := tr.Run(context.Background(), 3); err != nil {
		t.Fatal(err)
	}
	if tr.Steps() != 15 || len(tr.History) != 3 || tr.History[2].Step != 15 {
		t.Fatalf("3 steps after Resume(12): %d steps, %d records; want 15, 3 (the last at 15)", tr.Steps(), len(tr.History))
	}
}
