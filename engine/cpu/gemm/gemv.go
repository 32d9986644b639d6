package gemm

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

// thin is the largest m or n handled as matrix-vector products: a packed micro-kernel pads
// such products to its tile width and spends its time packing.
const thin = 2

var level2 gonum.Implementation

// gemvs computes C = α·op(A)·op(B) + β·C, for n ≤ thin one column of C at a time,
//
//	C[:, j] = α·op(A)·op(B)[:, j] + β·C[:, j],
//
// and for m ≤ thin one row at a time, C[i, :] = α·op(B)ᵀ·op(A)[i, :] + β·C[i, :],
// with gonum's level-2 Sgemv (vectorised dot and axpy loops). It reports false for other
// shapes.
func gemvs(transA, transB bool, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) bool {
	switch {
	case n <= thin:
		ta, ar, ac := blas.NoTrans, m, k // A as stored: ar×ac
		if transA {
			ta, ar, ac = blas.Trans, k, m
		}
		// Each column of C is computed contiguously and then scattered: strided vectors
		// take gonum's slow non-unit-stride loops.
		y, xs := make([]float32, m), make([]float32, k)
		for j := 0; j < n; j++ {
			x, incX := b[j:], ldb // column j of B (k×n)
			if transB {
				x, incX = b[j*ldb:], 1 // row j of B (n×k)
			}
			level2.Sgemv(ta, ar, ac, alpha, a, lda, unit(x, incX, k, xs), 1, 0, y, 1)
			for i, v := range y {
				if beta == 0 {
					c[i*ldc+j] = v
				} else {
					c[i*ldc+j] = v + beta*c[i*ldc+j]
				}
			}
		}
		return true
	case m <= thin:
		tb, br, bc := blas.Trans, k, n // op(B)ᵀ from B as stored: br×bc
		if transB {
			tb, br, bc = blas.NoTrans, n, k
		}
		xs := make([]float32, k)
		for i := 0; i < m; i++ {
			x, incX := a[i*lda:], 1 // row i of A (m×k)
			if transA {
				x, incX = a[i:], lda // column i of A (k×m)
			}
			level2.Sgemv(tb, br, bc, alpha, b, ldb, unit(x, incX, k, xs), 1, beta, c[i*ldc:i*ldc+n], 1)
		}
		return true
	}
	return false
}

// unit returns the k-vector x with stride inc as a contiguous slice, copying it into buf
// when inc ≠ 1 (gonum's strided loops are several times slower than its unit-stride ones).
func unit(x []float32, inc, k int, buf []float32) []float32 {
	if inc == 1 {
		return x[:k]
	}
	for p := range buf[:k] {
		buf[p] = x[p*inc]
	}
	return buf[:k]
}
