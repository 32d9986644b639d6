package gemm

import "runtime"

// Sgemm computes C = alpha * op(A) * op(B) + beta * C for row-major matrices, where op(X) is X or Xᵀ.
// op(A) is m×k, op(B) is k×n, C is m×n; lda, ldb, ldc are the row strides.
//
// Element (i, j) of op(A) is a[i*lda+j], or a[j*lda+i] when transA is set, and
// likewise for op(B) with b, ldb and transB; element (i, j) of C is c[i*ldc+j].
// When beta is zero C is not read, so NaN and Inf in C are overwritten, as in
// BLAS. Sgemm panics with a message starting with "gemm: " when a size is
// negative, a stride is too small or a slice is too short, with the same rules
// as gonum's blas32.Gemm.
func Sgemm(transA, transB bool, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	sgemm(active, runtime.GOMAXPROCS(0), transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// sgemm is Sgemm with an explicit kernel and goroutine limit, so tests can
// exercise every kernel and both the serial and parallel paths.
func sgemm(kern *kernel, procs int, transA, transB bool, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	checkSizes(transA, transB, m, n, k, len(a), lda, len(b), ldb, len(c), ldc)
	if m == 0 || n == 0 {
		return
	}
	if alpha == 0 || k == 0 {
		if beta != 1 {
			scale(m, n, beta, c, ldc)
		}
		return
	}
	if gemvs(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) {
		return
	}
	gemmParallel(kern, procs, transA, transB, m, n, k, alpha, a, lda, b, ldb, nil, beta, c, ldc)
}

// checkSizes panics unless m, n, k ≥ 0, the strides are at least the row
// lengths of A, B and C (and at least 1), and the slices are long enough;
// lengths are only checked when m and n are positive, as in BLAS.
func checkSizes(transA, transB bool, m, n, k, lenA, lda, lenB, ldb, lenC, ldc int) {
	switch {
	case m < 0:
		panic("gemm: m < 0")
	case n < 0:
		panic("gemm: n < 0")
	case k < 0:
		panic("gemm: k < 0")
	}
	rowsA, colsA := m, k
	if transA {
		rowsA, colsA = k, m
	}
	rowsB, colsB := k, n
	if transB {
		rowsB, colsB = n, k
	}
	switch {
	case lda < max(1, colsA):
		panic("gemm: bad leading dimension of A")
	case ldb < max(1, colsB):
		panic("gemm: bad leading dimension of B")
	case ldc < max(1, n):
		panic("gemm: bad leading dimension of C")
	}
	if m == 0 || n == 0 {
		return
	}
	switch {
	case lenA < (rowsA-1)*lda+colsA:
		panic("gemm: insufficient length of a")
	case lenB < (rowsB-1)*ldb+colsB:
		panic("gemm: insufficient length of b")
	case lenC < (m-1)*ldc+n:
		panic("gemm: insufficient length of c")
	}
}

// scale computes C = beta * C for the m×n matrix C; beta zero clears C
// without reading it.
func scale(m, n int, beta float32, c []float32, ldc int) {
	for i := 0; i < m; i++ {
		row := c[i*ldc : i*ldc+n]
		if beta == 0 {
			clear(row)
			continue
		}
		for j := range row {
			row[j] *= beta
		}
	}
}
