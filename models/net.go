package models

import (
	"errors"
	"fmt"
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
)

// Net sets the sizes of the two multilayer perceptrons of a 2-D model:
//
//	G: z (NoiseDim) → Depth × [Linear(Width), ReLU] → Linear(DataDim),  z ~ Noise
//	D: x (DataDim)  → Depth × [Linear(Width), ReLU] → Linear(1)
//
// as in the WGAN-GP toy script (which uses Width 512, Depth 3). A conditional model adds the
// one-hot label to both inputs. Weights start as PyTorch's nn.Linear does.
type Net struct {
	NoiseDim int // dimension of z ~ N(0, I)
	Width    int // units per hidden layer
	Depth    int // hidden layers in G and in D
	DataDim  int // dimension of a sample: 2 for the toy data
	// Noise is the distribution of z: N(0, I) (the zero value) or U(-1, 1)^NoiseDim.
	Noise NoiseShape
}

// NoiseShape is the distribution of G's input z.
type NoiseShape int

// The noise distributions.
const (
	Gaussian NoiseShape = iota // z ~ N(0, I)
	Uniform                    // z ~ U(-1, 1)^d, each coordinate independent
)

// String returns "gaussian" or "uniform".
func (s NoiseShape) String() string {
	if s == Uniform {
		return "uniform"
	}
	return "gaussian"
}

// DefaultNet returns the network used by every DefaultX: two hidden layers of 128 ReLU units
// and 2-D noise, as the engine's reference toy GAN (bench/toygan.go). The WGAN-GP toy
// script's 512 × 3 is four times wider and trains many times slower on a CPU.
func DefaultNet() Net { return Net{NoiseDim: 2, Width: 128, Depth: 2, DataDim: 2} }

// Validate checks that every size is at least 1.
func (n Net) Validate() error {
	var errs []error
	for _, f := range []struct {
		name string
		v    int
	}{{"noise dimension", n.NoiseDim}, {"width", n.Width}, {"depth", n.Depth}, {"data dimension", n.DataDim}} {
		if f.v < 1 {
			errs = append(errs, fmt.Errorf("%s %d must be ≥ 1", f.name, f.v))
		}
	}
	return errors.Join(errs...)
}

// mlp builds in → depth × [Linear(width), ReLU] → Linear(out).
func mlp(dev *engine.Device, rng *rand.Rand, in, width, depth, out int) *nn.Sequential {
	var layers []nn.Module
	for i := 0; i < depth; i++ {
		layers = append(layers, nn.NewLinear(dev, rng, in, width), nn.ReLU{})
		in = width
	}
	return nn.NewSequential(append(layers, nn.NewLinear(dev, rng, in, out))...)
}
