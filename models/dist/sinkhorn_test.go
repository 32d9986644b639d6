package dist

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestSinkhornTwoByTwo(t *testing.T) {
	a := []float64{0.5, 0.5}
	C := [][]float64{{0, 1}, {1, 0}}
	r, err := Sinkhorn(a, a, C, 1, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// P00/P01 = e by symmetry and P00 P11 / (P01 P10) = e², so P00 = e/(2(1+e)).
	diag := math.E / (2 * (1 + math.E))
	want := [][]float64{{diag, 0.5 - diag}, {0.5 - diag, diag}}
	if math.Abs(want[0][0]-0.3655) > 1e-4 || math.Abs(want[0][1]-0.1345) > 1e-4 {
		t.Fatalf("reference plan %v", want)
	}
	for i := range want {
		for j := range want[i] {
			if math.Abs(r.Plan[i][j]-want[i][j]) > 1e-4 {
				t.Errorf("P[%d][%d] = %v, want %v", i, j, r.Plan[i][j], want[i][j])
			}
		}
	}
	if math.Abs(r.Cost-1/(1+math.E)) > 1e-4 {
		t.Errorf("cost %v, want 1/(1+e) = %v", r.Cost, 1/(1+math.E))
	}
	if !r.Converged || r.Stop != StopTolerance || r.Stop.String() != "tolerance reached" {
		t.Errorf("not converged: %+v", r)
	}
	// OTeps = <P,C> − εH(P) with H(P) = −Σ P (log P − 1).
	h := 0.0
	for _, row := range r.Plan {
		for _, p := range row {
			h -= p * (math.Log(p) - 1)
		}
	}
	if math.Abs(r.OTeps-(r.Cost-h)) > 1e-12 {
		t.Errorf("OTeps %v, want <P,C> − εH = %v", r.OTeps, r.Cost-h)
	}
}

func TestSinkhornSmallEpsTendsToExactOT(t *testing.T) {
	for seed := range 3 {
		rng := rand.New(rand.NewPCG(uint64(seed), 20))
		x, y := randomPoints(rng, 20, 2), randomPoints(rng, 20, 2)
		exact := W1Exact(x, y)
		r, err := Sinkhorn(uniform(20), uniform(20), CostMatrix(x, y, Euclidean), 1e-3, Options{Tol: 1e-6})
		if err != nil {
			t.Fatal(err)
		}
		if !r.Converged {
			t.Fatalf("seed %d: not converged after %d iterations (marginal error %v)", seed, r.Iterations, r.MarginalError)
		}
		if rel := math.Abs(r.Cost-exact) / exact; rel > 1e-2 {
			t.Errorf("seed %d: Sinkhorn cost %v, exact %v (relative %v)", seed, r.Cost, exact, rel)
		}
		for _, row := range r.Plan {
			for _, p := range row {
				if math.IsNaN(p) {
					t.Fatal("NaN in plan")
				}
			}
		}
	}
}

func TestSinkhornMarginals(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	a := []float64{0.1, 0.2, 0.3, 0.4}
	b := []float64{0.25, 0, 0.5, 0.125, 0.125} // a zero weight
	C := make([][]float64, len(a))
	for i := range C {
		C[i] = make([]float64, len(b))
		for j := range C[i] {
			C[i][j] = rng.Float64()
		}
	}
	r, err := Sinkhorn(a, b, C, 0.05, Options{Tol: 1e-10})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Converged || r.MarginalError > 1e-10 {
		t.Fatalf("not converged: %+v", r)
	}
	for i, row := range r.Plan {
		s := 0.0
		for _, p := range row {
			s += p
		}
		if math.Abs(s-a[i]) > 1e-10 {
			t.Errorf("row %d sums to %v, want %v", i, s, a[i])
		}
	}
	for j := range b {
		s := 0.0
		for i := range a {
			s += r.Plan[i][j]
		}
		if math.Abs(s-b[j]) > 1e-10 {
			t.Errorf("column %d sums to %v, want %v", j, s, b[j])
		}
	}
	if math.IsNaN(r.OTeps) || math.IsNaN(r.Cost) {
		t.Fatalf("NaN objective: %+v", r)
	}
}

func TestSinkhornIterationCap(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	x, y := randomPoints(rng, 10, 2), randomPoints(rng, 10, 2)
	r, err := Sinkhorn(uniform(10), uniform(10), CostMatrix(x, y, Euclidean), 1e-3, Options{MaxIter: 2, Tol: 1e-12})
	if err != nil {
		t.Fatal(err)
	}
	if r.Converged || r.Stop != StopMaxIter || r.Iterations != 2 || r.MarginalError <= 1e-12 {
		t.Fatalf("want iteration cap after 2 iterations, got %+v", r)
	}
	if r.Stop.String() != "iteration cap reached" {
		t.Fatalf("stop string %q", r.Stop.String())
	}
}

func TestSinkhornValidation(t *testing.T) {
	h := []float64{0.5, 0.5}
	C := [][]float64{{0, 1}, {1, 0}}
	cases := map[string]struct {
		a, b []float64
		C    [][]float64
		eps  float64
		opts Options
	}{
		"sum":          {[]float64{0.5, 0.6}, h, C, 1, Options{}},
		"negative":     {[]float64{1.5, -0.5}, h, C, 1, Options{}},
		"nan weight":   {h, []float64{math.NaN(), 0.5}, C, 1, Options{}},
		"inf weight":   {h, []float64{math.Inf(1), 0.5}, C, 1, Options{}},
		"empty":        {nil, h, C, 1, Options{}},
		"rows":         {[]float64{1}, h, C, 1, Options{}},
		"cols":         {h, []float64{0.25, 0.25, 0.5}, C, 1, Options{}},
		"nan cost":     {h, h, [][]float64{{0, math.NaN()}, {1, 0}}, 1, Options{}},
		"inf cost":     {h, h, [][]float64{{0, 1}, {math.Inf(1), 0}}, 1, Options{}},
		"eps zero":     {h, h, C, 0, Options{}},
		"eps negative": {h, h, C, -1, Options{}},
		"eps nan":      {h, h, C, math.NaN(), Options{}},
		"eps inf":      {h, h, C, math.Inf(1), Options{}},
		"eps tiny":     {h, h, C, 1e-320, Options{}},
		"maxiter":      {h, h, C, 1, Options{MaxIter: -1}},
		"tol":          {h, h, C, 1, Options{Tol: -1}},
		"tol nan":      {h, h, C, 1, Options{Tol: math.NaN()}},
	}
	for name, c := range cases {
		if _, err := Sinkhorn(c.a, c.b, c.C, c.eps, c.opts); err == nil || !strings.HasPrefix(err.Error(), "dist: ") {
			t.Errorf("%s: error %v, want a \"dist: \" error", name, err)
		}
	}
	// Weights summing to 1 within 1e-6 are accepted.
	if _, err := Sinkhorn([]float64{0.5 + 4e-7, 0.5}, h, C, 1, Options{}); err != nil {
		t.Errorf("near-1 sum rejected: %v", err)
	}
}

func TestSinkhornDivergence(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 1))
	x, y := randomPoints(rng, 12, 2), randomPoints(rng, 12, 2)
	for _, cost := range []CostKind{Euclidean, SquaredEuclidean} {
		tight := Options{Tol: 1e-12}
		s, err := SinkhornDivergence(x, x, nil, nil, 0.05, cost, tight)
		if err != nil || math.Abs(s) > 1e-12 {
			t.Errorf("%v: S(a, a) = %v, %v", cost, s, err)
		}
		sxy, err := SinkhornDivergence(x, y, nil, nil, 0.05, cost, tight)
		syx, err2 := SinkhornDivergence(y, x, nil, nil, 0.05, cost, tight)
		if err != nil || err2 != nil || sxy <= 0 || math.Abs(sxy-syx) > 1e-10 {
			t.Errorf("%v: S(x, y) = %v, S(y, x) = %v (%v, %v)", cost, sxy, syx, err, err2)
		}
	}
	// As ε → 0, S_ε (Euclidean cost) tends to the exact W_1.
	exact := W1Exact(x, y)
	s, err := SinkhornDivergence(x, y, nil, nil, 1e-3, Euclidean, Options{Tol: 1e-6})
	if err != nil || math.Abs(s-exact)/exact > 2e-2 {
		t.Errorf("S_1e-3 = %v (%v), exact W1 %v", s, err, exact)
	}
	// Explicit uniform weights give the same value as nil.
	s1, _ := SinkhornDivergence(x, y, nil, nil, 0.1, Euclidean, Options{})
	s2, _ := SinkhornDivergence(x, y, uniform(12), uniform(12), 0.1, Euclidean, Options{})
	if s1 != s2 {
		t.Errorf("nil weights %v, uniform %v", s1, s2)
	}
	bad := map[string]func() error{
		"empty": func() error { _, err := SinkhornDivergence(nil, y, nil, nil, 1, Euclidean, Options{}); return err },
		"dims": func() error {
			_, err := SinkhornDivergence(x, [][]float64{{1}}, nil, nil, 1, Euclidean, Options{})
			return err
		},
		"weights": func() error {
			_, err := SinkhornDivergence(x, y, []float64{1}, nil, 1, Euclidean, Options{})
			return err
		},
		"eps":  func() error { _, err := SinkhornDivergence(x, y, nil, nil, 0, Euclidean, Options{}); return err },
		"kind": func() error { _, err := SinkhornDivergence(x, y, nil, nil, 1, CostKind(7), Options{}); return err },
		"nan": func() error {
			_, err := SinkhornDivergence(x, [][]float64{{math.NaN(), 0}}, nil, nil, 1, Euclidean, Options{})
			return err
		},
	}
	for name, f := range bad {
		if err := f(); err == nil || !strings.HasPrefix(err.Error(), "dist: ") {
			t.Errorf("%s: error %v", name, err)
		}
	}
}

// BenchmarkSinkhorn64 times n = m = 64 uniform points in the unit square, ε = 0.05, default
// tolerance.
func BenchmarkSinkhorn64(b *testing.B) {
	rng := rand.New(rand.NewPCG(9, 9))
	x, y := randomPoints(rng, 64, 2), randomPoints(rng, 64, 2)
	C := CostMatrix(x, y, Euclidean)
	for b.Loop() {
		if _, err := Sinkhorn(uniform(64), uniform(64), C, 0.05, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
