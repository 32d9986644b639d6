package enginetest

import "slices"

// array is a dense row-major float64 tensor, the number type of the reference
// implementations.
type array struct {
	shape []int
	data  []float64
}

// newArray returns an array of zeros of the given shape.
func newArray(shape ...int) *array {
	return &array{shape: slices.Clone(shape), data: make([]float64, numel(shape))}
}

// clone returns a deep copy of a.
func (a *array) clone() *array {
	return &array{shape: slices.Clone(a.shape), data: slices.Clone(a.data)}
}

// float32s returns the elements of a converted to float32.
func (a *array) float32s() []float32 {
	out := make([]float32, len(a.data))
	for i, v := range a.data {
		out[i] = float32(v)
	}
	return out
}

// at returns the element at the multi-index idx.
func (a *array) at(idx ...int) float64 { return a.data[flatIndex(a.shape, idx)] }

// set stores v at the multi-index idx.
func (a *array) set(v float64, idx ...int) { a.data[flatIndex(a.shape, idx)] = v }

// add adds v to the element at the multi-index idx.
func (a *array) add(v float64, idx ...int) { a.data[flatIndex(a.shape, idx)] += v }

// numel returns the number of elements of a shape (1 for the scalar shape []).
func numel(shape []int) int {
	n := 1
	for _, s := range shape {
		n *= s
	}
	return n
}

// flatIndex returns the row-major position of idx in shape; it panics on an index out of range.
func flatIndex(shape, idx []int) int {
	if len(idx) != len(shape) {
		panic("enginetest: index rank does not match shape")
	}
	f := 0
	for d, i := range idx {
		if i < 0 || i >= shape[d] {
			panic("enginetest: index out of range")
		}
		f = f*shape[d] + i
	}
	return f
}

// unravel returns the multi-index of the row-major position f in shape.
func unravel(shape []int, f int) []int {
	idx := make([]int, len(shape))
	for d := len(shape) - 1; d >= 0; d-- {
		if shape[d] > 0 {
			idx[d] = f % shape[d]
			f /= shape[d]
		}
	}
	return idx
}

// forEach calls f with every multi-index of shape in row-major order, together with its
// position. The slice idx is reused between calls.
func forEach(shape []int, f func(idx []int, pos int)) {
	n := numel(shape)
	idx := make([]int, len(shape))
	for pos := 0; pos < n; pos++ {
		f(idx, pos)
		for d := len(shape) - 1; d >= 0; d-- {
			idx[d]++
			if idx[d] < shape[d] {
				break
			}
			idx[d] = 0
		}
	}
}

// normAxis resolves a possibly negative axis of a rank-r array.
func normAxis(axis, r int) int {
	if axis < 0 {
		axis += r
	}
	if axis < 0 || axis >= r {
		panic("enginetest: axis out of range")
	}
	return axis
}
