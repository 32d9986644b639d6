package cpu

// rows calls f once per innermost row of a strided iteration over shape, with the starting
// offset of the row in each stride list, for outer indices [lo, hi) in row-major order of
// shape[:len-1].
func rows(shape []int, strides [][]int, lo, hi int, f func(offs []int)) {
	r := len(shape) - 1
	idx := make([]int, r)
	offs := make([]int, len(strides))
	// Start at outer index lo.
	rem := lo
	for d := r - 1; d >= 0; d-- {
		idx[d] = rem % shape[d]
		rem /= shape[d]
	}
	for k, st := range strides {
		for d := 0; d < r; d++ {
			offs[k] += idx[d] * st[d]
		}
	}
	for i := lo; i < hi; i++ {
		f(offs)
		for d := r - 1; d >= 0; d-- {
			idx[d]++
			for k, st := range strides {
				offs[k] += st[d]
			}
			if idx[d] < shape[d] {
				break
			}
			for k, st := range strides {
				offs[k] -= st[d] * shape[d]
			}
			idx[d] = 0
		}
	}
}

func outerCount(shape []int) int {
	n := 1
	for _, s := range shape[:len(shape)-1] {
		n *= s
	}
	return n
}
