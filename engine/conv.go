package engine

// Convolution-family ops. Patch extraction (Im2Col) and its adjoint (Col2Im) are the only
// primitives; convolutions are matrix products around them, so their gradients follow from
// those of MatMul, Im2Col and Col2Im.

// Im2Col unfolds [N, C, H, W] into [N, C·KH·KW, OH·OW]: column l of image n holds the patch
// that output pixel l sees, zero where it overlaps the padding. Its gradient is Col2Im.
func (t *Tensor) Im2Col(g ConvGeom) *Tensor {
	if !sameShape(t.shape, []int{g.N, g.C, g.H, g.W}) {
		panicf("Im2Col of %v with geometry %+v", t.shape, g)
	}
	out := t.dev.empty([]int{g.N, g.C * g.KH * g.KW, g.OH * g.OW})
	t.dev.b.Im2Col(out.buf, t.buf, g)
	record(out, "im2col", []*Tensor{t}, func(gr *Tensor) []*Tensor { return []*Tensor{gr.Col2Im(g)} })
	return out
}

// Col2Im folds [N, C·KH·KW, OH·OW] back into [N, C, H, W], summing overlapping patches: the
// adjoint of Im2Col. Its gradient is Im2Col.
func (t *Tensor) Col2Im(g ConvGeom) *Tensor {
	if !sameShape(t.shape, []int{g.N, g.C * g.KH * g.KW, g.OH * g.OW}) {
		panicf("Col2Im of %v with geometry %+v", t.shape, g)
	}
	out := t.dev.empty([]int{g.N, g.C, g.H, g.W})
	t.dev.b.Col2Im(out.buf, t.buf, g)
	record(out, "col2im", []*Tensor{t}, func(gr *Tensor) []*Tensor { return []*Tensor{gr.Im2Col(g)} })
	return out
}

// Conv2d returns the cross-correlation of x [N, C, H, W] with w [CO, C, KH, KW] plus the
// bias b [CO] (b may be nil):
//
//	y[n, o, i, j] = b[o] + Σ_{c,p,q} w[o, c, p, q] · x[n, c, i·s + p - pad, j·s + q - pad]
//
// computed as W·im2col(x) with W reshaped to [CO, C·KH·KW].
func Conv2d(x, w, b *Tensor, stride, pad int) *Tensor {
	if x.Rank() != 4 || w.Rank() != 4 || x.shape[1] != w.shape[1] {
		panicf("Conv2d of input %v with weight %v", x.shape, w.shape)
	}
	n, co, kh, kw := x.shape[0], w.shape[0], w.shape[2], w.shape[3]
	g := NewConvGeom(n, x.shape[1], x.shape[2], x.shape[3], kh, kw, stride, pad)
	var cols *Tensor
	if kh == 1 && kw == 1 && stride == 1 && pad == 0 {
		cols = x.Reshape(n, g.C, g.H*g.W) // a 1×1 convolution needs no unfolding
	} else {
		cols = x.Im2Col(g)
	}
	y := MatMul(w.Reshape(co, -1), cols, false, false).Reshape(n, co, g.OH, g.OW)
	return addChannelBias(y, b)
}

// ConvTranspose2d returns the transposed convolution (the gradient of Conv2d with respect to
// its input) of x [N, CI, H, W] with w [CI, CO, KH, KW], plus the bias b [CO] (may be nil).
// The output is [N, CO, OH, OW] with OH = (H - 1)·stride - 2·pad + KH + outPad:
//
//	y = col2im(Wᵀ·x) with W reshaped to [CI, CO·KH·KW].
func ConvTranspose2d(x, w, b *Tensor, stride, pad, outPad int) *Tensor {
	if x.Rank() != 4 || w.Rank() != 4 || x.shape[1] != w.shape[0] {
		panicf("ConvTranspose2d of input %v with weight %v", x.shape, w.shape)
	}
	if outPad < 0 || outPad >= stride {
		panicf("ConvTranspose2d output padding %d must be in [0, stride %d)", outPad, stride)
	}
	n, ci, h, wd := x.shape[0], x.shape[1], x.shape[2], x.shape[3]
	co, kh, kw := w.shape[1], w.shape[2], w.shape[3]
	oh := (h-1)*stride - 2*pad + kh + outPad
	ow := (wd-1)*stride - 2*pad + kw + outPad
	if oh < 1 || ow < 1 {
		panicf("ConvTranspose2d of %v with kernel %d×%d, stride %d, padding %d: empty output", x.shape, kh, kw, stride, pad)
	}
	g := NewConvGeom(n, co, oh, ow, kh, kw, stride, pad)
	if g.OH != h || g.OW != wd {
		panicf("ConvTranspose2d geometry mismatch: %+v for input %v", g, x.shape)
	}
	cols := MatMul(w.Reshape(ci, -1), x.Reshape(n, ci, h*wd), true, false)
	return addChannelBias(cols.Col2Im(g), b)
}

func addChannelBias(y, b *Tensor) *Tensor {
	if b == nil {
		return y
	}
	return y.Add(b.Reshape(1, -1, 1, 1))
}

// AvgPool2d averages k×k windows of x [N, C, H, W] taken every stride pixels, with zero
// padding counted in the average (torch's count_include_pad=True).
func AvgPool2d(x *Tensor, k, stride, pad int) *Tensor {
	if x.Rank() != 4 {
		panicf("AvgPool2d of %v: want [N, C, H, W]", x.shape)
	}
	n, c := x.shape[0], x.shape[1]
	g := NewConvGeom(n, c, x.shape[2], x.shape[3], k, k, stride, pad)
	cols := x.Im2Col(g).Reshape(n, c, k*k, g.OH*g.OW)
	return cols.Mean(2).Reshape(n, c, g.OH, g.OW)
}

// UpsampleNearest repeats every pixel of x [N, C, H, W] into a scale×scale block.
func UpsampleNearest(x *Tensor, scale int) *Tensor {
	if x.Rank() != 4 || scale < 1 {
		panicf("UpsampleNearest of %v by %d", x.shape, scale)
	}
	n, c, h, w := x.shape[0], x.shape[1], x.shape[2], x.shape[3]
	return x.Reshape(n, c, h, 1, w, 1).Expand(n, c, h, scale, w, scale).Reshape(n, c, h*scale, w*scale)
}
