package nn

import (
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
)

// Conv2d is a 2-D convolution with weight [Out, In, K, K] and bias [Out]
// (see engine.Conv2d for the formula).
type Conv2d struct {
	Weight, Bias *engine.Tensor // Bias may be nil
	Stride, Pad  int
}

// NewConv2d returns a Conv2d initialised as PyTorch does: U(-1/√fanIn, 1/√fanIn) with
// fanIn = In·K·K. bias false leaves the bias out (a layer followed by a norm needs none).
func NewConv2d(dev *engine.Device, rng *rand.Rand, in, out, k, stride, pad int, bias bool) *Conv2d {
	c := &Conv2d{Weight: dev.Zeros(out, in, k, k).RequiresGrad(), Stride: stride, Pad: pad}
	KaimingUniform(c.Weight, rng, sqrt5)
	if bias {
		c.Bias = dev.Zeros(out).RequiresGrad()
		UniformFanIn(c.Bias, rng, in*k*k)
	}
	return c
}

// Forward convolves x [N, In, H, W].
func (c *Conv2d) Forward(x *engine.Tensor) *engine.Tensor {
	return engine.Conv2d(x, c.Weight, c.Bias, c.Stride, c.Pad)
}

// Params returns weight and bias.
func (c *Conv2d) Params() []Param { return weightBias(c.Weight, c.Bias) }

// ConvTranspose2d is a transposed convolution with weight [In, Out, K, K] and bias [Out]
// (see engine.ConvTranspose2d for the formula and output size).
type ConvTranspose2d struct {
	Weight, Bias        *engine.Tensor // Bias may be nil
	Stride, Pad, OutPad int
}

// NewConvTranspose2d returns a ConvTranspose2d initialised as PyTorch does (fanIn is
// computed from weight axis 1, Out·K·K).
func NewConvTranspose2d(dev *engine.Device, rng *rand.Rand, in, out, k, stride, pad, outPad int, bias bool) *ConvTranspose2d {
	c := &ConvTranspose2d{Weight: dev.Zeros(in, out, k, k).RequiresGrad(), Stride: stride, Pad: pad, OutPad: outPad}
	KaimingUniform(c.Weight, rng, sqrt5)
	if bias {
		c.Bias = dev.Zeros(out).RequiresGrad()
		UniformFanIn(c.Bias, rng, out*k*k)
	}
	return c
}

// Forward applies the transposed convolution to x [N, In, H, W].
func (c *ConvTranspose2d) Forward(x *engine.Tensor) *engine.Tensor {
	return engine.ConvTranspose2d(x, c.Weight, c.Bias, c.Stride, c.Pad, c.OutPad)
}

// Params returns weight and bias.
func (c *ConvTranspose2d) Params() []Param { return weightBias(c.Weight, c.Bias) }
