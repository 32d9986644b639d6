package cpu

import (
	"math"

	"github.com/ganplay/ganplay/engine"
)

// Standardize implements engine.Standardizer. Channel c of the [a, c, b] view is a rows of
// b floats, c·b apart, small enough to stay in cache over three passes (chanrows.go): the
// mean m = Σx/n, the variance Σ(x - m)²/n of the shifted values (two passes, so a large
// mean costs no precision), and y = (x - m)·invstd.
func (bk *Backend) Standardize(yb, meanb, invb, xb engine.Buffer, a, c, b int, eps float32) {
	y, mean, inv, x := data(yb), data(meanb), data(invb), data(xb)
	n := float64(a * b)
	ld := c * b
	bk.parallelFor(c, len(x)*4, func(lo, hi int) {
		for ch := lo; ch < hi; ch++ {
			xc, yc := x[ch*b:], y[ch*b:]
			m := float32(sumRows(a, b, xc, ld) / n)
			is := float32(1 / math.Sqrt(sqDevRows(a, b, m, xc, ld)/n+float64(eps)))
			shiftScaleRows(a, b, -m, is, xc, ld, yc, ld)
			mean[ch], inv[ch] = m, is
		}
	})
}

// StandardizeGrad implements engine.Standardizer, per channel in two passes:
// dx = invstd·(g - mean(g) - y·mean(g·y)).
func (bk *Backend) StandardizeGrad(dxb, gb, yb, invb engine.Buffer, a, c, b int) {
	dx, g, y, inv := data(dxb), data(gb), data(yb), data(invb)
	n := float64(a * b)
	ld := c * b
	bk.parallelFor(c, len(g)*4, func(lo, hi int) {
		for ch := lo; ch < hi; ch++ {
			gc, yc := g[ch*b:], y[ch*b:]
			mg := float32(sumRows(a, b, gc, ld) / n)
			mgy := float32(dotRows64(a, b, gc, ld, yc, ld) / n)
			gradRows(a, b, -mgy, -mg, inv[ch], yc, ld, gc, ld, dx[ch*b:], ld)
		}
	})
}
