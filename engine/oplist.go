package engine

// This file is the whole instruction set that a backend implements: three families of
// elementwise and reduction ops selected by typed constants, plus matrix products, strided
// copies and the im2col pair (see Backend).

// UnaryOp selects an elementwise function of one input and up to two scalars (Params).
type UnaryOp uint32

// The unary ops. Formulas use x for the input and A, B for Params.
const (
	OpNeg       UnaryOp = iota // -x
	OpExp                      // e^x
	OpLog                      // ln x
	OpSqrt                     // √x
	OpAbs                      // |x|
	OpTanh                     // tanh x
	OpSigmoid                  // 1 / (1 + e^-x), computed without overflow
	OpRelu                     // max(x, 0)
	OpLeakyRelu                // x if x > 0 else A·x
	OpSoftplus                 // ln(1 + e^x), computed without overflow
	OpPow                      // x^A
	OpClamp                    // min(max(x, A), B)
	OpAffine                   // A·x + B
	OpSign                     // -1, 0 or 1
	OpStep                     // 1 if x > A else B (the derivative of relu and leaky relu)
	OpInRange                  // 1 if A ≤ x ≤ B else 0 (the derivative of clamp)
	OpRecip                    // 1 / x
	numUnaryOps
)

// Params carries the scalar arguments of a unary op.
type Params struct{ A, B float32 }

// BinaryOp selects an elementwise function of two broadcast inputs.
type BinaryOp uint32

// The binary ops.
const (
	OpAdd     BinaryOp = iota // a + b
	OpSub                     // a - b
	OpMul                     // a · b
	OpDiv                     // a / b
	OpMax                     // max(a, b)
	OpEq                      // 1 if a == b else 0
	OpMulStep                 // a if b > 0 else A·a (the backward of relu and leaky relu)
	numBinaryOps
)

// ReduceOp selects how Reduce folds the reduced axes.
type ReduceOp uint32

// The reduce ops.
const (
	OpSum       ReduceOp = iota // Σ x
	OpMaxReduce                 // max x
	numReduceOps
)

// OptimOp selects a fused optimizer update (one pass over a parameter and its state).
type OptimOp uint32

// The optimizer updates, with g the gradient and the scalars of OptimParams:
const (
	// OptSGD: s1 ← Momentum·s1 + g, w ← w - LR·s1 (with Momentum 0, w ← w - LR·g and s1 is
	// not used).
	OptSGD OptimOp = iota
	// OptAdam: s1 ← Beta1·s1 + (1-Beta1)·g, s2 ← Beta2·s2 + (1-Beta2)·g²,
	// w ← w - LR·s1 / (√s2·Scale + Eps), where the caller folds Adam's bias corrections into
	// LR (lr/(1-β1^t)) and Scale (1/√(1-β2^t)).
	OptAdam
	// OptRMSProp: s1 ← Beta2·s1 + (1-Beta2)·g², w ← w - LR·g / (√s1 + Eps).
	OptRMSProp
	numOptimOps
)

// OptimParams carries the scalars of an optimizer update.
type OptimParams struct {
	LR, Momentum, Beta1, Beta2, Eps, Scale float32
}

// Broadcast describes a NumPy-style broadcast: the output has Shape (contiguous), and input
// element at output index i is read at Σ i_d·Strides[d] (stride 0 on broadcast axes).
type Broadcast struct {
	Shape    []int
	StridesA []int
	StridesB []int
}

// Reduction describes a reduction of a contiguous tensor of Shape over the Axes marked true.
type Reduction struct {
	Shape []int
	Axes  []bool
}

// MatMulGeom describes Batch products op(a_i)·op(b_i), where op(a_i) is M×K, op(b_i) is
// K×N, all row-major. a_i starts at i·StrideA and b_i at i·StrideB (a stride of 0 reuses
// one matrix for every batch). dst is contiguous: Batch M×N matrices dst_i = op(a_i)·op(b_i),
// or, with SumBatch, one M×N matrix dst = Σ_i op(a_i)·op(b_i) (the gradient of a matrix
// shared by a batch).
type MatMulGeom struct {
	Batch, M, K, N   int
	TransA, TransB   bool
	StrideA, StrideB int
	SumBatch         bool
}

// View is a strided window into a buffer: element at index (i_0, …, i_{n-1}) lives at
// Offset + Σ i_d·Strides[d].
type View struct {
	Offset  int
	Shape   []int
	Strides []int
}

// ConvGeom is the geometry of a 2-D convolution's patch extraction.
//
//	OH = (H + 2·PadH - KH) / StrideH + 1,  OW = (W + 2·PadW - KW) / StrideW + 1
type ConvGeom struct {
	N, C, H, W       int
	KH, KW           int
	StrideH, StrideW int
	PadH, PadW       int
	OH, OW           int
}

// NewConvGeom fills in the output size of a convolution and checks that it is positive.
func NewConvGeom(n, c, h, w, kh, kw, stride, pad int) ConvGeom {
	g := ConvGeom{N: n, C: c, H: h, W: w, KH: kh, KW: kw, StrideH: stride, StrideW: stride, PadH: pad, PadW: pad}
	if stride < 1 || pad < 0 || kh < 1 || kw < 1 {
		panicf("bad convolution: kernel %d×%d, stride %d, padding %d", kh, kw, stride, pad)
	}
	g.OH = (h+2*pad-kh)/stride + 1
	g.OW = (w+2*pad-kw)/stride + 1
	if h+2*pad < kh || w+2*pad < kw {
		panicf("convolution kernel %d×%d larger than padded input %d×%d", kh, kw, h+2*pad, w+2*pad)
	}
	return g
}
