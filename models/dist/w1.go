package dist

import (
	"fmt"
	"math"
	"slices"
)

// W1Exact returns the exact Wasserstein-1 distance between the uniform empirical measures on
// the equal-size point sets a and b in R^d with Euclidean cost:
//
//	W_1 = min over permutations σ of (1/n) Σ_i ||a_i − b_σ(i)||_2,
//
// the mean cost of the optimal matching found by Assignment (for uniform weights and equal
// sizes an optimal transport plan is a permutation). It returns 0 for empty sets and panics if
// the sets differ in size, the points differ in dimension, or a coordinate is NaN or ±Inf.
func W1Exact(a, b [][]float64) float64 {
	n := len(a)
	if len(b) != n {
		panic(fmt.Sprintf("dist: w1 exact: sets of %d and %d points, want equal sizes", len(a), len(b)))
	}
	if n == 0 {
		return 0
	}
	cost := make([]float64, n*n)
	for i, ai := range a {
		for j, bj := range b {
			cost[i*n+j] = Euclidean.Cost(ai, bj)
		}
	}
	_, total := AssignmentFlat(cost, n)
	return total / float64(n)
}

// W1Sorted returns the exact 1-D Wasserstein-1 distance between the uniform empirical
// measures on the equal-size samples a and b:
//
//	W_1 = (1/n) Σ_i |a_(i) − b_(i)|,
//
// where a_(i) and b_(i) are the order statistics (the monotone coupling is optimal in 1-D).
// The inputs are not modified. It returns 0 for empty samples and panics if the sizes differ
// (use W1CDF for unequal sizes).
func W1Sorted(a, b []float64) float64 {
	if len(a) != len(b) {
		panic(fmt.Sprintf("dist: w1 sorted: samples of %d and %d values, want equal sizes (use W1CDF)", len(a), len(b)))
	}
	if len(a) == 0 {
		return 0
	}
	as := slices.Clone(a)
	bs := slices.Clone(b)
	slices.Sort(as)
	slices.Sort(bs)
	s := 0.0
	for i := range as {
		s += math.Abs(as[i] - bs[i])
	}
	return s / float64(len(as))
}

// W1CDF returns the exact 1-D Wasserstein-1 distance between the uniform empirical measures
// on the samples a and b of any (non-zero) sizes, as the L1 distance between their CDFs:
//
//	W_1 = ∫ |F_a(t) − F_b(t)| dt,
//
// evaluated exactly as a sum over the intervals between consecutive pooled sample values, on
// which both CDFs are constant. For equal sizes it equals W1Sorted. The inputs are not
// modified. It panics if a sample is empty.
func W1CDF(a, b []float64) float64 {
	if len(a) == 0 || len(b) == 0 {
		panic(fmt.Sprintf("dist: w1 cdf: empty sample (%d and %d values)", len(a), len(b)))
	}
	as := slices.Clone(a)
	bs := slices.Clone(b)
	slices.Sort(as)
	slices.Sort(bs)
	na, nb := float64(len(as)), float64(len(bs))
	i, j := 0, 0
	prev := math.Min(as[0], bs[0])
	s := 0.0
	for i < len(as) || j < len(bs) {
		// Next breakpoint t: the smallest unconsumed value.
		var t float64
		switch {
		case j >= len(bs) || (i < len(as) && as[i] <= bs[j]):
			t = as[i]
		default:
			t = bs[j]
		}
		// On [prev, t) F_a = i/na and F_b = j/nb.
		s += math.Abs(float64(i)/na-float64(j)/nb) * (t - prev)
		for i < len(as) && as[i] == t {
			i++
		}
		for j < len(bs) && bs[j] == t {
			j++
		}
		prev = t
	}
	return s
}
