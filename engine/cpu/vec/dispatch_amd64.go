package vec

import "golang.org/x/sys/cpu"

// avx2Kernel is the AVX2 assembly, eight floats per YMM register. It uses no
// FMA instructions (so it matches the Go kernel bit for bit) but is selected
// with the same AVX2+FMA test as the gemm kernel.
var avx2Kernel = &kernel{
	name:     "avx2",
	binary:   binaryAVX2,
	scalar:   scalarAVX2,
	affine:   affineAVX2,
	relu:     reluAVX2,
	leaky:    leakyAVX2,
	step:     stepAVX2,
	stepMul:  stepMulAVX2,
	sum:      sumAVX2,
	maxOf:    maxOfAVX2,
	adam:     adamAVX2,
	sgd:      sgdAVX2,
	momentum: momentumAVX2,
	rmsprop:  rmspropAVX2,
}

// selectKernel returns the assembly kernel when the CPU and OS support AVX2
// and FMA, and the portable Go kernel otherwise.
func selectKernel() *kernel {
	if cpu.X86.HasAVX2 && cpu.X86.HasFMA {
		return avx2Kernel
	}
	return genericKernel
}

func binaryAVX2(op Op, d, a, b []float32) {
	switch op {
	case OpAdd:
		addAVX2(d, a, b)
	case OpSub:
		subAVX2(d, a, b)
	case OpMul:
		mulAVX2(d, a, b)
	case OpDiv:
		divAVX2(d, a, b)
	case OpMax:
		maxAVX2(d, a, b)
	}
}

func scalarAVX2(op Op, d, a []float32, s float32) {
	switch op {
	case OpAdd:
		addScalarAVX2(d, a, s)
	case OpSub:
		subScalarAVX2(d, a, s)
	case OpSubRev:
		subRevScalarAVX2(d, a, s)
	case OpMul:
		mulScalarAVX2(d, a, s)
	case OpDiv:
		divScalarAVX2(d, a, s)
	case OpDivRev:
		divRevScalarAVX2(d, a, s)
	case OpMax:
		maxScalarAVX2(d, a, s)
	}
}

// The assembly loops below (binary_amd64.s, scalar_amd64.s, unary_amd64.s,
// reduce_amd64.s, optim_amd64.s) take the length from their first slice; the
// others must be at least as long.

// d[i] = a[i] op b[i].
//
//go:noescape
func addAVX2(d, a, b []float32)

//go:noescape
func subAVX2(d, a, b []float32)

//go:noescape
func mulAVX2(d, a, b []float32)

//go:noescape
func divAVX2(d, a, b []float32)

//go:noescape
func maxAVX2(d, a, b []float32)

// d[i] = a[i] op s, or s op a[i] for the Rev forms.
//
//go:noescape
func addScalarAVX2(d, a []float32, s float32)

//go:noescape
func subScalarAVX2(d, a []float32, s float32)

//go:noescape
func subRevScalarAVX2(d, a []float32, s float32)

//go:noescape
func mulScalarAVX2(d, a []float32, s float32)

//go:noescape
func divScalarAVX2(d, a []float32, s float32)

//go:noescape
func divRevScalarAVX2(d, a []float32, s float32)

//go:noescape
func maxScalarAVX2(d, a []float32, s float32)

//go:noescape
func affineAVX2(d, x []float32, a, b float32)

//go:noescape
func reluAVX2(d, x []float32)

//go:noescape
func leakyAVX2(d, x []float32, slope float32)

//go:noescape
func stepAVX2(d, x []float32, thr, lo float32)

//go:noescape
func stepMulAVX2(d, g, x []float32, lo float32)

//go:noescape
func sumAVX2(x []float32) float64

//go:noescape
func maxOfAVX2(x []float32) float32

//go:noescape
func adamAVX2(w, g, m, v []float32, b1, c1, b2, c2, lr, scale, eps float32)

//go:noescape
func sgdAVX2(w, g []float32, lr float32)

//go:noescape
func momentumAVX2(w, g, vel []float32, lr, mu float32)

//go:noescape
func rmspropAVX2(w, g, s []float32, alpha, c, lr, eps float32)
