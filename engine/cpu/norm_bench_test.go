package cpu

import (
	"testing"

	"github.com/ganplay/ganplay/engine"
)

// BenchmarkStandardize runs BatchNorm's fused passes on DCGAN's discriminator map
// ([64, 128, 7·7]) and the per-channel sum of its bias and scale gradients.
func BenchmarkStandardize(b *testing.B) {
	const a, c, n = 64, 128, 49
	be := &Backend{workers: 1}
	x, y, g, dx := be.Alloc(a*c*n), be.Alloc(a*c*n), be.Alloc(a*c*n), be.Alloc(a*c*n)
	mean, inv := be.Alloc(c), be.Alloc(c)
	for i := range data(x) {
		data(x)[i] = float32(i%97) * 0.01
		data(g)[i] = float32(i%89) * 0.01
	}
	b.Run("forward", func(b *testing.B) {
		for b.Loop() {
			be.Standardize(y, mean, inv, x, a, c, n, 1e-5)
		}
	})
	b.Run("backward", func(b *testing.B) {
		for b.Loop() {
			be.StandardizeGrad(dx, g, y, inv, a, c, n)
		}
	})
	b.Run("sum", func(b *testing.B) {
		r := engine.Reduction{Shape: []int{a, c, 7, 7}, Axes: []bool{true, false, true, true}}
		for b.Loop() {
			be.Reduce(engine.OpSum, mean, g, r)
		}
	})
	b.Run("scale", func(b *testing.B) {
		bc := engine.Broadcast{Shape: []int{a, c, 7, 7}, StridesA: []int{c * n, n, 7, 1}, StridesB: []int{0, 1, 0, 0}}
		for b.Loop() {
			be.Binary(engine.OpMul, engine.Params{}, y, x, mean, bc)
		}
	})
}
