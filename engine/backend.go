package engine

import "context"

// Buffer is a block of float32 storage owned by a Backend. Only the backend that allocated a
// buffer may read or write it.
type Buffer interface {
	// Len is the number of float32 elements.
	Len() int
}

// Backend is the one interface that every compute backend implements (CPU, WebGPU). Every
// Tensor op lowers to these calls; outputs never alias inputs unless a method says so.
type Backend interface {
	// Name identifies the backend ("cpu", "webgpu").
	Name() string
	// Alloc returns a buffer of n elements whose contents are unspecified (a backend may
	// recycle buffers that are no longer referenced); every op writes all of its output.
	Alloc(n int) Buffer
	// Write copies src into dst; len(src) == dst.Len().
	Write(dst Buffer, src []float32)
	// Read copies src into dst once all work queued on src has finished.
	Read(ctx context.Context, src Buffer, dst []float32) error
	// Fill sets every element of dst to v.
	Fill(dst Buffer, v float32)
	// Unary computes dst[i] = op(x[i]; p.A, p.B) elementwise. dst may be x (in place).
	Unary(op UnaryOp, p Params, dst, x Buffer)
	// Binary computes dst = op(a, b; p.A) over bc.Shape, reading a and b through the
	// broadcast strides of bc. dst is contiguous; it may be a when bc.StridesA is contiguous.
	Binary(op BinaryOp, p Params, dst, a, b Buffer, bc Broadcast)
	// Reduce folds x (contiguous, shape r.Shape) over the axes in r.Axes into dst, whose
	// shape is r.Shape with those axes set to 1.
	Reduce(op ReduceOp, dst, x Buffer, r Reduction)
	// MatMul computes, for each batch i, dst_i = op(a_i) · op(b_i) as described by g.
	MatMul(dst, a, b Buffer, g MatMulGeom)
	// Copy copies src viewed through sv into dst viewed through dv (same shape). Views may
	// have negative or zero strides on the source side; the destination view must not
	// overlap itself.
	Copy(dst Buffer, dv View, src Buffer, sv View)
	// Im2Col unfolds image patches: x is [N, C, H, W], dst is [N, C·KH·KW, OH·OW].
	Im2Col(dst, x Buffer, g ConvGeom)
	// OptimStep applies one optimizer update in place to the parameter w from its gradient
	// g and the optimizer's state buffers s1, s2 (see OptimOp; unused state may be nil).
	OptimStep(op OptimOp, p OptimParams, w, g, s1, s2 Buffer)
	// Col2Im is the adjoint of Im2Col: it sums the columns of cols ([N, C·KH·KW, OH·OW])
	// back into dst ([N, C, H, W]), which it overwrites.
	Col2Im(dst, cols Buffer, g ConvGeom)
}
