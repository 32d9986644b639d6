package cpu

import (
	"github.com/ganplay/ganplay/engine"
)

// The direct convolutions (engine.DirectConv) for stride 1 and few output channels. Each
// kernel offset (p, q) of each pair of channels adds a shifted row of one plane, scaled by
// one weight, to a row of another (or takes its dot product with it, for the weight
// gradient); the rows that stay inside the image are found once per offset, as in
// patchRow, so zero padding costs nothing. Planes fit in cache, so every row is read from
// cache rather than from an unfolded patch matrix.

// ConvDirect implements engine.DirectConv.
func (b *Backend) ConvDirect(yb, xb, wb engine.Buffer, g engine.ConvGeom, co int) {
	y, x, w := data(yb), data(xb), data(wb)
	hw, ohw := g.H*g.W, g.OH*g.OW
	b.parallelFor(g.N*co, len(y)*g.C*g.KH*g.KW, func(lo, hi int) {
		for no := lo; no < hi; no++ {
			n, o := no/co, no%co
			yp := y[no*ohw : (no+1)*ohw]
			clear(yp)
			for c := 0; c < g.C; c++ {
				xp := x[(n*g.C+c)*hw : (n*g.C+c+1)*hw]
				wk := w[(o*g.C+c)*g.KH*g.KW:]
				shifted(g, func(p, q, i0, i1, j0, j1, y0, x0 int) {
					axpyRows(i1-i0, j1-j0, wk[p*g.KW+q], xp[y0*g.W+x0:], g.W, yp[i0*g.OW+j0:], g.OW)
				})
			}
		}
	})
}

// ConvDirectInputGrad implements engine.DirectConv.
func (b *Backend) ConvDirectInputGrad(dxb, dyb, wb engine.Buffer, g engine.ConvGeom, co int) {
	dx, dy, w := data(dxb), data(dyb), data(wb)
	hw, ohw := g.H*g.W, g.OH*g.OW
	b.parallelFor(g.N*g.C, len(dy)*g.C*g.KH*g.KW, func(lo, hi int) {
		for nc := lo; nc < hi; nc++ {
			n, c := nc/g.C, nc%g.C
			xp := dx[nc*hw : (nc+1)*hw]
			clear(xp)
			for o := 0; o < co; o++ {
				yp := dy[(n*co+o)*ohw : (n*co+o+1)*ohw]
				wk := w[(o*g.C+c)*g.KH*g.KW:]
				shifted(g, func(p, q, i0, i1, j0, j1, y0, x0 int) {
					axpyRows(i1-i0, j1-j0, wk[p*g.KW+q], yp[i0*g.OW+j0:], g.OW, xp[y0*g.W+x0:], g.W)
				})
			}
		}
	})
}

// ConvDirectWeightGrad implements engine.DirectConv.
func (b *Backend) ConvDirectWeightGrad(dwb, dyb, xb engine.Buffer, g engine.ConvGeom, co int) {
	dw, dy, x := data(dwb), data(dyb), data(xb)
	hw, ohw, kk := g.H*g.W, g.OH*g.OW, g.KH*g.KW
	clear(dw)
	b.parallelFor(co*g.C, len(dy)*g.C*kk, func(lo, hi int) {
		for oc := lo; oc < hi; oc++ {
			o, c := oc/g.C, oc%g.C
			wk := dw[oc*kk : (oc+1)*kk]
			for n := 0; n < g.N; n++ {
				yp := dy[(n*co+o)*ohw : (n*co+o+1)*ohw]
				xp := x[(n*g.C+c)*hw : (n*g.C+c+1)*hw]
				shifted(g, func(p, q, i0, i1, j0, j1, y0, x0 int) {
					wk[p*g.KW+q] += dotRows(i1-i0, j1-j0, yp[i0*g.OW+j0:], g.OW, xp[y0*g.W+x0:], g.W)
				})
			}
		}
	})
}

// shifted calls f for every kernel offset (p, q) of a stride-1 convolution with the output
// rows [i0, i1) and columns [j0, j1) whose inputs are inside the image: output (i, j) reads
// input (y0 + i - i0, x0 + j - j0).
func shifted(g engine.ConvGeom, f func(p, q, i0, i1, j0, j1, y0, x0 int)) {
	for p := 0; p < g.KH; p++ {
		i0, i1 := validRange(g.OH, 1, p-g.PadH, g.H)
		if i0 >= i1 {
			continue
		}
		for q := 0; q < g.KW; q++ {
			j0, j1 := validRange(g.OW, 1, q-g.PadW, g.W)
			if j0 >= j1 {
				continue
			}
			f(p, q, i0, i1, j0, j1, i0+p-g.PadH, j0+q-g.PadW)
		}
	}
}
