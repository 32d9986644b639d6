package enginetest

// This file holds the float64 references of the convolution family, written directly from
// their defining sums (no im2col in the convolutions).

// convGeom is the geometry of a 2-D patch extraction, kept apart from engine.ConvGeom so
// that the reference computes output sizes itself.
type convGeom struct {
	n, c, h, w       int
	kh, kw           int
	strideH, strideW int
	padH, padW       int
}

// out returns the output height and width: (H + 2·pad - K)/stride + 1.
func (g convGeom) out() (oh, ow int) {
	return (g.h+2*g.padH-g.kh)/g.strideH + 1, (g.w+2*g.padW-g.kw)/g.strideW + 1
}

// im2colRef unfolds x [N, C, H, W] into [N, C·KH·KW, OH·OW]: row (c·KH + p)·KW + q, column
// i·OW + j holds x[n, c, i·sh + p - ph, j·sw + q - pw], or 0 in the padding.
func im2colRef(x *array, g convGeom) *array {
	oh, ow := g.out()
	out := newArray(g.n, g.c*g.kh*g.kw, oh*ow)
	for n := 0; n < g.n; n++ {
		for c := 0; c < g.c; c++ {
			for p := 0; p < g.kh; p++ {
				for q := 0; q < g.kw; q++ {
					for i := 0; i < oh; i++ {
						for j := 0; j < ow; j++ {
							y, z := i*g.strideH+p-g.padH, j*g.strideW+q-g.padW
							if y >= 0 && y < g.h && z >= 0 && z < g.w {
								out.set(x.at(n, c, y, z), n, (c*g.kh+p)*g.kw+q, i*ow+j)
							}
						}
					}
				}
			}
		}
	}
	return out
}

// col2imRef sums the columns [N, C·KH·KW, OH·OW] back into [N, C, H, W], the adjoint of
// im2colRef.
func col2imRef(cols *array, g convGeom) *array {
	oh, ow := g.out()
	out := newArray(g.n, g.c, g.h, g.w)
	for n := 0; n < g.n; n++ {
		for c := 0; c < g.c; c++ {
			for p := 0; p < g.kh; p++ {
				for q := 0; q < g.kw; q++ {
					for i := 0; i < oh; i++ {
						for j := 0; j < ow; j++ {
							y, z := i*g.strideH+p-g.padH, j*g.strideW+q-g.padW
							if y >= 0 && y < g.h && z >= 0 && z < g.w {
								out.add(cols.at(n, (c*g.kh+p)*g.kw+q, i*ow+j), n, c, y, z)
							}
						}
					}
				}
			}
		}
	}
	return out
}

// conv2dRef returns the cross-correlation of x [N, C, H, W] with w [CO, C, KH, KW] plus the
// bias b [CO] (may be nil).
func conv2dRef(x, w, b *array, stride, pad int) *array {
	g := convGeom{n: x.shape[0], c: x.shape[1], h: x.shape[2], w: x.shape[3], kh: w.shape[2], kw: w.shape[3],
		strideH: stride, strideW: stride, padH: pad, padW: pad}
	co := w.shape[0]
	oh, ow := g.out()
	out := newArray(g.n, co, oh, ow)
	o := 0 // position in out
	for n := 0; n < g.n; n++ {
		for f := 0; f < co; f++ {
			for i := 0; i < oh; i++ {
				for j := 0; j < ow; j++ {
					var s float64
					if b != nil {
						s = b.data[f]
					}
					for c := 0; c < g.c; c++ {
						for p := 0; p < g.kh; p++ {
							for q := 0; q < g.kw; q++ {
								y, z := i*stride+p-pad, j*stride+q-pad
								if y >= 0 && y < g.h && z >= 0 && z < g.w {
									s += w.data[((f*g.c+c)*g.kh+p)*g.kw+q] * x.data[((n*g.c+c)*g.h+y)*g.w+z]
								}
							}
						}
					}
					out.data[o] = s
					o++
				}
			}
		}
	}
	return out
}

// convTranspose2dRef scatters every input pixel of x [N, CI, H, W] through w [CI, CO, KH, KW]
// into [N, CO, OH, OW], OH = (H - 1)·stride - 2·pad + KH + outPad, and adds the bias b [CO]
// (may be nil).
func convTranspose2dRef(x, w, b *array, stride, pad, outPad int) *array {
	n, ci, h, wd := x.shape[0], x.shape[1], x.shape[2], x.shape[3]
	co, kh, kw := w.shape[1], w.shape[2], w.shape[3]
	oh, ow := (h-1)*stride-2*pad+kh+outPad, (wd-1)*stride-2*pad+kw+outPad
	out := newArray(n, co, oh, ow)
	for s := 0; s < n; s++ {
		for c := 0; c < ci; c++ {
			for i := 0; i < h; i++ {
				for j := 0; j < wd; j++ {
					v := x.data[((s*ci+c)*h+i)*wd+j]
					for f := 0; f < co; f++ {
						for p := 0; p < kh; p++ {
							for q := 0; q < kw; q++ {
								y, z := i*stride+p-pad, j*stride+q-pad
								if y >= 0 && y < oh && z >= 0 && z < ow {
									out.data[((s*co+f)*oh+y)*ow+z] += v * w.data[((c*co+f)*kh+p)*kw+q]
								}
							}
						}
					}
				}
			}
		}
	}
	if b != nil {
		forEach(out.shape, func(idx []int, pos int) { out.data[pos] += b.data[idx[1]] })
	}
	return out
}

// avgPool2dRef averages k×k windows of x taken every stride pixels; zero padding counts in the
// average.
func avgPool2dRef(x *array, k, stride, pad int) *array {
	g := convGeom{n: x.shape[0], c: x.shape[1], h: x.shape[2], w: x.shape[3], kh: k, kw: k,
		strideH: stride, strideW: stride, padH: pad, padW: pad}
	oh, ow := g.out()
	out := newArray(g.n, g.c, oh, ow)
	forEach(out.shape, func(idx []int, pos int) {
		var s float64
		for p := 0; p < k; p++ {
			for q := 0; q < k; q++ {
				y, z := idx[2]*stride+p-pad, idx[3]*stride+q-pad
				if y >= 0 && y < g.h && z >= 0 && z < g.w {
					s += x.at(idx[0], idx[1], y, z)
				}
			}
		}
		out.data[pos] = s / float64(k*k)
	})
	return out
}

// upsampleNearestRef repeats every pixel of x [N, C, H, W] into a scale×scale block.
func upsampleNearestRef(x *array, scale int) *array {
	out := newArray(x.shape[0], x.shape[1], x.shape[2]*scale, x.shape[3]*scale)
	forEach(out.shape, func(idx []int, pos int) {
		out.data[pos] = x.at(idx[0], idx[1], idx[2]/scale, idx[3]/scale)
	})
	return out
}
