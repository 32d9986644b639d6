package nets

import (
	"errors"
	"fmt"
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
)

// UNetConfig sets the size of a U-Net. Level i (0 is outermost) has
//
//	NGF · min(2^i, MaxMult)
//
// filters; an input side must be a multiple of 2^NumDowns (the bottleneck is 1×1 when it
// equals it). The reference's unet_256 is NumDowns 8, NGF 64, MaxMult 8.
type UNetConfig struct {
	InputNC, OutputNC int  // channels of the input and output images
	NumDowns          int  // stride-2 downsamplings (levels), at least 2
	NGF               int  // filters of the outermost level
	MaxMult           int  // cap on the filter multiplier, a power of two (reference 8)
	Norm              Norm // NormBatch for Pix2pix
	// Dropout adds Dropout(0.5) after the up-path of every middle block whose input and
	// output both have NGF·MaxMult channels: the reference's use_dropout, the generator's
	// only noise in Pix2pix (NumDowns - 5 blocks for MaxMult 8).
	Dropout bool
	// NoSkip removes the skip connections, leaving the encoder-decoder baseline of Isola et
	// al. (2017, Fig. 5). It exists for comparisons and tests.
	NoSkip bool
}

// DefaultUNet returns a U-Net for 64×64 RGB images: 6 levels down to 1×1 with 16, 32, 64,
// 64, 64, 64 filters (the reference's unet_256 has 64 up to 512), BatchNorm, and dropout in
// the two middle blocks of 64 → 64 channels: 650,403 parameters, 2.6 MB as F32.
func DefaultUNet() UNetConfig {
	return UNetConfig{InputNC: 3, OutputNC: 3, NumDowns: 6, NGF: 16, MaxMult: 4, Norm: NormBatch, Dropout: true}
}

// Validate checks the config.
func (c UNetConfig) Validate() error {
	var errs []error
	for _, f := range []struct {
		name   string
		v, min int
	}{{"input channels", c.InputNC, 1}, {"output channels", c.OutputNC, 1}, {"levels", c.NumDowns, 2},
		{"filters", c.NGF, 1}, {"filter multiplier cap", c.MaxMult, 1}} {
		if f.v < f.min {
			errs = append(errs, fmt.Errorf("%s %d must be ≥ %d", f.name, f.v, f.min))
		}
	}
	if c.MaxMult&(c.MaxMult-1) != 0 {
		errs = append(errs, fmt.Errorf("filter multiplier cap %d must be a power of two", c.MaxMult))
	}
	if err := c.Norm.validate(); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("nets: U-Net: %w", err)
	}
	return nil
}

// filters returns the filters of level i: NGF · min(2^i, MaxMult).
func (c UNetConfig) filters(i int) int { return c.NGF * min(1<<i, c.MaxMult) }

// UNet is the Pix2pix generator: an encoder-decoder in which every level's encoder output
// is concatenated to its decoder input,
//
//	y = tanh(up_0(relu([e_1, up_1(relu([e_2, ...]))]))) with e_i the i-th encoder output,
//
// so that low-level detail (edges, positions) passes straight across. Model is the
// outermost SkipBlock; the name prefix "model" matches the reference's UnetGenerator.
type UNet struct {
	Model    *SkipBlock
	NumDowns int
}

// NewUNet builds a U-Net inside-out, innermost block first, and draws its initial weights
// (PyTorch's defaults; apply nn.InitGAN for the papers' N(0, 0.02²)) and dropout masks
// from rng.
func NewUNet(dev *engine.Device, rng *rand.Rand, c UNetConfig) (*UNet, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	var block *SkipBlock
	for i := c.NumDowns - 1; i >= 0; i-- {
		outer, input := c.OutputNC, c.InputNC
		if i > 0 {
			outer = c.filters(i - 1)
			input = outer
		}
		dropout := c.Dropout && i > 0 && i < c.NumDowns-1 && outer == c.NGF*c.MaxMult && c.filters(i) == outer
		block = newSkipBlock(dev, rng, skipSpec{
			input: input, inner: c.filters(i), outer: outer, sub: block,
			outermost: i == 0, innermost: i == c.NumDowns-1,
			norm: c.Norm, dropout: dropout, skip: !c.NoSkip,
		})
	}
	return &UNet{Model: block, NumDowns: c.NumDowns}, nil
}

// Forward maps x [N, InputNC, H, W] to [N, OutputNC, H, W] in (-1, 1); H and W must be
// multiples of 2^NumDowns.
func (u *UNet) Forward(x *engine.Tensor) *engine.Tensor {
	m := 1 << u.NumDowns
	if x.Rank() != 4 || x.Dim(2)%m != 0 || x.Dim(3)%m != 0 {
		panicf("U-Net with %d levels takes [N, C, H, W] with H and W multiples of %d, not %v", u.NumDowns, m, x.Shape())
	}
	return u.Model.Forward(x)
}

// Params returns the parameters, named as the reference's ("model.model.0.weight", ...).
func (u *UNet) Params() []nn.Param { return prefix("model", u.Model.Params()) }

// Buffers returns BatchNorm's running statistics.
func (u *UNet) Buffers() []nn.Param { return prefix("model", u.Model.Buffers()) }

// SetTraining switches every BatchNorm and Dropout inside.
func (u *UNet) SetTraining(on bool) { u.Model.SetTraining(on) }

// Children returns the outermost block.
func (u *UNet) Children() []nn.Module { return []nn.Module{u.Model} }
