// Package optim holds the optimizers that train GANs (SGD with momentum, Adam, RMSProp),
// weight clipping for WGAN's critic and learning-rate schedules. Each optimizer keeps its
// state per parameter and updates parameters in place, outside the autograd graph.
package optim

import (
	"fmt"

	"github.com/ganplay/ganplay/engine"
)

// Optimizer updates parameters from the gradients that Backward accumulated in their Grad.
type Optimizer interface {
	// Step applies one update; parameters without a gradient are left alone.
	Step()
	// ZeroGrad clears the gradients of the parameters.
	ZeroGrad()
	// SetLR sets the learning rate for the next steps (schedules call it).
	SetLR(lr float32)
	// LR returns the current learning rate.
	LR() float32
	// Slots returns the optimizer's state tensors in a fixed order (Adam: the first moment
	// of every parameter, then the second; RMSProp: the running squares; SGD: the
	// velocities). Writing them, with Steps, restores a saved state (see Restore).
	Slots() []*engine.Tensor
	// Steps returns the number of updates applied, on which Adam's bias correction depends.
	Steps() int
	// SetSteps sets that number, for an optimizer whose Slots were restored.
	SetSteps(n int)
}

// params is the part every optimizer shares: the tensors it updates, the learning rate and
// the number of updates so far.
type params struct {
	ps []*engine.Tensor
	lr float32
	t  int
}

func newParams(ps []*engine.Tensor, lr float32) (params, error) {
	if !(lr >= 0) {
		return params{}, fmt.Errorf("optim: learning rate %v must be ≥ 0", lr)
	}
	for i, p := range ps {
		if !p.NeedsGrad() {
			return params{}, fmt.Errorf("optim: parameter %d (shape %v) does not require grad", i, p.Shape())
		}
	}
	return params{ps: ps, lr: lr}, nil
}

func (p *params) ZeroGrad() {
	for _, t := range p.ps {
		t.ZeroGrad()
	}
}

func (p *params) SetLR(lr float32) { p.lr = lr }
func (p *params) LR() float32      { return p.lr }
func (p *params) Steps() int       { return p.t }
func (p *params) SetSteps(n int)   { p.t = n }

// update counts one step and runs f for every parameter that has a gradient, with recording
// off.
func (p *params) update(f func(i int, w, g *engine.Tensor)) {
	p.t++
	if len(p.ps) == 0 {
		return
	}
	p.ps[0].Device().NoGrad(func() {
		for i, w := range p.ps {
			if w.Grad != nil {
				f(i, w, w.Grad)
			}
		}
	})
}

// zerosLike returns one zero tensor per parameter, for optimizer state.
func zerosLike(ps []*engine.Tensor) []*engine.Tensor {
	out := make([]*engine.Tensor, len(ps))
	for i, p := range ps {
		out[i] = p.Device().Zeros(p.Shape()...)
	}
	return out
}
