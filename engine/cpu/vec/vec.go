package vec

// Op is an arithmetic operation of Binary and Scalar.
type Op uint8

// The operations; with Binary the operand s stands for b[i].
const (
	OpAdd    Op = iota // a[i] + s
	OpSub              // a[i] - s
	OpSubRev           // s - a[i]
	OpMul              // a[i] * s
	OpDiv              // a[i] / s
	OpDivRev           // s / a[i]
	OpMax              // max(a[i], s), NaN if either is NaN, +0 for max(-0, +0)
	opCount
)

// Kernel returns the name of the implementation in use: "avx2" for the amd64
// assembly, "generic" for portable Go.
func Kernel() string { return active.name }

// Binary computes dst[i] = a[i] op b[i] for every i. OpSubRev and OpDivRev
// compute b[i] - a[i] and b[i] / a[i]. It panics on an unknown op.
func Binary(op Op, dst, a, b []float32) { active.Binary(op, dst, a, b) }

// Scalar computes dst[i] = a[i] op s for every i, or s op a[i] for OpSubRev
// and OpDivRev. It panics on an unknown op.
func Scalar(op Op, dst, a []float32, s float32) { active.Scalar(op, dst, a, s) }

// AddTo computes dst[i] += x[i].
func AddTo(dst, x []float32) { active.AddTo(dst, x) }

// MaxTo computes dst[i] = max(dst[i], x[i]) with Go's max semantics.
func MaxTo(dst, x []float32) { active.MaxTo(dst, x) }

// Affine computes dst[i] = a*x[i] + b, rounding the product to float32 before
// the addition (no fused multiply-add), so every kernel agrees bit for bit.
func Affine(dst, x []float32, a, b float32) { active.Affine(dst, x, a, b) }

// Relu computes dst[i] = max(x[i], 0) with Go's max semantics: -0 gives +0
// and NaN stays NaN.
func Relu(dst, x []float32) { active.Relu(dst, x) }

// LeakyRelu computes dst[i] = x[i] if x[i] > 0 and slope*x[i] otherwise, as
// x[i] * (x[i] > 0 ? 1 : slope); -0 and NaN take the slope branch.
func LeakyRelu(dst, x []float32, slope float32) { active.LeakyRelu(dst, x, slope) }

// Step computes dst[i] = 1 if x[i] > thr and lo otherwise; NaN gives lo, and
// so does -0 when thr is 0.
func Step(dst, x []float32, thr, lo float32) { active.Step(dst, x, thr, lo) }

// StepMul computes dst[i] = g[i] * (x[i] > 0 ? 1 : lo), the backward pass of
// Relu (lo = 0) and LeakyRelu (lo = slope); x[i] = -0 or NaN multiplies by lo.
func StepMul(dst, g, x []float32, lo float32) { active.StepMul(dst, g, x, lo) }

// Sum returns Σ x[i]. Consecutive runs of 32 elements are added lane by lane
// into 32 float32 partial sums; every 1024 elements the partial sums are
// converted to float64 and added to 32 float64 totals, which are combined in a
// fixed tree, and the last len(x) mod 32 elements are added in float64. Each
// float32 partial sum gathers at most 32 values, so the error is at most about
// 31·2⁻²⁴·Σ|x[i]| ≈ 1.9e-6·Σ|x[i]| whatever the length, and the result is the
// same on every kernel and machine. A partial sum can overflow to ±Inf where
// an exact float64 sum would not, when 32 values near ±MaxFloat32 meet.
func Sum(x []float32) float64 { return active.Sum(x) }

// MaxOf returns the largest element of x with Go's max semantics (NaN if any
// element is NaN, +0 over -0), and -Inf when x is empty.
func MaxOf(x []float32) float32 { return active.MaxOf(x) }

// Adam applies one Adam update in place, for every i:
//
//	m[i] = β1·m[i] + (1-β1)·g[i]
//	v[i] = β2·v[i] + (1-β2)·g[i]·g[i]
//	w[i] -= stepSize·m[i] / (√v[i]·invRootBC2 + eps)
//
// where stepSize carries the first bias correction and invRootBC2 is
// 1/√(1-β2ᵗ). Each operation rounds to float32 in the order written (no fused
// multiply-add, a true division and a correctly rounded square root), so the
// kernels agree bit for bit. The slices must not overlap.
func Adam(w, g, m, v []float32, beta1, beta2, stepSize, invRootBC2, eps float32) {
	active.Adam(w, g, m, v, beta1, beta2, stepSize, invRootBC2, eps)
}

// SGD applies one stochastic gradient descent step in place: w[i] -= lr·g[i]
// when momentum is 0 (vel is then neither read nor checked and may be nil),
// and otherwise vel[i] = momentum·vel[i] + g[i]; w[i] -= lr·vel[i]. Products
// are rounded before the additions, so the kernels agree bit for bit.
func SGD(w, g, vel []float32, lr, momentum float32) { active.SGD(w, g, vel, lr, momentum) }

// RMSProp applies one RMSProp update in place, for every i:
//
//	s[i] = α·s[i] + (1-α)·g[i]·g[i]
//	w[i] -= lr·g[i] / (√s[i] + eps)
//
// rounding each operation to float32 as written, so the kernels agree bit for
// bit. The slices must not overlap.
func RMSProp(w, g, s []float32, lr, alpha, eps float32) { active.RMSProp(w, g, s, lr, alpha, eps) }
