package engine

import "slices"

import "fmt"

func panicf(format string, args ...any) {
	panic("engine: " + fmt.Sprintf(format, args...))
}

// Numel returns the number of elements of a shape (1 for a scalar).
func Numel(shape []int) int {
	n := 1
	for _, s := range shape {
		n *= s
	}
	return n
}

func sameShape(a, b []int) bool { return slices.Equal(a, b) }

// ContiguousStrides returns the row-major strides of shape.
func ContiguousStrides(shape []int) []int {
	st := make([]int, len(shape))
	s := 1
	for i := len(shape) - 1; i >= 0; i-- {
		st[i] = s
		s *= shape[i]
	}
	return st
}

// broadcastShapes returns the NumPy broadcast of two shapes.
func broadcastShapes(a, b []int) []int {
	n := max(len(a), len(b))
	out := make([]int, n)
	for i := 0; i < n; i++ {
		da, db := 1, 1
		if j := len(a) - n + i; j >= 0 {
			da = a[j]
		}
		if j := len(b) - n + i; j >= 0 {
			db = b[j]
		}
		switch {
		case da == db, db == 1:
			out[i] = da
		case da == 1:
			out[i] = db
		default:
			panicf("shapes %v and %v do not broadcast", a, b)
		}
	}
	return out
}

// broadcastStrides returns the strides that read a contiguous tensor of shape in as if it
// had shape out (stride 0 on broadcast axes).
func broadcastStrides(in, out []int) []int {
	st := make([]int, len(out))
	cs := ContiguousStrides(in)
	off := len(out) - len(in)
	for i := range out {
		j := i - off
		if j >= 0 && in[j] != 1 {
			st[i] = cs[j]
		}
	}
	return st
}

// Collapse merges adjacent axes that every stride list walks contiguously (stride[d] ==
// stride[d+1]·shape[d+1] for all lists) and drops axes of size 1, so strided loops run
// over as few and as long axes as possible. It returns the new shape and stride lists.
func Collapse(shape []int, strides ...[]int) ([]int, [][]int) {
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
