package nn

import (
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
)

// Linear is the affine layer y = x·Wᵀ + b with W of shape [Out, In] and b of shape [Out].
type Linear struct {
	Weight, Bias *engine.Tensor // Bias may be nil
}

// NewLinear returns a Linear layer initialised as PyTorch does: W and b ~ U(-1/√In, 1/√In)
// (Kaiming uniform with a = √5).
func NewLinear(dev *engine.Device, rng *rand.Rand, in, out int) *Linear {
	l := &Linear{Weight: dev.Zeros(out, in).RequiresGrad(), Bias: dev.Zeros(out).RequiresGrad()}
	KaimingUniform(l.Weight, rng, sqrt5)
	UniformFanIn(l.Bias, rng, in)
	return l
}

// Forward returns x·Wᵀ + b for x of shape [N, In].
func (l *Linear) Forward(x *engine.Tensor) *engine.Tensor {
	y := engine.MatMul(x, l.Weight, false, true)
	if l.Bias != nil {
		y = y.Add(l.Bias)
	}
	return y
}

// Params returns weight and bias.
func (l *Linear) Params() []Param { return weightBias(l.Weight, l.Bias) }

func weightBias(w, b *engine.Tensor) []Param {
	ps := []Param{{"weight", w}}
	if b != nil {
		ps = append(ps, Param{"bias", b})
	}
	return ps
}
