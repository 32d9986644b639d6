package gemm

import "golang.org/x/sys/cpu"

// avx2Kernel is the AVX2+FMA assembly kernel with a 6×16 tile of C held in
// twelve YMM registers.
var avx2Kernel = &kernel{
	name: "avx2-fma",
	mr:   6,
	nr:   16,
	mc:   144,
	kc:   256,
	nc:   2048,
	tile: tileAVX2,
}

// available lists the kernels that this CPU and OS support, fastest first:
// AVX-512, then AVX2 with FMA, then the portable Go kernel.
func available() []*kernel {
	var ks []*kernel
	if cpu.X86.HasAVX512F {
		ks = append(ks, avx512Kernel)
	}
	if cpu.X86.HasAVX2 && cpu.X86.HasFMA {
		ks = append(ks, avx2Kernel)
	}
	return append(ks, genericKernel)
}

// selectKernel returns the fastest kernel this machine supports.
func selectKernel() *kernel { return available()[0] }

// sgemmKernel6x16 computes the 6×16 tile
//
//	c[i*ldc+j] = alpha * Σ_p a[p*6+i] * b[p*16+j] + beta * c[i*ldc+j]
//
// for p < kc, with kc ≥ 1. When loadC is zero, c is stored without being read.
// It is implemented in kernel_amd64.s.
//
//go:noescape
func sgemmKernel6x16(kc int, a, b, c *float32, ldc int, alpha, beta float32, loadC int)

// tileAVX2 checks the bounds of the packed slivers and of the C tile and
// calls the assembly micro-kernel.
func tileAVX2(kc int, a, b, c []float32, ldc int, alpha, beta float32) {
	_ = a[kc*6-1]
	_ = b[kc*16-1]
	_ = c[5*ldc+15]
	sgemmKernel6x16(kc, &a[0], &b[0], &c[0], ldc, alpha, beta, loadC(beta))
}

// loadC is the assembly kernels' flag for reading C: 1 when beta is not zero.
// With beta zero C is written without being read, so NaN and Inf there vanish.
func loadC(beta float32) int {
	if beta != 0 {
		return 1
	}
	return 0
}
