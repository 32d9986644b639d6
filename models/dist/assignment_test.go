package dist

import (
	"math"
	"math/rand/v2"
	"testing"
)

// bruteForce returns the minimum of Σ_i cost[i][σ(i)] over all permutations σ.
func bruteForce(cost [][]float64) float64 {
	n := len(cost)
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	best := math.Inf(1)
	var rec func(k int)
	rec = func(k int) {
		if k == n {
			s := 0.0
			for i, j := range perm {
				s += cost[i][j]
			}
			best = math.Min(best, s)
			return
		}
		for i := k; i < n; i++ {
			perm[k], perm[i] = perm[i], perm[k]
			rec(k + 1)
			perm[k], perm[i] = perm[i], perm[k]
		}
	}
	rec(0)
	return best
}

func randomCost(rng *rand.Rand, n int, integer bool) [][]float64 {
	c := make([][]float64, n)
	for i := range c {
		c[i] = make([]float64, n)
		for j := range c[i] {
			if integer {
				c[i][j] = float64(rng.IntN(4)) // many ties
			} else {
				c[i][j] = rng.Float64()*10 - 3
			}
		}
	}
	return c
}

func checkPerm(t *testing.T, perm []int, n int) {
	t.Helper()
	if len(perm) != n {
		t.Fatalf("perm has length %d, want %d", len(perm), n)
	}
	seen := make([]bool, n)
	for _, j := range perm {
		if j < 0 || j >= n || seen[j] {
			t.Fatalf("not a permutation: %v", perm)
		}
		seen[j] = true
	}
}

func TestAssignmentMatchesBruteForce(t *testing.T) {
	for n := 1; n <= 7; n++ {
		seeds := 60
		if n == 7 {
			seeds = 15
		}
		for seed := range seeds {
			rng := rand.New(rand.NewPCG(uint64(seed), uint64(n)))
			cost := randomCost(rng, n, seed%3 == 0)
			perm, total := Assignment(cost)
			checkPerm(t, perm, n)
			s := 0.0
			for i, j := range perm {
				s += cost[i][j]
			}
			if math.Abs(s-total) > 1e-12 {
				t.Fatalf("n=%d seed=%d: total %v but perm sums to %v", n, seed, total, s)
			}
			if want := bruteForce(cost); math.Abs(total-want) > 1e-9 {
				t.Fatalf("n=%d seed=%d: total %v, brute force %v", n, seed, total, want)
			}
		}
	}
}

func TestAssignmentEuclideanPointsBruteForce(t *testing.T) {
	for seed := range 40 {
		rng := rand.New(rand.NewPCG(uint64(seed), 99))
		n := 2 + seed%6
		a, b := randomPoints(rng, n, 3), randomPoints(rng, n, 3)
		want := bruteForce(CostMatrix(a, b, Euclidean)) / float64(n)
		if got := W1Exact(a, b); math.Abs(got-want) > 1e-12 {
			t.Fatalf("seed %d: W1Exact %v, brute force %v", seed, got, want)
		}
	}
}

func TestAssignmentFlatAndEmpty(t *testing.T) {
	perm, total := AssignmentFlat([]float64{4, 1, 3, 2, 0, 5, 3, 2, 2}, 3)
	checkPerm(t, perm, 3)
	if total != 5 { // 1 + 2 + 2 (row 0→1, row 1→0, row 2→2)
		t.Fatalf("total %v, want 5 (perm %v)", total, perm)
	}
	perm, total = Assignment(nil)
	if len(perm) != 0 || total != 0 {
		t.Fatalf("empty: %v %v", perm, total)
	}
}

func TestAssignmentPanics(t *testing.T) {
	cases := map[string]func(){
		"ragged": func() { Assignment([][]float64{{1, 2}, {3}}) },
		"nan":    func() { Assignment([][]float64{{1, math.NaN()}, {3, 4}}) },
		"inf":    func() { AssignmentFlat([]float64{1, 2, math.Inf(1), 4}, 2) },
		"size":   func() { AssignmentFlat([]float64{1, 2, 3}, 2) },
	}
	for name, f := range cases {
		t.Run(name, func(t *testing.T) {
			defer func() {
				r := recover()
				if s, ok := r.(string); !ok || len(s) < 6 || s[:6] != "dist: " {
					t.Fatalf("panic value %v, want a \"dist: \" message", r)
				}
			}()
			f()
		})
	}
}

func randomPoints(rng *rand.Rand, n, d int) [][]float64 {
	p := make([][]float64, n)
	for i := range p {
		p[i] = make([]float64, d)
		for k := range p[i] {
			p[i][k] = rng.Float64()
		}
	}
	return p
}

func BenchmarkAssignment512(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	x, y := randomPoints(rng, 512, 2), randomPoints(rng, 512, 2)
	cost := make([]float64, 512*512)
	for i := range x {
		for j := range y {
			cost[i*512+j] = Euclidean.Cost(x[i], y[j])
		}
	}
	b.ResetTimer()
	for b.Loop() {
		AssignmentFlat(cost, 512)
	}
}

func BenchmarkW1Exact512(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	x, y := randomPoints(rng, 512, 2), randomPoints(rng, 512, 2)
	for b.Loop() {
		W1Exact(x, y)
	}
}
