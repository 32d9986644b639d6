package nets

import (
	"errors"
	"fmt"
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
)

// DCGANSize is the side of the images the DCGAN networks make and judge (MNIST's 28).
const DCGANSize = 28

// DCGANConfig sets the size of the DCGAN pair for 28×28 images.
type DCGANConfig struct {
	NZ         int // dimension of the noise z
	NumClasses int // 0 for an unconditional GAN; K > 0 conditions both nets on a label in [0, K)
	NGF, NDF   int // filters of G's last and D's first layer
	NC         int // image channels (1 for digits)
}

// DefaultDCGAN returns the digits DCGAN: z of 64 dimensions, 32 filters, one channel,
// unconditional (set NumClasses to 10 for the conditional GAN).
func DefaultDCGAN() DCGANConfig { return DCGANConfig{NZ: 64, NGF: 32, NDF: 32, NC: 1} }

// Validate checks the config.
func (c DCGANConfig) Validate() error {
	var errs []error
	for _, f := range []struct {
		name   string
		v, min int
	}{{"noise dimension", c.NZ, 1}, {"classes", c.NumClasses, 0}, {"generator filters", c.NGF, 1},
		{"discriminator filters", c.NDF, 1}, {"channels", c.NC, 1}} {
		if f.v < f.min {
			errs = append(errs, fmt.Errorf("%s %d must be ≥ %d", f.name, f.v, f.min))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("nets: DCGAN: %w", err)
	}
	return nil
}

// DCGANGenerator maps noise (and a one-hot label) to a 28×28 image, in the all-convolutional
// style of Radford et al. (2016) with PyTorch's example's layer names ("main.0.weight"):
//
//	[z, onehot(y)] as [N, NZ+K, 1, 1]
//	→ ConvT k7 s1 p0 → BN → ReLU     2·NGF × 7 × 7
//	→ ConvT k4 s2 p1 → BN → ReLU     NGF × 14 × 14
//	→ ConvT k4 s2 p1 → Tanh          NC × 28 × 28
//
// A conditional generator G(z | y) takes the label as its one-hot code concatenated to z
// (Mirza & Osindero 2014). No convolution has a bias, as in the example.
type DCGANGenerator struct {
	Main       *nn.Sequential
	NZ         int
	NumClasses int
}

// NewDCGANGenerator builds G with initial weights drawn from rng.
func NewDCGANGenerator(dev *engine.Device, rng *rand.Rand, c DCGANConfig) (*DCGANGenerator, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	in := c.NZ + c.NumClasses
	main := nn.NewSequential(
		nn.NewConvTranspose2d(dev, rng, in, 2*c.NGF, 7, 1, 0, 0, false), nn.NewBatchNorm(dev, 2*c.NGF), nn.ReLU{},
		nn.NewConvTranspose2d(dev, rng, 2*c.NGF, c.NGF, 4, 2, 1, 0, false), nn.NewBatchNorm(dev, c.NGF), nn.ReLU{},
		nn.NewConvTranspose2d(dev, rng, c.NGF, c.NC, 4, 2, 1, 0, false), nn.Tanh{})
	return &DCGANGenerator{Main: main, NZ: c.NZ, NumClasses: c.NumClasses}, nil
}

// Forward maps x [N, NZ+K] (or [N, NZ+K, 1, 1]), the noise with the one-hot label already
// appended, to images [N, NC, 28, 28] in (-1, 1).
func (g *DCGANGenerator) Forward(x *engine.Tensor) *engine.Tensor {
	in := g.NZ + g.NumClasses
	if x.Rank() == 2 && x.Dim(1) == in {
		x = x.Reshape(x.Dim(0), in, 1, 1)
	}
	if x.Rank() != 4 || x.Dim(1) != in || x.Dim(2) != 1 || x.Dim(3) != 1 {
		panicf("DCGAN generator takes [N, %d], not %v", in, x.Shape())
	}
	return g.Main.Forward(x)
}

// Generate returns G(z | labels) for z [N, NZ]: the labels (N of them, nil when
// unconditional) enter as one-hot codes concatenated to z.
func (g *DCGANGenerator) Generate(z *engine.Tensor, labels []int) *engine.Tensor {
	if g.NumClasses == 0 {
		return g.Forward(z)
	}
	if len(labels) != z.Dim(0) {
		panicf("DCGAN generator: %d labels for %d noise vectors", len(labels), z.Dim(0))
	}
	return g.Forward(engine.Concat(1, z, OneHot(z.Device(), labels, g.NumClasses)))
}

// Params returns the parameters ("main.0.weight", ...).
func (g *DCGANGenerator) Params() []nn.Param { return prefix("main", g.Main.Params()) }

// Buffers returns BatchNorm's running statistics.
func (g *DCGANGenerator) Buffers() []nn.Param { return prefix("main", g.Main.Buffers()) }

// SetTraining switches the BatchNorm layers.
func (g *DCGANGenerator) SetTraining(on bool) { g.Main.SetTraining(on) }

// Children returns the layer list.
func (g *DCGANGenerator) Children() []nn.Module { return []nn.Module{g.Main} }

// DCGANDiscriminator scores 28×28 images (logits, no sigmoid):
//
//	[x, maps(y)] as [N, NC+K, 28, 28]
//	→ Conv k4 s2 p1 → LeakyReLU(0.2)         NDF × 14 × 14
//	→ Conv k4 s2 p1 → BN → LeakyReLU(0.2)    2·NDF × 7 × 7
//	→ Conv k7 s1 p0                          1 logit
//
// A conditional discriminator D(x | y) takes the label as K extra input channels, the
// one-hot code broadcast over the image (the standard cGAN concatenation for convolutional
// nets, as in Isola et al.'s D(x, y)), so its first layer can relate label and pixels.
type DCGANDiscriminator struct {
	Main       *nn.Sequential
	NC         int
	NumClasses int
}

// NewDCGANDiscriminator builds D with initial weights drawn from rng.
func NewDCGANDiscriminator(dev *engine.Device, rng *rand.Rand, c DCGANConfig) (*DCGANDiscriminator, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	lrelu := nn.LeakyReLU{Slope: 0.2}
	main := nn.NewSequential(
		nn.NewConv2d(dev, rng, c.NC+c.NumClasses, c.NDF, 4, 2, 1, false), lrelu,
		nn.NewConv2d(dev, rng, c.NDF, 2*c.NDF, 4, 2, 1, false), nn.NewBatchNorm(dev, 2*c.NDF), lrelu,
		nn.NewConv2d(dev, rng, 2*c.NDF, 1, 7, 1, 0, false))
	return &DCGANDiscriminator{Main: main, NC: c.NC, NumClasses: c.NumClasses}, nil
}

// Forward returns the logits [N, 1] of x [N, NC+K, 28, 28], the label maps already appended.
func (d *DCGANDiscriminator) Forward(x *engine.Tensor) *engine.Tensor {
	if x.Rank() != 4 || x.Dim(1) != d.NC+d.NumClasses || x.Dim(2) != DCGANSize || x.Dim(3) != DCGANSize {
		panicf("DCGAN discriminator takes [N, %d, 28, 28], not %v", d.NC+d.NumClasses, x.Shape())
	}
	return d.Main.Forward(x).Reshape(x.Dim(0), 1)
}

// Judge returns D(x | labels) for images x [N, NC, 28, 28]: the labels (nil when
// unconditional) enter as one-hot maps concatenated along the channels.
func (d *DCGANDiscriminator) Judge(x *engine.Tensor, labels []int) *engine.Tensor {
	if d.NumClasses == 0 {
		return d.Forward(x)
	}
	if len(labels) != x.Dim(0) {
		panicf("DCGAN discriminator: %d labels for %d images", len(labels), x.Dim(0))
	}
	return d.Forward(engine.Concat(1, x, LabelMaps(x.Device(), labels, d.NumClasses, x.Dim(2), x.Dim(3))))
}

// Params returns the parameters ("main.0.weight", ...).
func (d *DCGANDiscriminator) Params() []nn.Param { return prefix("main", d.Main.Params()) }

// Buffers returns BatchNorm's running statistics.
func (d *DCGANDiscriminator) Buffers() []nn.Param { return prefix("main", d.Main.Buffers()) }

// SetTraining switches the BatchNorm layer.
func (d *DCGANDiscriminator) SetTraining(on bool) { d.Main.SetTraining(on) }

// Children returns the layer list.
func (d *DCGANDiscriminator) Children() []nn.Module { return []nn.Module{d.Main} }
