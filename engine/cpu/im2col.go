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
	if usePhases(g, false) {
		b.phasePatches(data(dst), data(x), g, wide, false)
		return
	}
	b.patches(data(dst), data(x), g, wide, false)
}

// col2im: rows of one channel only touch that channel's planes, so channels are
// independent units of work.
func (b *Backend) col2im(dst, cols engine.Buffer, g engine.ConvGeom, wide bool) {
	d := data(dst)
	if usePhases(g, true) { // overwrites every pixel
		b.phasePatches(data(cols), d, g, wide, true)
		return
	}
	clear(d)
	b.patches(data(cols), d, g, wide, true)
}

// patches moves every kernel offset of every plane between the columns cols and the
// images img (gathering into cols, or with add scatter-adding into img). Channels are the
// units of work. Within one, the wide layout goes through each column row once, front to
// back, image after image (its rows hold every image's columns side by side), while the
// per-image layout goes image by image, each image's rows in turn; either way the writes
// are sequential and the planes read or written stay in cache.
func (b *Backend) patches(cols, img []float32, g engine.ConvGeom, wide, add bool) {
	l, hw := g.OH*g.OW, g.H*g.W
	os := offsets(g)
	b.parallelFor(g.C, g.N*g.C*g.KH*g.KW*l, func(lo, hi int) {
		for c := lo; c < hi; c++ {
			plane := func(n int) []float32 { return img[(n*g.C+c)*hw : (n*g.C+c+1)*hw] }
			if wide {
				for p := 0; p < g.KH; p++ {
					for q := 0; q < g.KW; q++ {
						for n := 0; n < g.N; n++ {
							at := colRow(g, n, (c*g.KH+p)*g.KW+q, true)
							patchRow(cols[at:at+l], plane(n), g, os[p*g.KW+q], add)
						}
					}
				}
				continue
			}
			for n := 0; n < g.N; n++ {
				for p := 0; p < g.KH; p++ {
					for q := 0; q < g.KW; q++ {
						at := colRow(g, n, (c*g.KH+p)*g.KW+q, false)
						patchRow(cols[at:at+l], plane(n), g, os[p*g.KW+q], add)
					}
				}
			}
		}
	})
}

// patchRow moves one kernel offset between a column row and an image plane: it gathers
// img into col (zeros in the padding) or, with add, scatter-adds col into img. The output
// rows and columns that see the image were found once for all planes (offsets), so the
// inner loops have no bounds tests (and with stride 1 they are plain copies or vector
// adds).
func patchRow(col, img []float32, g engine.ConvGeom, o offset, add bool) {
	ow, sw := g.OW, g.StrideW
	i0, i1, j0, j1 := o.i0, o.i1, o.j0, o.j1
	col = col[:g.OH*ow]
	if !add { // rows that see only padding
		clear(col[:i0*ow])
		clear(col[i1*ow:])
	}
	for i, at := i0, o.at; i < i1; i, at = i+1, at+g.StrideH*g.W {
		line := img[at : at+o.span]
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

// offset is what patchRow needs of one kernel offset (p, q), the same for every plane:
// the output rows [i0, i1) and columns [j0, j1) that see the image, where the first of
// them reads the plane from element at, and the span of input columns a row reads.
type offset struct{ i0, i1, j0, j1, at, span int }

// offsets computes the offset of every (p, q), row-major.
func offsets(g engine.ConvGeom) []offset {
	os := make([]offset, 0, g.KH*g.KW)
	for p := 0; p < g.KH; p++ {
		i0, i1 := validRange(g.OH, g.StrideH, p-g.PadH, g.H)
		for q := 0; q < g.KW; q++ {
			j0, j1 := validRange(g.OW, g.StrideW, q-g.PadW, g.W)
			if j0 >= j1 || i0 >= i1 {
				os = append(os, offset{})
				continue
			}
			x0 := j0*g.StrideW + q - g.PadW
			os = append(os, offset{i0: i0, i1: i1, j0: j0, j1: j1,
				at: (i0*g.StrideH+p-g.PadH)*g.W + x0, span: (j1-j0-1)*g.StrideW + 1})
		}
	}
	return os
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
