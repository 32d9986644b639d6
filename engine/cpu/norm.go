package cpu

import (
	"math"

	"github.com/ganplay/ganplay/engine"
)

// negZero is -0: x + negZero is x for every x, signed zeros included.
var negZero = float32(math.Copysign(0, -1))

// Standardize implements engine.Standardizer. Channel c of the [a, c, b] view is a rows of
// b floats, c·b apart, small enough to stay in cache over three passes (chanrows.go): the
// mean m = Σx/n, the variance Σ(x - m)²/n of the shifted values (two passes, so a large
// mean costs no precision), and y = (x - m)·invstd.
func (bk *Backend) Standardize(yb, meanb, invb, xb engine.Buffer, a, c, b int, eps float32) {
	bk.standardize(data(yb), data(meanb), data(invb), data(xb), nil, nil, a, c, b, eps)
}

// StandardizeAffine implements engine.AffineStandardizer: Standardize's passes, the last
// one writing w·(x - m)·invstd + bias.
func (bk *Backend) StandardizeAffine(yb, meanb, invb, xb, wb, biasb engine.Buffer, a, c, b int, eps float32) {
	bk.standardize(data(yb), data(meanb), data(invb), data(xb), data(wb), data(biasb), a, c, b, eps)
}

// standardize is Standardize, followed by the scale w and shift bias unless they are nil.
func (bk *Backend) standardize(y, mean, inv, x, w, bias []float32, a, c, b int, eps float32) {
	n := float64(a * b)
	ld := c * b
	bk.parallelFor(c, len(x)*4, func(lo, hi int) {
		for ch := lo; ch < hi; ch++ {
			xc, yc := x[ch*b:], y[ch*b:]
			m := float32(sumRows(a, b, xc, ld) / n)
			is := float32(1 / math.Sqrt(sqDevRows(a, b, m, xc, ld)/n+float64(eps)))
			scale, shift := float32(1), negZero
			if w != nil {
				scale, shift = w[ch], bias[ch]
			}
			affineRows(a, b, -m, is, scale, shift, xc, ld, yc, ld)
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
			mgy := float32(dotShiftRows(a, b, negZero, gc, ld, yc, ld) / n)
			gradRows(a, b, negZero, -mgy, -mg, inv[ch], yc, ld, gc, ld, dx[ch*b:], ld)
		}
	})
}

// StandardizeAffineGrad implements engine.AffineStandardizer, per channel in two passes
// that read g and x: the sums Σg and Σg·(x - m), which give dbias = Σg and
// dw = invstd·Σg·(x - m), then, with x̂ = (x - m)·invstd,
//
//	dx = w·invstd·(g - Σg/n - x̂·invstd·Σg·(x - m)/n).
func (bk *Backend) StandardizeAffineGrad(dxb, dwb, dbiasb, gb, xb, meanb, invb, wb engine.Buffer, a, c, b int) {
	dw, dbias, g, x, mean, inv, w := data(dwb), data(dbiasb), data(gb), data(xb), data(meanb), data(invb), data(wb)
	var dx []float32
	if dxb != nil {
		dx = data(dxb)
	}
	n := float64(a * b)
	ld := c * b
	bk.parallelFor(c, len(g)*4, func(lo, hi int) {
		for ch := lo; ch < hi; ch++ {
			gc, xc, m, is := g[ch*b:], x[ch*b:], mean[ch], inv[ch]
			sg := sumRows(a, b, gc, ld)
			sgx := dotShiftRows(a, b, -m, gc, ld, xc, ld)
			dbias[ch], dw[ch] = float32(sg), float32(float64(is)*sgx)
			if dx != nil {
				slope := float32(-float64(is) * float64(is) * sgx / n)
				gradRows(a, b, -m, slope, float32(-sg/n), is*w[ch], xc, ld, gc, ld, dx[ch*b:], ld)
			}
		}
	})
}
