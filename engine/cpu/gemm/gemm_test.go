package gemm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas32"
)

type shape struct{ m, n, k int }

var testShapes = []shape{
	{1, 1, 1},
	{7, 13, 5},
	{17, 3, 29},
	{33, 65, 31},
	{6, 16, 8},    // exactly one AVX2 tile
	{8, 32, 8},    // exactly one AVX-512 tile
	{16, 64, 300}, // whole AVX-512 tiles, three depth blocks
	{4, 4, 300},   // one generic tile, two depth blocks
	{1000, 3, 7},  // tall and skinny
	{3, 1000, 9},  // short and wide
	{4, 300, 70},  // few rows: streamed panels of op(B)
	{3, 70, 9000}, // few rows, several panels deep
	{500, 90, 3},  // shallow: rows of C as combinations of op(B)'s rows
	{5, 7, 4},     // shallow and small
	{200, 1, 50},  // a single column
	{1, 200, 50},  // a single row
	{64, 48, 1},   // k = 1
	{37, 41, 1},   // k = 1 with edges
	{256, 256, 256},
	{300, 200, 100},
	{130, 70, 600}, // several depth blocks
}

// fill returns n random values in [-1, 1).
func fill(rng *rand.Rand, n int) []float32 {
	v := make([]float32, n)
	for i := range v {
		v[i] = 2*rng.Float32() - 1
	}
	return v
}

func trans(t bool) blas.Transpose {
	if t {
		return blas.Trans
	}
	return blas.NoTrans
}

// problem is one set of random operands for a product of the given shape.
type problem struct {
	tA, tB        bool
	m, n, k       int
	a, b, c0      []float32
	lda, ldb, ldc int
	mag           []float64 // mag[i*n+j] = Σ_p |op(A)_ip op(B)_pj|
}

// newProblem draws operands for shape s; pad is added to the row strides so
// that strided access is exercised.
func newProblem(tA, tB bool, s shape, pad int) *problem {
	m, n, k := s.m, s.n, s.k
	rng := rand.New(rand.NewPCG(uint64(m*1000003+n*1009+k), uint64(pad)))
	ra, ca := m, k
	if tA {
		ra, ca = k, m
	}
	rb, cb := k, n
	if tB {
		rb, cb = n, k
	}
	pr := &problem{tA: tA, tB: tB, m: m, n: n, k: k, lda: ca + pad, ldb: cb + 2*pad, ldc: n + 3*pad}
	pr.a = fill(rng, ra*pr.lda)
	pr.b = fill(rng, rb*pr.ldb)
	pr.c0 = fill(rng, m*pr.ldc)

	// Absolute values of op(A) (m×k) and op(B) (k×n), row-major, for the
	// error bound.
	absA := make([]float64, m*k)
	absB := make([]float64, k*n)
	for i := 0; i < m; i++ {
		for p := 0; p < k; p++ {
			var v float32
			if tA {
				v = pr.a[p*pr.lda+i]
			} else {
				v = pr.a[i*pr.lda+p]
			}
			absA[i*k+p] = math.Abs(float64(v))
		}
	}
	for p := 0; p < k; p++ {
		for j := 0; j < n; j++ {
			var v float32
			if tB {
				v = pr.b[j*pr.ldb+p]
			} else {
				v = pr.b[p*pr.ldb+j]
			}
			absB[p*n+j] = math.Abs(float64(v))
		}
	}
	pr.mag = make([]float64, m*n)
	for i := 0; i < m; i++ {
		row := pr.mag[i*n : i*n+n]
		for p, av := range absA[i*k : i*k+k] {
			for j, bv := range absB[p*n : p*n+n] {
				row[j] += av * bv
			}
		}
	}
	return pr
}

// check runs the product with kern and procs goroutines and compares it with
// gonum. An element passes when
//
//	|got - want| ≤ 1e-5 * (k+1) * (|alpha| Σ_p |op(A)_ip op(B)_pj| + |beta C_ij|),
//
// a relative tolerance of 1e-5 per term of the sum, taken against the
// magnitude of the terms so that cancellation does not tighten it. Elements of
// c outside the m×n window must be left unchanged. With nanC, the m×n window
// of C starts as NaN (use beta = 0).
func (pr *problem) check(t *testing.T, kern *kernel, procs int, alpha, beta float32, nanC bool) {
	t.Helper()
	m, n, k, ldc := pr.m, pr.n, pr.k, pr.ldc
	c0 := append([]float32(nil), pr.c0...)
	if nanC {
		for i := 0; i < m; i++ {
			for j := 0; j < n; j++ {
				c0[i*ldc+j] = float32(math.NaN())
			}
		}
	}
	got := append([]float32(nil), c0...)
	want := append([]float32(nil), c0...)
	sgemm(kern, procs, pr.tA, pr.tB, m, n, k, alpha, pr.a, pr.lda, pr.b, pr.ldb, beta, got, ldc)
	blas32.Implementation().Sgemm(trans(pr.tA), trans(pr.tB), m, n, k, alpha, pr.a, pr.lda, pr.b, pr.ldb, beta, want, ldc)

	bad := 0
	for i := 0; i < m; i++ {
		for j := 0; j < ldc; j++ {
			g, w := got[i*ldc+j], want[i*ldc+j]
			if j >= n {
				if math.Float32bits(g) != math.Float32bits(c0[i*ldc+j]) {
					t.Fatalf("%s: c[%d] outside C changed: %v -> %v", kern.name, i*ldc+j, c0[i*ldc+j], g)
				}
				continue
			}
			mag := math.Abs(float64(alpha)) * pr.mag[i*n+j]
			if beta != 0 {
				mag += math.Abs(float64(beta) * float64(c0[i*ldc+j]))
			}
			tol := 1e-5*float64(k+1)*mag + 1e-30
			if d := math.Abs(float64(g) - float64(w)); !(d <= tol) {
				bad++
				if bad <= 3 {
					t.Errorf("%s procs=%d alpha=%v beta=%v: C[%d,%d] = %v, gonum %v (|diff| %g > tol %g)",
						kern.name, procs, alpha, beta, i, j, g, w, d, tol)
				}
			}
		}
	}
	if bad > 3 {
		t.Errorf("%s: %d elements differ", kern.name, bad)
	}
}

// TestSgemmMatchesGonum compares every kernel with gonum on all shapes, all
// four transpose combinations, minimal and padded strides, and several alpha
// and beta (0, 1, 0.5 and others).
func TestSgemmMatchesGonum(t *testing.T) {
	for _, s := range testShapes {
		for _, tr := range [][2]bool{{false, false}, {true, false}, {false, true}, {true, true}} {
			for _, pad := range []int{0, 3} {
				name := fmt.Sprintf("%dx%dx%d/tA=%v,tB=%v/pad=%d", s.m, s.n, s.k, tr[0], tr[1], pad)
				t.Run(name, func(t *testing.T) {
					pr := newProblem(tr[0], tr[1], s, pad)
					for _, kern := range kernels() {
						for _, ab := range [][2]float32{{1.5, 0}, {-0.75, 1}, {1, 0.5}, {2, -1.25}} {
							pr.check(t, kern, 4, ab[0], ab[1], false)
						}
					}
				})
			}
		}
	}
}

// TestSgemmSerialAndParallel checks that one goroutine and several give the
// same answer, including splits that do not fall on tile boundaries.
func TestSgemmSerialAndParallel(t *testing.T) {
	for _, kern := range kernels() {
		for _, s := range []shape{{256, 256, 256}, {301, 97, 64}, {97, 301, 64}, {130, 130, 130}} {
			p1 := newProblem(false, false, s, 1)
			p2 := newProblem(true, true, s, 0)
			for _, procs := range []int{1, 2, 3, 7} {
				p1.check(t, kern, procs, 0.5, 0.5, false)
				p2.check(t, kern, procs, -1, 0, true)
			}
		}
	}
}

// TestSgemmBetaZeroIgnoresNaN checks that beta = 0 overwrites NaN in C.
func TestSgemmBetaZeroIgnoresNaN(t *testing.T) {
	for _, kern := range kernels() {
		for _, s := range []shape{{7, 13, 5}, {33, 65, 31}, {256, 256, 256}} {
			newProblem(false, false, s, 2).check(t, kern, 2, 1.25, 0, true)
			newProblem(true, false, s, 0).check(t, kern, 2, -0.5, 0, true)
		}
	}
}

// TestSgemmQuickReturns checks alpha = 0 and k = 0, which only scale C.
func TestSgemmQuickReturns(t *testing.T) {
	nan := float32(math.NaN())
	for _, tc := range []struct {
		k           int
		alpha, beta float32
		want        float32
	}{
		{0, 1, 0, 0}, {0, 1, 0.5, 2}, {3, 0, 0, 0}, {3, 0, 2, 8}, {3, 0, 1, 4},
	} {
		c := []float32{4, 4, nan, 4, 4, nan}
		if tc.beta == 0 {
			c = []float32{nan, nan, nan, nan, nan, nan}
		}
		a := make([]float32, 2*3)
		b := make([]float32, 3*2)
		Sgemm(false, false, 2, 2, tc.k, tc.alpha, a, max(tc.k, 1), b, 2, tc.beta, c, 3)
		for _, i := range []int{0, 1, 3, 4} {
			if c[i] != tc.want {
				t.Errorf("k=%d alpha=%v beta=%v: c[%d] = %v, want %v", tc.k, tc.alpha, tc.beta, i, c[i], tc.want)
			}
		}
	}
	// m = 0 and n = 0 do nothing, even with empty slices.
	Sgemm(false, false, 0, 5, 5, 1, nil, 5, nil, 5, 0, nil, 5)
	Sgemm(true, true, 5, 0, 5, 1, nil, 5, nil, 5, 0, nil, 1)
}

func TestSgemmPanics(t *testing.T) {
	f := make([]float32, 100)
	for _, tc := range []struct {
		name string
		call func()
		want string
	}{
		{"m<0", func() { Sgemm(false, false, -1, 2, 2, 1, f, 2, f, 2, 0, f, 2) }, "m < 0"},
		{"n<0", func() { Sgemm(false, false, 2, -1, 2, 1, f, 2, f, 2, 0, f, 2) }, "n < 0"},
		{"k<0", func() { Sgemm(false, false, 2, 2, -1, 1, f, 2, f, 2, 0, f, 2) }, "k < 0"},
		{"lda", func() { Sgemm(false, false, 2, 2, 3, 1, f, 2, f, 2, 0, f, 2) }, "leading dimension of A"},
		{"ldaT", func() { Sgemm(true, false, 4, 2, 3, 1, f, 3, f, 2, 0, f, 2) }, "leading dimension of A"},
		{"ldb", func() { Sgemm(false, false, 2, 4, 3, 1, f, 3, f, 3, 0, f, 4) }, "leading dimension of B"},
		{"ldbT", func() { Sgemm(false, true, 2, 4, 3, 1, f, 3, f, 2, 0, f, 4) }, "leading dimension of B"},
		{"ldc", func() { Sgemm(false, false, 2, 4, 3, 1, f, 3, f, 4, 0, f, 3) }, "leading dimension of C"},
		{"shortA", func() { Sgemm(false, false, 11, 2, 10, 1, f, 10, f, 2, 0, f, 2) }, "insufficient length of a"},
		{"shortB", func() { Sgemm(false, false, 2, 10, 11, 1, f, 11, f, 10, 0, f, 10) }, "insufficient length of b"},
		{"shortC", func() { Sgemm(false, false, 11, 10, 2, 1, f, 2, f, 10, 0, f, 10) }, "insufficient length of c"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				r := recover()
				s, _ := r.(string)
				if !strings.HasPrefix(s, "gemm: ") || !strings.Contains(s, tc.want) {
					t.Errorf("panic %q, want \"gemm: ...%s\"", r, tc.want)
				}
			}()
			tc.call()
		})
	}
}

// TestSgemmAllocs checks that the serial path reuses its packing buffers and
// does not allocate, and that the parallel path allocates only a few small
// objects per goroutine: the goroutine closures and the WaitGroup, plus the
// occasional goroutine descriptor or workspace when the runtime or a garbage
// collection has dropped its free ones (hence the slack of 2 per goroutine).
func TestSgemmAllocs(t *testing.T) {
	for _, kern := range kernels() {
		for _, s := range []shape{{7, 13, 5}, {64, 64, 64}, {100, 100, 100}} {
			a := make([]float32, s.m*s.k)
			b := make([]float32, s.k*s.n)
			c := make([]float32, s.m*s.n)
			allocs := testing.AllocsPerRun(50, func() {
				sgemm(kern, 1, false, true, s.m, s.n, s.k, 1, a, s.k, b, s.k, 0.5, c, s.n)
			})
			if allocs != 0 {
				t.Errorf("%s %v: %v allocations per call, want 0", kern.name, s, allocs)
			}
		}
		const procs = 3
		s := shape{256, 256, 256}
		a := make([]float32, s.m*s.k)
		b := make([]float32, s.k*s.n)
		c := make([]float32, s.m*s.n)
		allocs := testing.AllocsPerRun(20, func() {
			sgemm(kern, procs, false, false, s.m, s.n, s.k, 1, a, s.k, b, s.n, 0, c, s.n)
		})
		if allocs > 2*procs {
			t.Errorf("%s %v with %d goroutines: %v allocations per call, want at most %d", kern.name, s, procs, allocs, 2*procs)
		}
	}
}

func TestKernel(t *testing.T) {
	t.Logf("kernel: %s", Kernel())
	if Kernel() == "" {
		t.Error("empty kernel name")
	}
}
