package optim

import "github.com/ganplay/ganplay/engine"

// RMSProp (Tieleman & Hinton 2012), the optimizer of the WGAN paper, in PyTorch's form:
//
//	s ← α·s + (1-α)·g²,  w ← w - lr · g / (√s + ε)
type RMSProp struct {
	params
	Alpha, Eps float32
	s          []*engine.Tensor
}

// NewRMSProp returns RMSProp over ps with PyTorch's defaults α = 0.99, ε = 1e-8. WGAN uses
// lr 5e-5.
func NewRMSProp(ps []*engine.Tensor, lr float32) (*RMSProp, error) {
	p, err := newParams(ps, lr)
	if err != nil {
		return nil, err
	}
	return &RMSProp{params: p, Alpha: 0.99, Eps: 1e-8, s: zerosLike(ps)}, nil
}

// Step applies one update.
func (o *RMSProp) Step() {
	p := engine.OptimParams{LR: o.lr, Beta2: o.Alpha, Eps: o.Eps}
	o.update(func(i int, w, g *engine.Tensor) {
		engine.OptimStep(engine.OptRMSProp, p, w, g, o.s[i], nil)
	})
}

// Slots returns the running averages of the squared gradients.
func (o *RMSProp) Slots() []*engine.Tensor { return append([]*engine.Tensor(nil), o.s...) }
