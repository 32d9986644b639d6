package enginetest

import "slices"

// This file holds the float64 references of the movement ops.

// reshapeRef returns x's elements in shape, where one size may be -1.
func reshapeRef(x *array, shape []int) *array {
	shape = slices.Clone(shape)
	known := 1
	for _, s := range shape {
		if s != -1 {
			known *= s
		}
	}
	for i, s := range shape {
		if s == -1 {
			shape[i] = len(x.data) / known
		}
	}
	if numel(shape) != len(x.data) {
		panic("enginetest: reference reshape changes the element count")
	}
	return &array{shape: shape, data: slices.Clone(x.data)}
}

// permuteRef returns x with axis i of the result taken from axis perm[i] of x.
func permuteRef(x *array, perm []int) *array {
	r := len(x.shape)
	shape := make([]int, r)
	for i, p := range perm {
		shape[i] = x.shape[normAxis(p, r)]
	}
	out := newArray(shape...)
	src := make([]int, r)
	forEach(shape, func(idx []int, pos int) {
		for i, p := range perm {
			src[normAxis(p, r)] = idx[i]
		}
		out.data[pos] = x.at(src...)
	})
	return out
}

// transposeRef swaps axes i and j of x.
func transposeRef(x *array, i, j int) *array {
	perm := make([]int, len(x.shape))
	for k := range perm {
		perm[k] = k
	}
	i, j = normAxis(i, len(perm)), normAxis(j, len(perm))
	perm[i], perm[j] = j, i
	return permuteRef(x, perm)
}

// remapRef returns an array of shape whose element at idx is x at src(idx) along axis (the
// other coordinates unchanged), or 0 when src returns a position outside x.
func remapRef(x *array, axis int, size int, src func(i int) int) *array {
	axis = normAxis(axis, len(x.shape))
	shape := slices.Clone(x.shape)
	shape[axis] = size
	out := newArray(shape...)
	xi := make([]int, len(shape))
	forEach(shape, func(idx []int, pos int) {
		copy(xi, idx)
		xi[axis] = src(idx[axis])
		if xi[axis] >= 0 && xi[axis] < x.shape[axis] {
			out.data[pos] = x.at(xi...)
		}
	})
	return out
}

// sliceRef returns elements start ≤ i < end of x along axis.
func sliceRef(x *array, axis, start, end int) *array {
	return remapRef(x, axis, end-start, func(i int) int { return start + i })
}

// flipRef reverses x along axis.
func flipRef(x *array, axis int) *array {
	n := x.shape[normAxis(axis, len(x.shape))]
	return remapRef(x, axis, n, func(i int) int { return n - 1 - i })
}

// padRef adds before and after zeros to x along axis.
func padRef(x *array, axis, before, after int) *array {
	n := x.shape[normAxis(axis, len(x.shape))]
	return remapRef(x, axis, n+before+after, func(i int) int { return i - before })
}

// padReflectRef pads x along axis by mirroring it about its first and last elements, which
// are not repeated.
func padReflectRef(x *array, axis, before, after int) *array {
	n := x.shape[normAxis(axis, len(x.shape))]
	return remapRef(x, axis, n+before+after, func(i int) int {
		s := i - before
		if s < 0 {
			s = -s
		}
		if s >= n {
			s = 2*(n-1) - s
		}
		return s
	})
}

// concatRef joins parts along axis.
func concatRef(axis int, parts ...*array) *array {
	axis = normAxis(axis, len(parts[0].shape))
	shape := slices.Clone(parts[0].shape)
	shape[axis] = 0
	for _, p := range parts {
		shape[axis] += p.shape[axis]
	}
	out := newArray(shape...)
	xi := make([]int, len(shape))
	forEach(shape, func(idx []int, pos int) {
		copy(xi, idx)
		for _, p := range parts {
			if xi[axis] < p.shape[axis] {
				out.data[pos] = p.at(xi...)
				return
			}
			xi[axis] -= p.shape[axis]
		}
	})
	return out
}
