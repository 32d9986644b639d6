package webgpu

// numel returns the number of elements of a shape (1 for a scalar).
func numel(shape []int) int {
	n := 1
	for _, s := range shape {
		n *= s
	}
	return n
}

// contiguous returns the row-major strides of shape.
func contiguous(shape []int) []int {
	st := make([]int, len(shape))
	s := 1
	for i := len(shape) - 1; i >= 0; i-- {
		st[i] = s
		s *= shape[i]
	}
	return st
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// collapse merges adjacent axes that every stride list walks contiguously (stride[d] ==
// stride[d+1]·shape[d+1] for all lists) and drops axes of size 1, so that strided kernels
// index over as few axes as possible (and tensors of any rank fit the kernels' rank 8 as long
// as their views merge that far). It returns the new shape and stride lists; a single
// element becomes shape [1] with stride 0.
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
	if len(outShape) == 0 {
		outShape = append(outShape, 1)
		for k := range strides {
			outStrides[k] = append(outStrides[k], 0)
		}
	}
	return outShape, outStrides
}
