package gemm

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestSgemmRowsAtMatchesSgemm gathers the rows of B from random, overlapping,
// unordered offsets into a matrix and checks that SgemmRowsAt on the offsets
// equals Sgemm on the matrix, for every kernel, both layouts of A, the serial
// and parallel paths, alpha and beta, and the shapes that take the level-2 paths.
func TestSgemmRowsAtMatchesSgemm(t *testing.T) {
	for _, s := range testShapes {
		for _, tA := range []bool{false, true} {
			rng := rand.New(rand.NewPCG(uint64(s.m*7919+s.n*31+s.k), 3))
			lda, rowsA := s.k+2, s.m
			if tA {
				lda, rowsA = s.m+2, s.k
			}
			a := fill(rng, rowsA*lda)
			b := fill(rng, 3*s.n+40)
			boff := make([]int, s.k)
			rows := make([]float32, s.k*s.n)
			for p := range boff {
				boff[p] = rng.IntN(len(b) - s.n + 1)
				copy(rows[p*s.n:], b[boff[p]:boff[p]+s.n])
			}
			c0 := fill(rng, s.m*(s.n+1))
			for _, kern := range kernels() {
				for _, procs := range []int{1, 2} {
					want := append([]float32(nil), c0...)
					got := append([]float32(nil), c0...)
					sgemm(kern, procs, tA, false, s.m, s.n, s.k, 0.75, a, lda, rows, s.n, 0.5, want, s.n+1)
					sgemmRowsAt(kern, procs, tA, s.m, s.n, s.k, 0.75, a, lda, b, boff, 0.5, got, s.n+1)
					for i := range want {
						if d := want[i] - got[i]; d > 1e-4 || d < -1e-4 {
							t.Fatalf("%s, %d goroutines, %dx%dx%d tA=%v: C[%d] = %v; want %v",
								kern.name, procs, s.m, s.n, s.k, tA, i, got[i], want[i])
						}
					}
				}
			}
		}
	}
}

// TestSgemmRowsAtPanics checks the messages for too few offsets and for a row
// that runs outside b.
func TestSgemmRowsAtPanics(t *testing.T) {
	a, b, c := make([]float32, 4), make([]float32, 10), make([]float32, 4)
	for _, tc := range []struct {
		boff []int
		want string
	}{
		{[]int{0}, "fewer row offsets than k"},
		{[]int{0, 9}, "a row of B runs outside b"},
		{[]int{-1, 0}, "a row of B runs outside b"},
	} {
		func() {
			defer func() {
				r, _ := recover().(string)
				if !strings.Contains(r, tc.want) {
					t.Errorf("offsets %v: panic %q; want %q", tc.boff, r, tc.want)
				}
			}()
			SgemmRowsAt(false, 2, 2, 2, 1, a, 2, b, tc.boff, 0, c, 2)
		}()
	}
}
