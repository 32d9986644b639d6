package optim

import "github.com/ganplay/ganplay/engine"

// Clip sets every element of every tensor to min(max(w, -c), c): WGAN's way to keep the
// critic in a compact set of Lipschitz functions (c = 0.01 in the paper).
func Clip(ps []*engine.Tensor, c float32) {
	if len(ps) == 0 {
		return
	}
	ps[0].Device().NoGrad(func() {
		for _, p := range ps {
			p.Set(p.Clamp(-c, c))
		}
	})
}
