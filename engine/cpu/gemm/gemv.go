package gemm

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

// thin is the largest m or n handled as matrix-vector products: a packed micro-kernel pads
// such products to its tile width and spends its time packing.
const thin = 2

// smallM and smallK are the largest m and k handled by streaming products: with so few rows
// of C, or so shallow a product, a packed micro-kernel spends its time packing op(B) or
// storing tiles (a convolution to 3 channels has m = 3 and k or n of thousands), while one
// pass of level-2 loops over op(B) is bound only by reading it once.
const (
	smallM = 4
	smallK = 4
)

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
	case m <= smallM:
		smallRows(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
		return true
	case k <= smallK:
		shallow(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
		return true
	}
	return false
}

// panelBytes bounds the part of B (of Bᵀ's rows, or of C's rows) that smallRows keeps in
// cache while it is used for every row of C.
const panelBytes = 64 << 10

// smallRows computes C = α·op(A)·op(B) + β·C for m ≤ smallM reading B from memory once.
// With B stored k×n it goes through C in column chunks that stay in cache, adding
// α·op(A)[i, p]·B[p, chunk] to every row i for each row p of B (long contiguous axpys);
// with B stored n×k (transB) each row of B meets every row of op(A) in a dot product
// while it is in cache.
func smallRows(transA, transB bool, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	rows := make([]float32, m*k) // op(A), row by row
	for i := 0; i < m; i++ {
		if transA {
			unit(a[i:], lda, k, rows[i*k:])
		} else {
			copy(rows[i*k:(i+1)*k], a[i*lda:])
		}
	}
	if transB {
		w := max(4, panelBytes/4/k) // rows of B per panel
		for j0 := 0; j0 < n; j0 += w {
			nw := min(w, n-j0)
			for i := 0; i < m; i++ {
				level2.Sgemv(blas.NoTrans, nw, k, alpha, b[j0*ldb:], ldb, rows[i*k:(i+1)*k], 1, beta,
					c[i*ldc+j0:i*ldc+j0+nw], 1)
			}
		}
		return
	}
	w := max(64, panelBytes/4/m) // columns of C per chunk
	for j0 := 0; j0 < n; j0 += w {
		nw := min(w, n-j0)
		for i := 0; i < m; i++ {
			y := c[i*ldc+j0 : i*ldc+j0+nw]
			if beta == 0 {
				clear(y)
			} else if beta != 1 {
				level2.Sscal(nw, beta, y, 1)
			}
		}
		for p := 0; p < k; p++ {
			x := b[p*ldb+j0 : p*ldb+j0+nw]
			for i := 0; i < m; i++ {
				if v := alpha * rows[i*k+p]; v != 0 {
					level2.Saxpy(nw, v, x, 1, c[i*ldc+j0:i*ldc+j0+nw], 1)
				}
			}
		}
	}
}

// shallow computes C = α·op(A)·op(B) + β·C for k ≤ smallK row by row: row i of C is the
// combination Σ_p α·op(A)[i, p]·op(B)[p, :] of the k rows of op(B), which stay in cache, so
// C is written once in long vector loops instead of tile by tile.
func shallow(transA, transB bool, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	bt, ldbt := b, ldb
	if transB { // gather op(B) (k×n) from B (n×k)
		bt, ldbt = make([]float32, k*n), n
		for j := 0; j < n; j++ {
			for p := 0; p < k; p++ {
				bt[p*n+j] = b[j*ldb+p]
			}
		}
	}
	var xs [smallK]float32
	for i := 0; i < m; i++ {
		var x []float32
		if transA {
			x = unit(a[i:], lda, k, xs[:])
		} else {
			x = a[i*lda : i*lda+k]
		}
		level2.Sgemv(blas.Trans, k, n, alpha, bt, ldbt, x[:k], 1, beta, c[i*ldc:i*ldc+n], 1)
	}
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
