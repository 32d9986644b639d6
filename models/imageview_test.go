package models

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/models/weights"
)

// TestPix2pixTranslateView checks that the demos' view of G is a function of its input
// (dropout off), that it draws nothing from the model's stream (training afterwards is the
// same as without it) and that it leaves G's dropout on for training.
func TestPix2pixTranslateView(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	build := func() *Pix2pix {
		mr, _, _ := Streams(3)
		m, err := NewPix2pix(dev, mr, smallPix2pix())
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	x := dev.Randn(rand.New(rand.NewPCG(9, 9)), 0, 1, 1, 1, 32, 32)
	m := build()
	if n := len(dropouts(m.G)); n == 0 {
		t.Fatal("the small U-Net has no dropout layer to switch")
	}
	a, b := m.TranslateView(x).Data(), m.TranslateView(x).Data()
	if !equalFloats(a, b) {
		t.Error("TranslateView gives different outputs for the same input")
	}
	if equalFloats(m.Translate(x).Data(), m.Translate(x).Data()) {
		t.Error("Translate (dropout on) gave the same output twice; is dropout off after TranslateView?")
	}
	// Views leave the whole state (the BatchNorm running statistics among it) as it was.
	before := stateData(m.State())
	m.Translate(x)
	m.TranslateView(x)
	m.Patches(x, m.TranslateView(x))
	for i, p := range m.State() {
		if !equalFloats(p.T.Data(), before[i]) {
			t.Errorf("%s changed when the demo displayed translations and patches", p.Name)
		}
	}
	// Training after views equals training without them.
	step := func(view bool) []float32 {
		m := build()
		_, dr, _ := Streams(4)
		src := NewEdgeSource(dev, dr, &testDigits(t).Train, 0, 200)
		if view {
			m.TranslateView(x)
		}
		if _, err := m.Step(src); err != nil {
			t.Fatal(err)
		}
		return m.TranslateView(x).Data()
	}
	if !equalFloats(step(false), step(true)) {
		t.Error("a TranslateView before a step changed the step")
	}
}

// TestLoadImageModel loads a weight file written as ganctl does (metadata model and
// config) and checks the errors of another demo's file and of a corrupt one.
func TestLoadImageModel(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	mr, _, _ := Streams(1)
	cfg := smallPix2pix()
	m, err := NewPix2pix(dev, mr, cfg)
	if err != nil {
		t.Fatal(err)
	}
	js, _ := json.Marshal(cfg)
	var buf bytes.Buffer
	if err := weights.Save(&buf, m.State(), map[string]string{"model": "pix2pix-edges", "config": string(js)}); err != nil {
		t.Fatal(err)
	}
	file := buf.Bytes()
	mr2, _, _ := Streams(2)
	got, err := DemoPix2pixEdges.LoadImageModel(dev, mr2, file)
	if err != nil {
		t.Fatal(err)
	}
	x := dev.Randn(rand.New(rand.NewPCG(9, 9)), 0, 1, 1, 1, 32, 32)
	if !equalFloats(got.(*Pix2pix).TranslateView(x).Data(), m.TranslateView(x).Data()) {
		t.Error("the loaded model differs from the saved one")
	}
	if _, err := DemoPix2pixSketch.LoadImageModel(dev, mr2, file); err == nil || !strings.Contains(err.Error(), `"pix2pix-edges", not "pix2pix-sketch"`) {
		t.Errorf("another demo's file: %v", err)
	}
	if _, err := DemoPix2pixEdges.LoadImageModel(dev, mr2, file[:len(file)/2]); !errors.Is(err, weights.ErrFormat) {
		t.Errorf("a truncated file: %v; want weights.ErrFormat", err)
	}
}

// stateData copies the values of every tensor of a model's state.
func stateData(ps []nn.Param) [][]float32 {
	out := make([][]float32, len(ps))
	for i, p := range ps {
		out[i] = append([]float32(nil), p.T.Data()...)
	}
	return out
}
