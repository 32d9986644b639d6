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

// DirectConv is implemented by backends that compute stride-1 convolutions with few
// output channels without unfolding patches. Unfolded, such a convolution (CycleGAN's last
// 7×7 layer maps 32 channels to 3) is a product of a handful of rows with a patch matrix
// dozens of times larger than the image, so building and reading that matrix costs far
// more than the arithmetic; shifted rows of the image do the same work in cache.
type DirectConv interface {
	// ConvDirect overwrites y [N, CO, OH, OW] with the cross-correlation of x [N, C, H, W]
	// and w [CO, C, KH, KW] (stride 1, geometry g), without bias.
	ConvDirect(y, x, w Buffer, g ConvGeom, co int)
	// ConvDirectInputGrad overwrites dx [N, C, H, W] with the gradient of that
	// convolution with respect to x, given dy [N, CO, OH, OW].
	ConvDirectInputGrad(dx, dy, w Buffer, g ConvGeom, co int)
	// ConvDirectWeightGrad overwrites dw [CO, C, KH, KW] with the gradient with respect to
	// w, summed over the batch.
	ConvDirectWeightGrad(dw, dy, x Buffer, g ConvGeom, co int)
}

// ShiftedConv is implemented by backends that compute a stride-1 convolution's forward pass
// as a product of the weights with shifted views of the padded input, without writing the
// patch matrix (C·KH·KW times the image) and reading it back. Conv2d uses it when no
// weight gradient can be asked for (no recording, or weights that do not require grad: a
// display pass, a generator run under NoGrad for D's step), so the input is never
// unfolded; the input's gradient is the unfolded product (see unfoldedGrads). A
// convolution whose weights train keeps the unfolded forward, whose patch matrix the
// weight gradient reuses: unfolding it again in the backward pass, and computing the
// Wp - OW dropped columns per row, cost more than the shifted forward saves.
type ShiftedConv interface {
	// ConvShifted overwrites y [N, CO, OH, OW] with the cross-correlation of x [N, C, H, W]
	// and w [CO, C, KH, KW] (stride 1, geometry g), without bias.
	ConvShifted(y, x, w Buffer, g ConvGeom, co int)
}

// convShifted is Conv2d without bias through ShiftedConv.
func convShifted(sc ShiftedConv, x, w *Tensor, g ConvGeom, co int) *Tensor {
	out := x.dev.empty([]int{g.N, co, g.OH, g.OW})
	sc.ConvShifted(out.buf, x.buf, w.buf, g, co)
	record(out, "conv-shifted", []*Tensor{x, w}, func(gr *Tensor) []*Tensor {
		return unfoldedGrads(x, w, gr, g, co)
	})
	return out
}

// unfoldedGrads returns the gradients of y = W·im2col(x) (per image, without bias) given
// gr = ∂L/∂y as the unfolded products
//
//	∂L/∂x = col2im(Wᵀ·gr),  ∂L/∂W = Σ_n gr_n·im2col(x)_nᵀ,
//
// each only when its input needs it. They are graph ops, so their own gradients are known.
func unfoldedGrads(x, w, gr *Tensor, g ConvGeom, co int) []*Tensor {
	d := gr.Reshape(g.N, co, g.OH*g.OW)
	var dx, dw *Tensor
	if x.needsGrad() || gr.dev.GradEnabled() {
		dx = MatMul(w.Reshape(co, -1), d, true, false).Col2Im(g)
	}
	if w.needsGrad() || gr.dev.GradEnabled() {
		dw = matmulSum(d, x.Im2Col(g), false, true).Reshape(w.shape...)
	}
	return []*Tensor{dx, dw}
}

// directMaxOut is the largest number of output channels convolved directly (DirectConv).
const directMaxOut = 4

// convDirect is Conv2d without bias through DirectConv. Its gradients use the backend's
// direct kernels, or the unfolded products when the backward pass builds a graph (their
// own gradients are then known).
func convDirect(dc DirectConv, x, w *Tensor, g ConvGeom, co int) *Tensor {
	out := x.dev.empty([]int{g.N, co, g.OH, g.OW})
	dc.ConvDirect(out.buf, x.buf, w.buf, g, co)
	record(out, "conv-direct", []*Tensor{x, w}, func(gr *Tensor) []*Tensor {
		if gr.dev.GradEnabled() {
			return unfoldedGrads(x, w, gr, g, co)
		}
		var dx, dw *Tensor
		if x.needsGrad() {
			dx = x.dev.empty(x.shape)
			dc.ConvDirectInputGrad(dx.buf, gr.buf, w.buf, g, co)
		}
		if w.needsGrad() {
			dw = x.dev.empty(w.shape)
			dc.ConvDirectWeightGrad(dw.buf, gr.buf, x.buf, g, co)
		}
		return []*Tensor{dx, dw}
	})
	return out
}

// WidePatches is implemented by backends that unfold patches with the whole batch in each
// row, the layout of one batch-wide matrix product. Without it the engine permutes the
// per-image layout of Im2Col and Col2Im.
type WidePatches interface {
	// Im2ColWide unfolds x [N, C, H, W] into dst [C·KH·KW, N·OH·OW]: element (r, n·OH·OW +
	// l) is element (n, r, l) of Im2Col's output.
	Im2ColWide(dst, x Buffer, g ConvGeom)
	// Col2ImWide is the adjoint of Im2ColWide: it sums cols [C·KH·KW, N·OH·OW] back into
	// dst [N, C, H, W], which it overwrites.
	Col2ImWide(dst, cols Buffer, g ConvGeom)
}

// im2colWide unfolds t [N, C, H, W] into [C·KH·KW, N·OH·OW]; its gradient is col2imWide.
func (t *Tensor) im2colWide(g ConvGeom) *Tensor {
	k, nl := g.C*g.KH*g.KW, g.N*g.OH*g.OW
	wp, ok := t.dev.b.(WidePatches)
	if !ok {
		return t.Im2Col(g).Permute(1, 0, 2).Reshape(k, nl)
	}
	out := t.dev.empty([]int{k, nl})
	wp.Im2ColWide(out.buf, t.buf, g)
	record(out, "im2col-wide", []*Tensor{t}, func(gr *Tensor) []*Tensor { return []*Tensor{gr.col2imWide(g)} })
	return out
}

// col2imWide folds t [C·KH·KW, N·OH·OW] back into [N, C, H, W], the adjoint of
// im2colWide; its gradient is im2colWide.
func (t *Tensor) col2imWide(g ConvGeom) *Tensor {
	k, l := g.C*g.KH*g.KW, g.OH*g.OW
	if !sameShape(t.shape, []int{k, g.N * l}) {
		panicf("col2im of %v with geometry %+v", t.shape, g)
	}
	wp, ok := t.dev.b.(WidePatches)
	if !ok {
		return t.Reshape(k, g.N, l).Permute(1, 0, 2).Col2Im(g)
	}
	out := t.dev.empty([]int{g.N, g.C, g.H, g.W})
	wp.Col2ImWide(out.buf, t.buf, g)
	record(out, "col2im-wide", []*Tensor{t}, func(gr *Tensor) []*Tensor { return []*Tensor{gr.im2colWide(g)} })
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
	l, k := g.OH*g.OW, g.C*kh*kw
	if dc, ok := x.dev.b.(DirectConv); ok && co <= directMaxOut && stride == 1 && kh*kw > 1 {
		return addChannelBias(convDirect(dc, x, w, g, co), b)
	}
	weightGrad := x.dev.GradEnabled() && w.requiresGrad
	if sc, ok := x.dev.b.(ShiftedConv); ok && stride == 1 && kh*kw > 1 && !wholeBatch(n, l) && !weightGrad {
		return addChannelBias(convShifted(sc, x, w, g, co), b)
	}
	var cols *Tensor
	switch {
	case kh == 1 && kw == 1 && stride == 1 && pad == 0:
		cols = x.Reshape(n, g.C, g.H*g.W) // a 1×1 convolution needs no unfolding
	case !wholeBatch(n, l):
		cols = x.Im2Col(g)
	}
	if !wholeBatch(n, l) {
		y := MatMul(w.Reshape(co, -1), cols, false, false).Reshape(n, co, g.OH, g.OW)
		return addChannelBias(y, b)
	}
	// One product over the batch, W·[cols_1 … cols_N], then back to [N, CO, OH, OW].
	var wide *Tensor
	if kh == 1 && kw == 1 && stride == 1 && pad == 0 {
		wide = cols.Permute(1, 0, 2).Reshape(k, n*l)
	} else {
		wide = x.im2colWide(g)
	}
	y := MatMul(w.Reshape(co, -1), wide, false, false)
	return addChannelBias(y.Reshape(co, n, l).Permute(1, 0, 2).Reshape(n, co, g.OH, g.OW), b)
}

// wholeBatchBelow is the image size (output pixels of a convolution, input pixels of a
// transposed one) below which a batch's matrix products are done as one: per image they
// would be too thin for the micro-kernel (DCGAN's 7×7 maps give 49 columns, three tiles
// of 16 and one of 1), while the copies that gather and scatter the batch cost a pass
// over the columns. From 128 pixels on the last tile wastes little (14×14 maps give 196
// columns, twelve tiles and a quarter) and the per-image products, whose outputs are
// already [N, C, …], save the permuted copies of the batch-wide ones and their
// gradients: DCGAN's 14×14 layers forward and backward took 15 ms instead of 18.6.
const wholeBatchBelow = 128

// wholeBatch reports whether a convolution over n images of l pixels multiplies them as
// one batch-wide product.
func wholeBatch(n, l int) bool { return n > 1 && l < wholeBatchBelow }

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
	l := h * wd
	if wholeBatch(n, l) {
		// One product over the batch, Wᵀ·[x_1 … x_N], then back to [N, CO·KH·KW, L].
		xT := x.Reshape(n, ci, l).Permute(1, 0, 2).Reshape(ci, n*l)
		wide := MatMul(w.Reshape(ci, -1), xT, true, false) // [CO·KH·KW, N·L]
		return addChannelBias(wide.col2imWide(g), b)
	}
	cols := MatMul(w.Reshape(ci, -1), x.Reshape(n, ci, l), true, false)
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
