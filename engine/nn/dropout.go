package nn

import (
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
)

// Dropout zeroes each element with probability P during training and scales the survivors
// by 1/(1 - P), so evaluation is the identity. Pix2pix keeps it on at test time as its noise
// source: leave Training on for that.
type Dropout struct {
	P        float64
	Training bool
	rng      *rand.Rand
}

// NewDropout returns a Dropout in training mode that draws its masks from rng.
func NewDropout(rng *rand.Rand, p float64) *Dropout {
	if p < 0 || p >= 1 {
		panic("nn: dropout probability must be in [0, 1)")
	}
	return &Dropout{P: p, Training: true, rng: rng}
}

// Forward applies the mask.
func (d *Dropout) Forward(x *engine.Tensor) *engine.Tensor {
	if !d.Training || d.P == 0 {
		return x
	}
	keep := float32(1 / (1 - d.P))
	mask := make([]float32, x.Len())
	for i := range mask {
		if d.rng.Float64() >= d.P {
			mask[i] = keep
		}
	}
	return x.Mul(x.Device().FromSlice(mask, x.Shape()...))
}

// Params returns nothing: dropout has no parameters.
func (d *Dropout) Params() []Param { return nil }

// SetTraining turns the masks on or off.
func (d *Dropout) SetTraining(on bool) { d.Training = on }
