package nets

import (
	"errors"
	"fmt"
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
)

// ResNetConfig sets the size of a ResNet generator.
type ResNetConfig struct {
	InputNC, OutputNC int  // channels of the input and output images
	NGF               int  // filters of the first layer; 4·NGF in the ResnetBlocks
	NBlocks           int  // ResnetBlocks at 1/4 resolution (reference: 6 for 128 px, 9 for 256 px)
	Norm              Norm // NormInstance for CycleGAN
	Dropout           bool // Dropout(0.5) inside each block (the reference's use_dropout; off in CycleGAN)
}

// DefaultResNet returns the CycleGAN generator for 64×64 RGB images: 16 filters (a quarter
// of the reference's 64), 6 blocks, instance norm.
func DefaultResNet() ResNetConfig {
	return ResNetConfig{InputNC: 3, OutputNC: 3, NGF: 16, NBlocks: 6, Norm: NormInstance}
}

// Validate checks the config.
func (c ResNetConfig) Validate() error {
	var errs []error
	for _, f := range []struct {
		name   string
		v, min int
	}{{"input channels", c.InputNC, 1}, {"output channels", c.OutputNC, 1}, {"filters", c.NGF, 1}, {"blocks", c.NBlocks, 0}} {
		if f.v < f.min {
			errs = append(errs, fmt.Errorf("%s %d must be ≥ %d", f.name, f.v, f.min))
		}
	}
	if err := c.Norm.validate(); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("nets: ResNet generator: %w", err)
	}
	return nil
}

// ResNetGenerator is the CycleGAN generator (Johnson et al. 2016's transformation network):
//
//	ReflectionPad(3) → Conv k7 → norm → ReLU                        NGF filters
//	2 × [Conv k3 s2 p1 → norm → ReLU]                               2·NGF, 4·NGF at 1/4 size
//	NBlocks × ResnetBlock                                           4·NGF
//	2 × [ConvT k3 s2 p1 outpad 1 → norm → ReLU]                     2·NGF, NGF at full size
//	ReflectionPad(3) → Conv k7 → Tanh                               OutputNC
//
// Reflection padding instead of zeros avoids artefacts at the borders. H and W must be
// multiples of 4 and at least 8.
type ResNetGenerator struct {
	Model *nn.Sequential
}

// NewResNetGenerator builds a ResNet generator with initial weights (and dropout masks)
// drawn from rng.
func NewResNetGenerator(dev *engine.Device, rng *rand.Rand, c ResNetConfig) (*ResNetGenerator, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	bias := c.Norm.convBias()
	relu := nn.ReLU{}
	layers := []nn.Module{ReflectionPad2d{Pad: 3}, nn.NewConv2d(dev, rng, c.InputNC, c.NGF, 7, 1, 0, bias),
		c.Norm.layer(dev, c.NGF), relu}
	for i := 0; i < 2; i++ {
		m := 1 << i
		layers = append(layers, nn.NewConv2d(dev, rng, c.NGF*m, 2*c.NGF*m, 3, 2, 1, bias),
			c.Norm.layer(dev, 2*c.NGF*m), relu)
	}
	for i := 0; i < c.NBlocks; i++ {
		layers = append(layers, NewResnetBlock(dev, rng, 4*c.NGF, c.Norm, c.Dropout))
	}
	for i := 0; i < 2; i++ {
		m := 4 >> i
		layers = append(layers, nn.NewConvTranspose2d(dev, rng, c.NGF*m, c.NGF*m/2, 3, 2, 1, 1, bias),
			c.Norm.layer(dev, c.NGF*m/2), relu)
	}
	layers = append(layers, ReflectionPad2d{Pad: 3}, nn.NewConv2d(dev, rng, c.NGF, c.OutputNC, 7, 1, 0, true), nn.Tanh{})
	return &ResNetGenerator{Model: nn.NewSequential(layers...)}, nil
}

// Forward maps x [N, InputNC, H, W] to [N, OutputNC, H, W] in (-1, 1).
func (g *ResNetGenerator) Forward(x *engine.Tensor) *engine.Tensor {
	if x.Rank() != 4 || x.Dim(2)%4 != 0 || x.Dim(3)%4 != 0 || x.Dim(2) < 8 || x.Dim(3) < 8 {
		panicf("ResNet generator takes [N, C, H, W] with H and W multiples of 4 and at least 8, not %v", x.Shape())
	}
	return g.Model.Forward(x)
}

// Params returns the parameters, named as the reference's ("model.1.weight",
// "model.10.conv_block.1.weight", ...).
func (g *ResNetGenerator) Params() []nn.Param { return prefix("model", g.Model.Params()) }

// Buffers returns BatchNorm's running statistics (none with instance norm).
func (g *ResNetGenerator) Buffers() []nn.Param { return prefix("model", g.Model.Buffers()) }

// SetTraining switches the BatchNorm and Dropout layers.
func (g *ResNetGenerator) SetTraining(on bool) { g.Model.SetTraining(on) }

// Children returns the layer list.
func (g *ResNetGenerator) Children() []nn.Module { return []nn.Module{g.Model} }

// ResnetBlock is a residual block (He et al. 2016) that keeps the size and channels:
//
//	y = x + norm(conv(pad(relu(norm(conv(pad(x)))))))
//
// with pad = ReflectionPad(1) and conv = Conv k3 (→ Dropout(0.5) after the ReLU if on).
type ResnetBlock struct {
	ConvBlock *nn.Sequential
}

// NewResnetBlock builds a block over dim channels with initial weights drawn from rng.
func NewResnetBlock(dev *engine.Device, rng *rand.Rand, dim int, norm Norm, dropout bool) *ResnetBlock {
	bias := norm.convBias()
	layers := []nn.Module{ReflectionPad2d{Pad: 1}, nn.NewConv2d(dev, rng, dim, dim, 3, 1, 0, bias), norm.layer(dev, dim), nn.ReLU{}}
	if dropout {
		layers = append(layers, nn.NewDropout(rng, 0.5))
	}
	layers = append(layers, ReflectionPad2d{Pad: 1}, nn.NewConv2d(dev, rng, dim, dim, 3, 1, 0, bias), norm.layer(dev, dim))
	return &ResnetBlock{ConvBlock: nn.NewSequential(layers...)}
}

// Forward returns x + conv_block(x).
func (b *ResnetBlock) Forward(x *engine.Tensor) *engine.Tensor { return x.Add(b.ConvBlock.Forward(x)) }

// Params returns the parameters, prefixed "conv_block" as the reference's.
func (b *ResnetBlock) Params() []nn.Param { return prefix("conv_block", b.ConvBlock.Params()) }

// Buffers returns BatchNorm's running statistics.
func (b *ResnetBlock) Buffers() []nn.Param { return prefix("conv_block", b.ConvBlock.Buffers()) }

// SetTraining switches the BatchNorm and Dropout layers.
func (b *ResnetBlock) SetTraining(on bool) { b.ConvBlock.SetTraining(on) }

// Children returns the layer list.
func (b *ResnetBlock) Children() []nn.Module { return []nn.Module{b.ConvBlock} }
