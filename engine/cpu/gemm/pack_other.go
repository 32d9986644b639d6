//go:build !amd64

package gemm

// transpose8 has no vector version on this architecture: it does no columns
// and leaves them all to the caller.
func transpose8(d []float32, at, stride int, src []float32, ld, off, kc int) int { return 0 }

// copyRuns has no vector version on this architecture and reports false.
func copyRuns(dst, row []float32, runs, stride, w int) bool { return false }
