package dist

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestW1SortedShift(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	a := make([]float64, 1000)
	for i := range a {
		a[i] = rng.NormFloat64()
	}
	orig := slices.Clone(a)
	for _, theta := range []float64{0, 0.25, -1.5, 3, 1e-3} {
		b := make([]float64, len(a))
		for i, v := range a {
			b[len(b)-1-i] = v + theta // reversed order: sorting must happen inside
		}
		if got := W1Sorted(a, b); math.Abs(got-math.Abs(theta)) > 1e-12 {
			t.Errorf("θ=%v: W1Sorted %v, want %v", theta, got, math.Abs(theta))
		}
		if got := W1CDF(a, b); math.Abs(got-math.Abs(theta)) > 1e-12 {
			t.Errorf("θ=%v: W1CDF %v, want %v", theta, got, math.Abs(theta))
		}
	}
	if !slices.Equal(a, orig) {
		t.Fatal("input modified")
	}
}

func TestW1CDFEqualsSortedAndExact(t *testing.T) {
	for seed := range 20 {
		rng := rand.New(rand.NewPCG(uint64(seed), 1))
		n := 1 + rng.IntN(40)
		a, b := make([]float64, n), make([]float64, n)
		pa, pb := make([][]float64, n), make([][]float64, n)
		for i := range a {
			a[i] = math.Round(rng.NormFloat64()*4) / 4 // ties
			b[i] = rng.NormFloat64() + 1
			pa[i], pb[i] = []float64{a[i]}, []float64{b[i]}
		}
		s := W1Sorted(a, b)
		if c := W1CDF(a, b); math.Abs(c-s) > 1e-12 {
			t.Fatalf("seed %d: W1CDF %v, W1Sorted %v", seed, c, s)
		}
		if e := W1Exact(pa, pb); math.Abs(e-s) > 1e-12 {
			t.Fatalf("seed %d: W1Exact %v, W1Sorted %v", seed, e, s)
		}
	}
}

func TestW1CDFUnequalSizes(t *testing.T) {
	cases := []struct {
		a, b []float64
		want float64
	}{
		{[]float64{0}, []float64{0, 1}, 0.5},
		{[]float64{0, 1, 2}, []float64{0.5}, (0.5 + 0.5 + 1.5) / 3},
		{[]float64{1, 1, 1}, []float64{1, 1}, 0},
		{[]float64{0, 0, 3}, []float64{1}, (1 + 1 + 2) / 3.0},
	}
	for _, c := range cases {
		if got := W1CDF(c.a, c.b); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("W1CDF(%v, %v) = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := W1CDF(c.b, c.a); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("W1CDF(%v, %v) = %v, want %v", c.b, c.a, got, c.want)
		}
	}
}

func TestW1ExactTranslation(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	a := randomPoints(rng, 50, 2)
	b := make([][]float64, len(a))
	for i, p := range a {
		b[(i*7)%len(a)] = []float64{p[0] + 0.3, p[1] - 0.4} // shuffled and shifted by (0.3, −0.4)
	}
	// Translation by v is optimal with cost |v| (W_1 ≥ |E b − E a| = |v|).
	if got := W1Exact(a, b); math.Abs(got-0.5) > 1e-12 {
		t.Fatalf("W1Exact = %v, want 0.5", got)
	}
	if got := W1Exact(a, a); got != 0 {
		t.Fatalf("W1Exact(a, a) = %v", got)
	}
}

func TestW1Panics(t *testing.T) {
	for name, f := range map[string]func(){
		"sorted sizes": func() { W1Sorted([]float64{1}, []float64{1, 2}) },
		"exact sizes":  func() { W1Exact([][]float64{{1}}, nil) },
		"exact dims":   func() { W1Exact([][]float64{{1}}, [][]float64{{1, 2}}) },
		"cdf empty":    func() { W1CDF(nil, []float64{1}) },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Fatal("no panic")
				}
			}()
			f()
		})
	}
}
