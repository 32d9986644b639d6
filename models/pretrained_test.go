package models

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/models/imagedata"
	"github.com/ganplay/ganplay/models/weights"
)

// loadPretrained builds demo d with the config recorded in its weight file under
// pretrained/ and loads the weights; ok is false when there is no file.
func loadPretrained(t *testing.T, dev *engine.Device, d ImageDemo) (m ImageModel, ok bool) {
	t.Helper()
	path := filepath.Join("pretrained", d.String()+".safetensors")
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false
	} else if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, meta, err := weights.Read(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	steps, _ := strconv.Atoi(meta["steps"])
	cfg, err := d.Config(steps, 0)
	if err != nil {
		t.Fatal(err)
	}
	// The recorded config replaces the default one field by field.
	switch c := cfg.(type) {
	case DCGANConfig:
		err = json.Unmarshal([]byte(meta["config"]), &c)
		cfg = c
	case Pix2pixConfig:
		err = json.Unmarshal([]byte(meta["config"]), &c)
		cfg = c
	case CycleGANConfig:
		err = json.Unmarshal([]byte(meta["config"]), &c)
		cfg = c
	}
	if err != nil {
		t.Fatalf("%s: config: %v", path, err)
	}
	mr, _, _ := Streams(1)
	if m, err = d.Build(dev, mr, cfg); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if _, err := f.Seek(0, 0); err != nil {
		t.Fatal(err)
	}
	if err := weights.Load(f, m.State()); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return m, true
}

// TestPretrainedWeights loads every pretrained weight file that exists and checks that it
// does what its demo shows: the DCGAN's samples cover the digits, the conditional GAN's
// samples are classified as their label,
// Pix2pix's held-out L1 error is small and CycleGAN's cycle error is small.
func TestPretrainedWeights(t *testing.T) {
	for _, d := range ImageDemos {
		dev := engine.NewDevice(cpu.New())
		m, ok := loadPretrained(t, dev, d)
		if !ok {
			t.Logf("%v: no pretrained weights", d)
			continue
		}
		_, dataRNG, _ := Streams(2)
		switch d {
		case DemoCGAN:
			cls := trainCentroids(&testDigits(t).Train)
			var parts []*engine.Tensor
			for y := 0; y < 10; y++ {
				parts = append(parts, m.(*DCGAN).SampleClass(20, y))
			}
			acc := cls.accuracy(engine.Concat(0, parts...), func(i int) int { return i / 20 })
			t.Logf("%v: classifier accuracy on G(z | y): %.2f", d, acc)
			if acc < 0.6 {
				t.Errorf("%v: accuracy %.2f; want ≥ 0.6", d, acc)
			}
		case DemoDCGAN:
			cls := trainCentroids(&testDigits(t).Train)
			x := m.(*DCGAN).Sample(200)
			data := x.Data()
			var count [10]int
			for i := 0; i < 200; i++ {
				count[cls.classify(data[i*784:][:784])]++
			}
			covered := 0
			for _, c := range count {
				if c >= 5 {
					covered++
				}
			}
			t.Logf("%v: samples per class (nearest class mean): %v", d, count)
			if covered < 8 {
				t.Errorf("%v: %d classes with at least 5 of 200 samples; want ≥ 8 (no mode collapse)", d, covered)
			}
		case DemoPix2pixEdges, DemoPix2pixSketch:
			var src *ImagePairSource
			if d == DemoPix2pixEdges {
				src = NewEdgeSource(dev, dataRNG, &testDigits(t).Test, 0, 100)
			} else {
				src = NewSketchSource(dev, dataRNG, imagedata.Sketches{Seed: SketchSeed}, HeldOut, 100)
			}
			p := m.(*Pix2pix)
			x, y := SplitPair(src.Next(16).X, p.Config.G.InputNC)
			l1 := meanAbs(p.Translate(x), y)
			t.Logf("%v: held-out L1 %.3f", d, l1)
			if l1 > 0.2 {
				t.Errorf("%v: held-out L1 %.3f; want ≤ 0.2", d, l1)
			}
		case DemoCycleGAN:
			c := m.(*CycleGAN)
			e := c.CycleError(NewUnpairedSource(dev, dataRNG, imagedata.HorseZebra{Seed: HorseZebraSeed}, HeldOut, 100).Next(8).X)
			t.Logf("%v: held-out cycle error %.3f", d, e)
			if e > 0.15 {
				t.Errorf("%v: cycle error %.3f; want ≤ 0.15", d, e)
			}
		}
	}
}
