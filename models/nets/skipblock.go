package nets

import (
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
)

// SkipBlock is one level of a U-Net (the reference's UnetSkipConnectionBlock): it
// downsamples, runs the next level inside it, upsamples and concatenates its input to the
// result along the channels,
//
//	y = [x, up(sub(down(x)))]
//
// with down = LeakyReLU(0.2) → Conv k4 s2 p1 → norm and up = ReLU → ConvT k4 s2 p1 → norm
// (→ Dropout(0.5)). The innermost block has no sub and no norm after its down-convolution;
// the outermost has no activation or norm before its down-convolution, ends with a biased
// ConvT → Tanh instead of a norm, and returns up(...) without the concatenation.
type SkipBlock struct {
	Model                *nn.Sequential // down, sub, up: the reference's layer order and indices
	Outermost, Innermost bool
	Skip                 bool // concatenate the input (false only for the encoder-decoder ablation)
}

// skipSpec lists what newSkipBlock needs; channels are input → inner (down) and
// inner or 2·inner → outer (up).
type skipSpec struct {
	input, inner, outer  int
	sub                  *SkipBlock
	outermost, innermost bool
	norm                 Norm
	dropout, skip        bool
}

func newSkipBlock(dev *engine.Device, rng *rand.Rand, s skipSpec) *SkipBlock {
	bias := s.norm.convBias()
	upIn := s.inner
	if !s.innermost && s.skip {
		upIn = 2 * s.inner // the sub-block returned [its input, its output]
	}
	down := nn.NewConv2d(dev, rng, s.input, s.inner, 4, 2, 1, bias)
	var layers []nn.Module
	switch {
	case s.outermost:
		up := nn.NewConvTranspose2d(dev, rng, upIn, s.outer, 4, 2, 1, 0, true)
		layers = []nn.Module{down, s.sub, nn.ReLU{}, up, nn.Tanh{}}
	case s.innermost:
		up := nn.NewConvTranspose2d(dev, rng, upIn, s.outer, 4, 2, 1, 0, bias)
		layers = []nn.Module{nn.LeakyReLU{Slope: 0.2}, down, nn.ReLU{}, up, s.norm.layer(dev, s.outer)}
	default:
		up := nn.NewConvTranspose2d(dev, rng, upIn, s.outer, 4, 2, 1, 0, bias)
		layers = []nn.Module{nn.LeakyReLU{Slope: 0.2}, down, s.norm.layer(dev, s.inner), s.sub,
			nn.ReLU{}, up, s.norm.layer(dev, s.outer)}
		if s.dropout {
			layers = append(layers, nn.NewDropout(rng, 0.5))
		}
	}
	return &SkipBlock{Model: nn.NewSequential(layers...), Outermost: s.outermost, Innermost: s.innermost, Skip: s.skip}
}

// Forward returns [x, model(x)] along the channels, or model(x) for the outermost block.
func (b *SkipBlock) Forward(x *engine.Tensor) *engine.Tensor {
	y := b.Model.Forward(x)
	if b.Outermost || !b.Skip {
		return y
	}
	return engine.Concat(1, x, y)
}

// Params returns the parameters of the block and the blocks inside, prefixed "model".
func (b *SkipBlock) Params() []nn.Param { return prefix("model", b.Model.Params()) }

// Buffers returns the running statistics of the block and the blocks inside.
func (b *SkipBlock) Buffers() []nn.Param { return prefix("model", b.Model.Buffers()) }

// SetTraining switches the block's and the inner blocks' BatchNorm and Dropout layers.
func (b *SkipBlock) SetTraining(on bool) { b.Model.SetTraining(on) }

// Children returns the block's layer list.
func (b *SkipBlock) Children() []nn.Module { return []nn.Module{b.Model} }
