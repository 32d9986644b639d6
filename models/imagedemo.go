package models

import (
	"fmt"
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/models/imagedata"
)

// ImageDemo names one of the image demos: a model, its config and its data. ganctl
// train-image trains them and the page loads their pretrained weights, so both build the
// model with Config.
type ImageDemo int

// The image demos. The zero value is not a demo.
const (
	DemoDCGAN         ImageDemo = iota + 1 // DCGAN on 28×28 digits
	DemoCGAN                               // class-conditional GAN on 28×28 digits
	DemoPix2pixEdges                       // Pix2pix, edges → digit, 32×32
	DemoPix2pixSketch                      // Pix2pix, sketch → shaded object, 64×64
	DemoCycleGAN                           // CycleGAN, horse ↔ zebra shapes, 32×32
)

// ImageDemos lists every demo in order.
var ImageDemos = []ImageDemo{DemoDCGAN, DemoCGAN, DemoPix2pixEdges, DemoPix2pixSketch, DemoCycleGAN}

// String returns the demo's name as ganctl spells it.
func (d ImageDemo) String() string {
	switch d {
	case DemoDCGAN:
		return "dcgan"
	case DemoCGAN:
		return "cgan"
	case DemoPix2pixEdges:
		return "pix2pix-edges"
	case DemoPix2pixSketch:
		return "pix2pix-sketch"
	case DemoCycleGAN:
		return "cyclegan"
	}
	return fmt.Sprintf("ImageDemo(%d)", int(d))
}

// ParseImageDemo returns the demo named s.
func ParseImageDemo(s string) (ImageDemo, error) {
	for _, d := range ImageDemos {
		if d.String() == s {
			return d, nil
		}
	}
	return 0, fmt.Errorf("models: unknown image demo %q (want dcgan, cgan, pix2pix-edges, pix2pix-sketch or cyclegan)", s)
}

// NeedsDigits reports whether the demo's data are the MNIST digits.
func (d ImageDemo) NeedsDigits() bool {
	return d == DemoDCGAN || d == DemoCGAN || d == DemoPix2pixEdges
}

// Data seeds of the procedural demos, fixed so that pretrained weights match the page's data.
const (
	SketchSeed     = 1
	HorseZebraSeed = 1
	// HeldOut is the first index of the procedural demos' held-out images; training draws
	// indices below it.
	HeldOut = 1 << 20
)

// Config returns the demo's config: the paper's defaults (DefaultX) at the demo's size.
// steps sets CycleGAN's schedule (the rate held for the first half, decaying linearly to 0
// over the second, as in the paper); batch > 0 replaces the default batch size.
func (d ImageDemo) Config(steps, batch int) (any, error) {
	switch d {
	case DemoDCGAN, DemoCGAN:
		c := DefaultDCGAN()
		if d == DemoCGAN {
			c = DefaultDigitCGAN()
		}
		if batch > 0 {
			c.Batch = batch
		}
		return c, nil
	case DemoPix2pixEdges, DemoPix2pixSketch:
		c := DefaultPix2pix(1, 3)
		if d == DemoPix2pixEdges {
			c = DefaultPix2pix(1, 1)
			c.G.NumDowns = 5 // 32×32 down to 1×1
		}
		if batch > 0 {
			c.Batch = batch
		}
		return c, nil
	case DemoCycleGAN:
		c := DefaultCycleGAN(3)
		c.Hold, c.Decay = steps/2, steps-steps/2
		if batch > 0 {
			c.Batch = batch
		}
		return c, nil
	}
	return nil, fmt.Errorf("models: unknown image demo %v", d)
}

// Build returns the demo's model with config cfg (from Config, possibly changed) on dev,
// drawing from rng.
func (d ImageDemo) Build(dev *engine.Device, rng *rand.Rand, cfg any) (ImageModel, error) {
	switch c := cfg.(type) {
	case DCGANConfig:
		return NewDCGAN(dev, rng, c)
	case Pix2pixConfig:
		return NewPix2pix(dev, rng, c)
	case CycleGANConfig:
		return NewCycleGAN(dev, rng, c)
	}
	return nil, fmt.Errorf("models: %v: config of type %T", d, cfg)
}

// Source returns the demo's training data drawn with rng; digits are needed for the digit
// demos (NeedsDigits) and ignored otherwise.
func (d ImageDemo) Source(dev *engine.Device, rng *rand.Rand, digits *imagedata.Digits) (Source, error) {
	if d.NeedsDigits() && digits == nil {
		return nil, fmt.Errorf("models: %v needs the digits asset", d)
	}
	switch d {
	case DemoDCGAN, DemoCGAN:
		return NewDigitSource(dev, rng, &digits.Train), nil
	case DemoPix2pixEdges:
		return NewEdgeSource(dev, rng, &digits.Train, 0, digits.Train.Len()), nil
	case DemoPix2pixSketch:
		return NewSketchSource(dev, rng, imagedata.Sketches{Seed: SketchSeed}, 0, HeldOut), nil
	case DemoCycleGAN:
		return NewUnpairedSource(dev, rng, imagedata.HorseZebra{Seed: HorseZebraSeed}, 0, HeldOut), nil
	}
	return nil, fmt.Errorf("models: unknown image demo %v", d)
}
