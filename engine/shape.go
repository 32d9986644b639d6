package engine

import "fmt"

func panicf(format string, args ...any) {
	panic("engine: " + fmt.Sprintf(format, args...))
}

func numel(shape []int) int {
	n := 1
	for _, s := range shape {
		n *= s
	}
	return n
}

func sameShape(a, b []int) bool {
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

func contiguousStrides(shape []int) []int {
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
	cs := contiguousStrides(in)
	off := len(out) - len(in)
	for i := range out {
		j := i - off
		if j >= 0 && in[j] != 1 {
			st[i] = cs[j]
		}
	}
	return st
}
