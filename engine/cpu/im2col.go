package cpu

import "github.com/ganplay/ganplay/engine"

// Im2Col unfolds x [N, C, H, W] into dst [N, C·KH·KW, OH·OW]: row (c·KH + p)·KW + q, column
// i·OW + j holds x[n, c, i·sh + p - ph, j·sw + q - pw], or 0 in the padding.
func (b *Backend) Im2Col(dst, x engine.Buffer, g engine.ConvGeom) {
	d, s := data(dst), data(x)
	l := g.OH * g.OW
	b.parallelFor(g.N*g.C, len(d), func(lo, hi int) {
		for nc := lo; nc < hi; nc++ {
			n, c := nc/g.C, nc%g.C
			img := s[nc*g.H*g.W : (nc+1)*g.H*g.W]
			for p := 0; p < g.KH; p++ {
				for q := 0; q < g.KW; q++ {
					row := (c*g.KH+p)*g.KW + q
					out := d[(n*g.C*g.KH*g.KW+row)*l : (n*g.C*g.KH*g.KW+row+1)*l]
					patchRow(out, img, g, p, q, false)
				}
			}
		}
	})
}

// Col2Im sums the columns of cols [N, C·KH·KW, OH·OW] back into dst [N, C, H, W], the
// adjoint of Im2Col. Rows of one channel only touch that channel's plane, so planes are
// independent units of work.
func (b *Backend) Col2Im(dst, cols engine.Buffer, g engine.ConvGeom) {
	d, s := data(dst), data(cols)
	clear(d)
	l := g.OH * g.OW
	b.parallelFor(g.N*g.C, len(s), func(lo, hi int) {
		for nc := lo; nc < hi; nc++ {
			n, c := nc/g.C, nc%g.C
			img := d[nc*g.H*g.W : (nc+1)*g.H*g.W]
			for p := 0; p < g.KH; p++ {
				for q := 0; q < g.KW; q++ {
					row := (c*g.KH+p)*g.KW + q
					col := s[(n*g.C*g.KH*g.KW+row)*l : (n*g.C*g.KH*g.KW+row+1)*l]
					patchRow(col, img, g, p, q, true)
				}
			}
		}
	})
}

// patchRow moves one kernel offset (p, q) between a column row and an image plane: it
// gathers img into col (zeros in the padding) or, with add, scatter-adds col into img.
func patchRow(col, img []float32, g engine.ConvGeom, p, q int, add bool) {
	for i := 0; i < g.OH; i++ {
		y := i*g.StrideH + p - g.PadH
		out := col[i*g.OW : (i+1)*g.OW]
		if y < 0 || y >= g.H {
			if !add {
				clear(out)
			}
			continue
		}
		line := img[y*g.W : (y+1)*g.W]
		for j := range out {
			x := j*g.StrideW + q - g.PadW
			if x < 0 || x >= g.W {
				if !add {
					out[j] = 0
				}
				continue
			}
			if add {
				line[x] += out[j]
			} else {
				out[j] = line[x]
			}
		}
	}
}
