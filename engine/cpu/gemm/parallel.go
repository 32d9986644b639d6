package gemm

import "sync"

const (
	// parallelMin is the size m*n*k from which a product is split across
	// goroutines; smaller products run on the calling goroutine.
	parallelMin = 1 << 20
	// workPerGoroutine is the least m*n*k given to each goroutine.
	workPerGoroutine = 1 << 19
)

// gemmParallel computes C = alpha * op(A) * op(B) + beta * C with up to procs
// goroutines, the caller included. C is cut into bands of whole tiles along its
// longer side, rows or columns, and each band is computed by gemmBlocked, so
// the goroutines never write the same element. It requires m, n, k > 0 and
// sizes that have already been checked.
func gemmParallel(kern *kernel, procs int, transA, transB bool, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, boff []int, beta float32, c []float32, ldc int) {
	work := float64(m) * float64(n) * float64(k)
	byCols := n >= m
	dim, unit := m, kern.mr
	if byCols {
		dim, unit = n, kern.nr
	}
	tiles := (dim + unit - 1) / unit
	workers := min(procs, tiles, int(work/workPerGoroutine))
	if work < parallelMin || workers <= 1 {
		gemmBlocked(kern, transA, transB, m, n, k, alpha, a, lda, b, ldb, boff, beta, c, ldc)
		return
	}
	band := (tiles + workers - 1) / workers * unit
	workers = (dim + band - 1) / band

	var wg sync.WaitGroup
	wg.Add(workers - 1)
	for w := 1; w < workers; w++ {
		lo := w * band
		size := min(band, dim-lo)
		if byCols {
			// Column j of op(B) starts at b[j], or at b[j*ldb] when transposed
			// (and at b[boff[p]+j] in row p when boff is given).
			var bs []float32
			if transB {
				bs = b[lo*ldb:]
			} else {
				bs = b[lo:]
			}
			go func() {
				defer wg.Done()
				gemmBlocked(kern, transA, transB, m, size, k, alpha, a, lda, bs, ldb, boff, beta, c[lo:], ldc)
			}()
			continue
		}
		// Row i of op(A) starts at a[i*lda], or at a[i] when transposed.
		var as []float32
		if transA {
			as = a[lo:]
		} else {
			as = a[lo*lda:]
		}
		go func() {
			defer wg.Done()
			gemmBlocked(kern, transA, transB, size, n, k, alpha, as, lda, b, ldb, boff, beta, c[lo*ldc:], ldc)
		}()
	}
	if byCols {
		gemmBlocked(kern, transA, transB, m, band, k, alpha, a, lda, b, ldb, boff, beta, c, ldc)
	} else {
		gemmBlocked(kern, transA, transB, band, n, k, alpha, a, lda, b, ldb, boff, beta, c, ldc)
	}
	wg.Wait()
}
