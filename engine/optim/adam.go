package optim

import (
	"fmt"
	"math"

	"github.com/ganplay/ganplay/engine"
)

// Adam is the optimizer of Kingma & Ba (2015) with bias correction:
//
//	m ← β1·m + (1-β1)·g,  v ← β2·v + (1-β2)·g²
//	w ← w - lr/(1-β1^t) · m / (√v/√(1-β2^t) + ε)
//
// (ε added after the bias correction, as PyTorch does).
type Adam struct {
	params
	Beta1, Beta2, Eps float32
	m, v              []*engine.Tensor
}

// NewAdam returns Adam over ps. GANs use lr 2e-4 with betas (0.5, 0.999); WGAN-GP uses
// 1e-4 with (0.5, 0.9). ε is 1e-8.
func NewAdam(ps []*engine.Tensor, lr, beta1, beta2 float32) (*Adam, error) {
	p, err := newParams(ps, lr)
	if err != nil {
		return nil, err
	}
	if beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1 {
		return nil, fmt.Errorf("optim: Adam betas (%v, %v) must be in [0, 1)", beta1, beta2)
	}
	return &Adam{params: p, Beta1: beta1, Beta2: beta2, Eps: 1e-8, m: zerosLike(ps), v: zerosLike(ps)}, nil
}

// Step applies one update.
func (o *Adam) Step() {
	t := o.t + 1 // update counts this step
	bc1 := 1 - math.Pow(float64(o.Beta1), float64(t))
	bc2 := 1 - math.Pow(float64(o.Beta2), float64(t))
	p := engine.OptimParams{LR: float32(float64(o.lr) / bc1), Beta1: o.Beta1, Beta2: o.Beta2,
		Eps: o.Eps, Scale: float32(1 / math.Sqrt(bc2))}
	o.update(func(i int, w, g *engine.Tensor) {
		engine.OptimStep(engine.OptAdam, p, w, g, o.m[i], o.v[i])
	})
}

// Slots returns the first moments of every parameter, then the second.
func (o *Adam) Slots() []*engine.Tensor { return append(append([]*engine.Tensor(nil), o.m...), o.v...) }
