package cpu

import (
	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu/vec"
)

// Im2Col unfolds x [N, C, H, W] into dst [N, C·KH·KW, OH·OW]: row (c·KH + p)·KW + q, column
// i·OW + j holds x[n, c, i·sh + p - ph, j·sw + q - pw], or 0 in the padding.
func (b *Backend) Im2Col(dst, x engine.Buffer, g engine.ConvGeom) { b.im2col(dst, x, g, false) }

// Im2ColWide unfolds x [N, C, H, W] into dst [C·KH·KW, N·OH·OW], every image's columns of
// one kernel offset side by side (engine.WidePatches).
func (b *Backend) Im2ColWide(dst, x engine.Buffer, g engine.ConvGeom) { b.im2col(dst, x, g, true) }

// Col2Im sums the columns of cols [N, C·KH·KW, OH·OW] back into dst [N, C, H, W], the
// adjoint of Im2Col.
func (b *Backend) Col2Im(dst, cols engine.Buffer, g engine.ConvGeom) { b.col2im(dst, cols, g, false) }

// Col2ImWide is the adjoint of Im2ColWide (engine.WidePatches).
func (b *Backend) Col2ImWide(dst, cols engine.Buffer, g engine.ConvGeom) {
	b.col2im(dst, cols, g, true)
}

// colRow returns the offset of column row r of image n: rows of Im2Col's [N, K, L], or of
// the wide [K, N·L].
func colRow(g engine.ConvGeom, n, r int, wide bool) int {
	l := g.OH * g.OW
	if wide {
		return (r*g.N + n) * l
	}
	return (n*g.C*g.KH*g.KW + r) * l
}

func (b *Backend) im2col(dst, x engine.Buffer, g engine.ConvGeom, wide bool) {
	d, s := data(dst), data(x)
	l := g.OH * g.OW
	b.parallelFor(g.N*g.C, len(d), func(lo, hi int) {
		for nc := lo; nc < hi; nc++ {
			n, c := nc/g.C, nc%g.C
			img := s[nc*g.H*g.W : (nc+1)*g.H*g.W]
			for p := 0; p < g.KH; p++ {
				for q := 0; q < g.KW; q++ {
					at := colRow(g, n, (c*g.KH+p)*g.KW+q, wide)
					out := d[at : at+l]
					patchRow(out, img, g, p, q, false)
				}
			}
		}
	})
}

// col2im: rows of one channel only touch that channel's plane, so planes are independent
// units of work.
func (b *Backend) col2im(dst, cols engine.Buffer, g engine.ConvGeom, wide bool) {
	d, s := data(dst), data(cols)
	clear(d)
	l := g.OH * g.OW
	b.parallelFor(g.N*g.C, len(s), func(lo, hi int) {
		for nc := lo; nc < hi; nc++ {
			n, c := nc/g.C, nc%g.C
			img := d[nc*g.H*g.W : (nc+1)*g.H*g.W]
			for p := 0; p < g.KH; p++ {
				for q := 0; q < g.KW; q++ {
					at := colRow(g, n, (c*g.KH+p)*g.KW+q, wide)
					col := s[at : at+l]
					patchRow(col, img, g, p, q, true)
				}
			}
		}
	})
}

// patchRow moves one kernel offset (p, q) between a column row and an image plane: it
// gathers img into col (zeros in the padding) or, with add, scatter-adds col into img.
// Output columns j whose input column x = j·sw + q - pw falls inside the image form one
// range [j0, j1), found once per kernel offset, so the inner loops have no bounds tests
// (and with stride 1 they are plain copies or vector adds).
func patchRow(col, img []float32, g engine.ConvGeom, p, q int, add bool) {
	ow, sw := g.OW, g.StrideW
	j0, j1 := validRange(ow, sw, q-g.PadW, g.W)
	i0, i1 := validRange(g.OH, g.StrideH, p-g.PadH, g.H)
	if j0 >= j1 {
		i0, i1 = 0, 0
	}
	col = col[:g.OH*ow]
	if !add { // rows that see only padding
		clear(col[:i0*ow])
		clear(col[i1*ow:])
	}
	x0 := j0*sw + q - g.PadW
	span := (j1-j0-1)*sw + 1 // input columns from x0 that the valid outputs read
	for i := i0; i < i1; i++ {
		at := (i*g.StrideH+p-g.PadH)*g.W + x0
		line := img[at : at+span]
		out := col[i*ow : i*ow+ow]
		valid := out[j0:j1]
		switch {
		case add && sw == 1:
			vec.AddTo(line, valid)
		case add:
			scatterAdd(line, valid, sw)
		default:
			for j := range out[:j0] {
				out[j] = 0
			}
			for j := j1; j < len(out); j++ {
				out[j] = 0
			}
			if sw == 1 {
				copy(valid, line)
			} else {
				gather(valid, line, sw)
			}
		}
	}
}

// gather sets dst[j] = src[j·stride].
func gather(dst, src []float32, stride int) {
	if stride == 2 {
		src = src[:2*len(dst)-1]
		for j := range dst {
			dst[j] = src[2*j]
		}
		return
	}
	for j := range dst {
		dst[j] = src[j*stride]
	}
}

// scatterAdd adds src[j] to dst[j·stride].
func scatterAdd(dst, src []float32, stride int) {
	if stride == 2 {
		dst = dst[:2*len(src)-1]
		for j, v := range src {
			dst[2*j] += v
		}
		return
	}
	for j, v := range src {
		dst[j*stride] += v
	}
}

// validRange returns the output columns [j0, j1) of n for which x = j·stride + off lies in
// [0, w).
func validRange(n, stride, off, w int) (j0, j1 int) {
	if off < 0 {
		j0 = (-off + stride - 1) / stride
	}
	if last := w - 1 - off; last < 0 {
		j1 = 0
	} else {
		j1 = min(n, last/stride+1)
	}
	return j0, max(j0, j1)
}
