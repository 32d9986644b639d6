package gemm

import "runtime"

// SgemmRowsAt computes C = alpha * op(A) * B + beta * C where B is a k×n matrix
// whose rows lie anywhere in b: row p is b[boff[p] : boff[p]+n]. op(A) is m×k
// as in Sgemm, C is m×n with row stride ldc.
//
// A stride-1 convolution is such a product: with its input padded and laid out
// flat with row pitch Wp, the unfolded row of kernel tap (c, i, j) is the
// input shifted by c·Hp·Wp + i·Wp + j, so the weights multiply shifted views
// of the image and the patch matrix is never written (see engine/cpu's
// ConvShifted). The shifted rows are packed straight from b.
//
// It panics with a message starting with "gemm: " on a negative size, a short
// slice, too few offsets or an offset whose row runs outside b.
func SgemmRowsAt(transA bool, m, n, k int, alpha float32, a []float32, lda int, b []float32, boff []int, beta float32, c []float32, ldc int) {
	sgemmRowsAt(active, runtime.GOMAXPROCS(0), transA, m, n, k, alpha, a, lda, b, boff, beta, c, ldc)
}

func sgemmRowsAt(kern *kernel, procs int, transA bool, m, n, k int, alpha float32, a []float32, lda int, b []float32, boff []int, beta float32, c []float32, ldc int) {
	// B's own checks; A's and C's are Sgemm's, with a B of one row that passes them.
	checkSizes(transA, false, m, n, k, len(a), lda, max(n, 1)*k, max(n, 1), len(c), ldc)
	if len(boff) < k {
		panic("gemm: fewer row offsets than k")
	}
	if m == 0 || n == 0 {
		return
	}
	for _, o := range boff[:k] {
		if o < 0 || o+n > len(b) {
			panic("gemm: a row of B runs outside b")
		}
	}
	if alpha == 0 || k == 0 {
		if beta != 1 {
			scale(m, n, beta, c, ldc)
		}
		return
	}
	if n <= thin || m <= smallM || k <= smallK {
		// The level-2 paths read B with a stride: give them the rows as a matrix.
		rows := make([]float32, k*n)
		for p, o := range boff[:k] {
			copy(rows[p*n:(p+1)*n], b[o:o+n])
		}
		sgemm(kern, procs, transA, false, m, n, k, alpha, a, lda, rows, n, beta, c, ldc)
		return
	}
	gemmParallel(kern, procs, transA, false, m, n, k, alpha, a, lda, b, n, boff[:k], beta, c, ldc)
}
