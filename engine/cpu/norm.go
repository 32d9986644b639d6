package cpu

import (
	"math"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu/vec"
)

// Standardize implements engine.Standardizer: per channel, the mean (a float64 sum), the
// variance of the shifted values written to y, and a scaling of y in place.
func (bk *Backend) Standardize(yb, meanb, invb, xb engine.Buffer, a, c, b int, eps float32) {
	y, mean, inv, x := data(yb), data(meanb), data(invb), data(xb)
	n := float64(a * b)
	bk.parallelFor(c, len(x)*4, func(lo, hi int) {
		for ch := lo; ch < hi; ch++ {
			var s float64
			for i := 0; i < a; i++ {
				s += vec.Sum(x[(i*c+ch)*b : (i*c+ch+1)*b])
			}
			m := float32(s / n)
			var ss float64
			for i := 0; i < a; i++ {
				at := (i*c + ch) * b
				d := y[at : at+b]
				vec.Affine(d, x[at:at+b], 1, -m)
				ss += float64(dotRows(1, b, d, b, d, b))
			}
			is := float32(1 / math.Sqrt(ss/n+float64(eps)))
			for i := 0; i < a; i++ {
				at := (i*c + ch) * b
				vec.Scalar(vec.OpMul, y[at:at+b], y[at:at+b], is)
			}
			mean[ch], inv[ch] = m, is
		}
	})
}

// StandardizeGrad implements engine.Standardizer: dx = invstd·(g - mean(g) - y·mean(g·y)).
func (bk *Backend) StandardizeGrad(dxb, gb, yb, invb engine.Buffer, a, c, b int) {
	dx, g, y, inv := data(dxb), data(gb), data(yb), data(invb)
	n := float64(a * b)
	bk.parallelFor(c, len(g)*4, func(lo, hi int) {
		for ch := lo; ch < hi; ch++ {
			var sg, sgy float64
			for i := 0; i < a; i++ {
				at := (i*c + ch) * b
				sg += vec.Sum(g[at : at+b])
				sgy += float64(dotRows(1, b, g[at:at+b], b, y[at:at+b], b))
			}
			mg, mgy := float32(sg/n), float32(sgy/n)
			for i := 0; i < a; i++ {
				at := (i*c + ch) * b
				d := dx[at : at+b]
				vec.Affine(d, y[at:at+b], -mgy, -mg)
				vec.Binary(vec.OpAdd, d, d, g[at:at+b])
				vec.Scalar(vec.OpMul, d, d, inv[ch])
			}
		}
	})
}
