package optim

import (
	"fmt"

	"github.com/ganplay/ganplay/engine"
)

// SGD is stochastic gradient descent with momentum μ (PyTorch's form):
//
//	v ← μ·v + g,  w ← w - lr·v
type SGD struct {
	params
	Momentum float32
	v        []*engine.Tensor
}

// NewSGD returns SGD over ps; momentum 0 is plain gradient descent.
func NewSGD(ps []*engine.Tensor, lr, momentum float32) (*SGD, error) {
	p, err := newParams(ps, lr)
	if err != nil {
		return nil, err
	}
	if momentum < 0 || momentum >= 1 {
		return nil, fmt.Errorf("optim: SGD momentum %v must be in [0, 1)", momentum)
	}
	return &SGD{params: p, Momentum: momentum, v: zerosLike(ps)}, nil
}

// Step applies one update.
func (o *SGD) Step() {
	o.update(func(i int, w, g *engine.Tensor) {
		engine.OptimStep(engine.OptSGD, engine.OptimParams{LR: o.lr, Momentum: o.Momentum}, w, g, o.v[i], nil)
	})
}

// Slots returns the velocities.
func (o *SGD) Slots() []*engine.Tensor { return append([]*engine.Tensor(nil), o.v...) }
