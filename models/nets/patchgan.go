package nets

import (
	"errors"
	"fmt"
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
)

// PatchGANConfig sets the size of a PatchGAN. Layer n has NDF · min(2^n, 8) filters.
type PatchGANConfig struct {
	InputNC int  // channels seen: input + output channels for Pix2pix's conditional D
	NDF     int  // filters of the first layer
	NLayers int  // stride-2 convolutions, at least 1: 3 gives the paper's 70×70 patches
	Norm    Norm // NormBatch for Pix2pix, NormInstance for CycleGAN
}

// DefaultPatchGAN returns the 70×70 PatchGAN of the papers with 16 filters at the first
// layer (a quarter of the reference's 64), for RGB → RGB pairs.
func DefaultPatchGAN() PatchGANConfig {
	return PatchGANConfig{InputNC: 6, NDF: 16, NLayers: 3, Norm: NormBatch}
}

// Validate checks the config.
func (c PatchGANConfig) Validate() error {
	var errs []error
	if c.InputNC < 1 {
		errs = append(errs, fmt.Errorf("input channels %d must be ≥ 1", c.InputNC))
	}
	if c.NDF < 1 {
		errs = append(errs, fmt.Errorf("filters %d must be ≥ 1", c.NDF))
	}
	if c.NLayers < 1 {
		errs = append(errs, fmt.Errorf("layers %d must be ≥ 1", c.NLayers))
	}
	if err := c.Norm.validate(); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("nets: PatchGAN: %w", err)
	}
	return nil
}

// PatchGAN is the reference's NLayerDiscriminator: a fully convolutional net whose output
// [N, 1, H', W'] holds one real/fake logit per overlapping patch of the input,
//
//	Conv k4 s2 p1 → LeakyReLU(0.2)
//	(NLayers - 1) × [Conv k4 s2 p1 → norm → LeakyReLU(0.2)]   filters doubling, at most 8·NDF
//	Conv k4 s1 p1 → norm → LeakyReLU(0.2)
//	Conv k4 s1 p1 → 1 channel
//
// so H' = H/2^NLayers - 2 and each logit sees ReceptiveField() = 9·2^NLayers - 2 pixels
// square (70 for NLayers 3). The loss averages over the patches.
type PatchGAN struct {
	Model *nn.Sequential
}

// NewPatchGAN builds a PatchGAN with initial weights drawn from rng.
func NewPatchGAN(dev *engine.Device, rng *rand.Rand, c PatchGANConfig) (*PatchGAN, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	bias := c.Norm.convBias()
	lrelu := nn.LeakyReLU{Slope: 0.2}
	layers := []nn.Module{nn.NewConv2d(dev, rng, c.InputNC, c.NDF, 4, 2, 1, true), lrelu}
	mult := 1
	for n := 1; n <= c.NLayers; n++ {
		prev, stride := mult, 2
		mult = min(1<<n, 8)
		if n == c.NLayers {
			stride = 1
		}
		layers = append(layers, nn.NewConv2d(dev, rng, c.NDF*prev, c.NDF*mult, 4, stride, 1, bias),
			c.Norm.layer(dev, c.NDF*mult), lrelu)
	}
	layers = append(layers, nn.NewConv2d(dev, rng, c.NDF*mult, 1, 4, 1, 1, true))
	return &PatchGAN{Model: nn.NewSequential(layers...)}, nil
}

// Forward returns the patch logits [N, 1, H', W'] of x [N, InputNC, H, W].
func (d *PatchGAN) Forward(x *engine.Tensor) *engine.Tensor { return d.Model.Forward(x) }

// ForwardPair returns the logits of Pix2pix's conditional discriminator D(x, y), which sees
// the input x and the real or generated output y concatenated along the channels.
func (d *PatchGAN) ForwardPair(x, y *engine.Tensor) *engine.Tensor {
	return d.Model.Forward(engine.Concat(1, x, y))
}

// Convs lists the geometry of the convolutions in order.
func (d *PatchGAN) Convs() []ConvSpec {
	var cs []ConvSpec
	for _, l := range d.Model.Layers {
		if c, ok := l.(*nn.Conv2d); ok {
			cs = append(cs, ConvSpec{Kernel: c.Weight.Dim(2), Stride: c.Stride, Pad: c.Pad})
		}
	}
	return cs
}

// ReceptiveField returns the side of the square of input pixels that one logit sees.
func (d *PatchGAN) ReceptiveField() int { return Window(d.Convs()).Size }

// Params returns the parameters, named as the reference's ("model.0.weight", ...).
func (d *PatchGAN) Params() []nn.Param { return prefix("model", d.Model.Params()) }

// Buffers returns BatchNorm's running statistics.
func (d *PatchGAN) Buffers() []nn.Param { return prefix("model", d.Model.Buffers()) }

// SetTraining switches the BatchNorm layers.
func (d *PatchGAN) SetTraining(on bool) { d.Model.SetTraining(on) }

// Children returns the layer list.
func (d *PatchGAN) Children() []nn.Module { return []nn.Module{d.Model} }
