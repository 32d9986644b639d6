package enginetest

import "slices"

// Finite differences cost two evaluations of the reference per checked element, so the
// gradient of an operand with more than fdLimit elements is checked at fdSample positions
// drawn from the case's seed, which always include the first and the last element.
const (
	fdLimit  = 256
	fdSample = 64
)

// checkedPositions returns the positions of an operand of n elements whose gradients are
// checked: all of them up to fdLimit, else fdSample of them drawn from key, sorted.
func checkedPositions(key string, n int) []int {
	if n <= fdLimit {
		all := make([]int, n)
		for i := range all {
			all[i] = i
		}
		return all
	}
	pos := newRand(key).Perm(n)[:fdSample]
	pos[0], pos[1] = 0, n-1
	slices.Sort(pos)
	return slices.Compact(pos)
}

// fdGrad returns, at the positions only of operand i, the central difference
// (L(x + h·e_j) - L(x - h·e_j)) / 2h; other positions are zero.
func fdGrad(loss func([]*array) float64, xs []*array, i int, h float64, only []int) *array {
	work := make([]*array, len(xs))
	for k, x := range xs {
		work[k] = x.clone()
	}
	x := work[i]
	g := newArray(x.shape...)
	for _, j := range only {
		v := x.data[j]
		x.data[j] = v + h
		lp := loss(work)
		x.data[j] = v - h
		lm := loss(work)
		x.data[j] = v
		g.data[j] = (lp - lm) / (2 * h)
	}
	return g
}

// dot returns Σ a ⊙ b over arrays of the same size.
func dot(a, b *array) float64 {
	var s float64
	for i, v := range a.data {
		s += v * b.data[i]
	}
	return s
}
