package enginetest

import "math"

// This file holds the float64 references of the elementwise, reduction and matrix ops: plain
// loops over arrays that share no code with the engine.

// mapRef applies f to every element of x.
func mapRef(x *array, f func(float64) float64) *array {
	out := newArray(x.shape...)
	for i, v := range x.data {
		out.data[i] = f(v)
	}
	return out
}

// The scalar functions of the unary ops.

func sigmoidRef(x float64) float64 { return 0.5 * (1 + math.Tanh(x/2)) }

func softplusRef(x float64) float64 {
	if x > 0 {
		return x + math.Log1p(math.Exp(-x))
	}
	return math.Log1p(math.Exp(x))
}

func signRef(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

func leakyReluRef(slope float64) func(float64) float64 {
	return func(x float64) float64 {
		if x > 0 {
			return x
		}
		return slope * x
	}
}

// broadcastShape returns the NumPy broadcast of shapes a and b, or ok false when they do not
// broadcast.
func broadcastShape(a, b []int) (shape []int, ok bool) {
	n := max(len(a), len(b))
	shape = make([]int, n)
	for i := range shape {
		da, db := 1, 1
		if j := i - (n - len(a)); j >= 0 {
			da = a[j]
		}
		if j := i - (n - len(b)); j >= 0 {
			db = b[j]
		}
		switch {
		case da == db || db == 1:
			shape[i] = da
		case da == 1:
			shape[i] = db
		default:
			return nil, false
		}
	}
	return shape, true
}

// broadcastStrides returns the strides that read x as if it had the broadcast shape out:
// trailing axes align, and size-1 or missing axes of x get stride 0.
func broadcastStrides(x *array, out []int) []int {
	st := make([]int, len(out))
	off := len(out) - len(x.shape)
	s := 1
	for d := len(x.shape) - 1; d >= 0; d-- {
		if x.shape[d] != 1 {
			st[d+off] = s
		}
		s *= x.shape[d]
	}
	return st
}

// offset returns Σ idx[d]·st[d].
func offset(idx, st []int) int {
	o := 0
	for d, i := range idx {
		o += i * st[d]
	}
	return o
}

// expandRef broadcasts x to shape.
func expandRef(x *array, shape []int) *array {
	out := newArray(shape...)
	st := broadcastStrides(x, shape)
	forEach(shape, func(idx []int, pos int) { out.data[pos] = x.data[offset(idx, st)] })
	return out
}

// zipRef applies f to a and b broadcast against each other.
func zipRef(a, b *array, f func(x, y float64) float64) *array {
	shape, ok := broadcastShape(a.shape, b.shape)
	if !ok {
		panic("enginetest: reference shapes do not broadcast")
	}
	out := newArray(shape...)
	sa, sb := broadcastStrides(a, shape), broadcastStrides(b, shape)
	forEach(shape, func(idx []int, pos int) {
		out.data[pos] = f(a.data[offset(idx, sa)], b.data[offset(idx, sb)])
	})
	return out
}

// reduceRef folds x over axes (all when empty; negative counts from the end) with f, starting
// from init. With keep the reduced axes stay with size 1, otherwise they are dropped.
func reduceRef(x *array, axes []int, keep bool, init float64, f func(acc, v float64) float64) *array {
	r := len(x.shape)
	red := make([]bool, r)
	for _, a := range axes {
		red[normAxis(a, r)] = true
	}
	if len(axes) == 0 {
		for i := range red {
			red[i] = true
		}
	}
	var shape []int
	for d, s := range x.shape {
		switch {
		case !red[d]:
			shape = append(shape, s)
		case keep:
			shape = append(shape, 1)
		}
	}
	out := newArray(shape...)
	for i := range out.data {
		out.data[i] = init
	}
	// ost[d] is the output stride of input axis d; 0 for a reduced axis.
	ost := make([]int, r)
	s := 1
	for d := r - 1; d >= 0; d-- {
		if !red[d] {
			ost[d] = s
			s *= x.shape[d]
		}
	}
	forEach(x.shape, func(idx []int, pos int) {
		o := offset(idx, ost)
		out.data[o] = f(out.data[o], x.data[pos])
	})
	return out
}

func sumRef(x *array, axes []int, keep bool) *array {
	return reduceRef(x, axes, keep, 0, func(acc, v float64) float64 { return acc + v })
}

func maxRef(x *array, axes []int, keep bool) *array {
	return reduceRef(x, axes, keep, math.Inf(-1), math.Max)
}

func meanRef(x *array, axes []int, keep bool) *array {
	s := sumRef(x, axes, keep)
	n := float64(len(x.data)) / float64(len(s.data))
	for i := range s.data {
		s.data[i] /= n
	}
	return s
}

// matmulRef returns op(a)·op(b) for 2-D or 3-D operands; a 2-D operand is shared by every
// batch of a 3-D one. op transposes the last two axes when its flag is set.
func matmulRef(a, b *array, transA, transB bool) *array {
	// layout returns the rows and columns of op(x), the strides of its rows and columns in
	// x.data, and the stride of x's batches (0 for a shared 2-D matrix).
	layout := func(x *array, trans bool) (rows, cols, sr, sc, sb int) {
		r := len(x.shape)
		rows, cols = x.shape[r-2], x.shape[r-1]
		sr, sc = cols, 1
		if r == 3 {
			sb = rows * cols
		}
		if trans {
			return cols, rows, 1, cols, sb
		}
		return rows, cols, sr, sc, sb
	}
	m, k, ar, ac, ab := layout(a, transA)
	k2, n, br, bc, bb := layout(b, transB)
	if k != k2 {
		panic("enginetest: reference matmul inner sizes differ")
	}
	batch, batched := 1, false
	for _, x := range []*array{a, b} {
		if len(x.shape) == 3 {
			batch, batched = x.shape[0], true
		}
	}
	out := newArray(batch, m, n)
	for p := 0; p < batch; p++ {
		for i := 0; i < m; i++ {
			for j := 0; j < n; j++ {
				var s float64
				for l := 0; l < k; l++ {
					s += a.data[p*ab+i*ar+l*ac] * b.data[p*bb+l*br+j*bc]
				}
				out.data[(p*m+i)*n+j] = s
			}
		}
	}
	if !batched {
		out.shape = []int{m, n}
	}
	return out
}
