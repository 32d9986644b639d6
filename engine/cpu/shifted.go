package cpu

import (
	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu/gemm"
)

// ConvShifted implements engine.ShiftedConv: y = W·im2col(x) for a stride-1 convolution,
// without the patch matrix. Image n is zero-padded into a scratch plane set of Hp×Wp
// pixels per channel (Hp = H + 2·PadH, Wp = W + 2·PadW; no copy without padding) and laid
// out flat; the patch row of kernel tap (c, i, j) is then that flat image shifted by
//
//	off(c, i, j) = c·Hp·Wp + i·Wp + j
//
// over output pixels indexed oi·Wp + oj, so gemm.SgemmRowsAt multiplies W by shifted views
// of the image, packing them straight from it. The Wp - OW columns past each output row
// are computed and dropped when the rows are copied into y.
func (b *Backend) ConvShifted(yb, xb, wb engine.Buffer, g engine.ConvGeom, co int) {
	y, x, w := data(yb), data(xb), data(wb)
	hp, wp := g.H+2*g.PadH, g.W+2*g.PadW
	k, chw, ohw := g.C*g.KH*g.KW, g.C*g.H*g.W, g.OH*g.OW
	offs := make([]int, 0, k)
	for c := 0; c < g.C; c++ {
		for i := 0; i < g.KH; i++ {
			for j := 0; j < g.KW; j++ {
				offs = append(offs, c*hp*wp+i*wp+j)
			}
		}
	}
	wide := (g.OH-1)*wp + g.OW // output pixels on the padded grid, up to the last valid one
	padded := g.PadH > 0 || g.PadW > 0
	var img, out []float32
	if padded {
		buf := b.Alloc(g.C * hp * wp)
		defer b.Release(buf)
		img = data(buf)
		clear(img) // the border stays zero; the interior is overwritten per image
	}
	if wp != g.OW {
		buf := b.Alloc(co * wide)
		defer b.Release(buf)
		out = data(buf)
	}
	for n := 0; n < g.N; n++ {
		xn, yn := x[n*chw:(n+1)*chw], y[n*co*ohw:(n+1)*co*ohw]
		src := xn
		if padded {
			for c := 0; c < g.C; c++ {
				for i := 0; i < g.H; i++ {
					at := c*hp*wp + (i+g.PadH)*wp + g.PadW
					copy(img[at:at+g.W], xn[(c*g.H+i)*g.W:])
				}
			}
			src = img
		}
		if out == nil { // no dropped columns: the product is y itself
			gemm.SgemmRowsAt(false, co, wide, k, 1, w, k, src, offs, 0, yn, wide)
			continue
		}
		gemm.SgemmRowsAt(false, co, wide, k, 1, w, k, src, offs, 0, out, wide)
		for o := 0; o < co; o++ {
			for i := 0; i < g.OH; i++ {
				copy(yn[(o*g.OH+i)*g.OW:(o*g.OH+i+1)*g.OW], out[o*wide+i*wp:])
			}
		}
	}
}
