package cpu

// collapse merges adjacent axes that every stride list walks contiguously (stride[d] ==
// stride[d+1]·shape[d+1] for all lists) and drops axes of size 1, so strided loops run
// over as few and as long axes as possible. It returns the new shape and stride lists.
func collapse(shape []int, strides ...[]int) ([]int, [][]int) {
	outShape := make([]int, 0, len(shape))
	outStrides := make([][]int, len(strides))
	for k := range strides {
		outStrides[k] = make([]int, 0, len(shape))
	}
	for d, n := range shape {
		if n == 1 {
			continue
		}
		last := len(outShape) - 1
		merge := last >= 0
		for k := range strides {
			if merge && outStrides[k][last] != strides[k][d]*n {
				merge = false
			}
		}
		if merge {
			outShape[last] *= n
			for k := range strides {
				outStrides[k][last] = strides[k][d]
			}
			continue
		}
		outShape = append(outShape, n)
		for k := range strides {
			outStrides[k] = append(outStrides[k], strides[k][d])
		}
	}
	if len(outShape) == 0 { // a single element
		outShape = append(outShape, 1)
		for k := range strides {
			outStrides[k] = append(outStrides[k], 0)
		}
	}
	return outShape, outStrides
}

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
