package engine

import "slices"

// Movement ops: they rearrange elements without arithmetic. All but Reshape lower to one
// strided Backend.Copy per input; their gradients are the opposite movements.

// Reshape returns a tensor with the same elements in a new shape; one size may be -1 and is
// inferred. It shares t's buffer.
func (t *Tensor) Reshape(shape ...int) *Tensor {
	shape = slices.Clone(shape)
	infer, n := -1, 1
	for i, s := range shape {
		if s == -1 {
			if infer >= 0 {
				panicf("Reshape %v: more than one -1", shape)
			}
			infer = i
			continue
		}
		n *= s
	}
	if infer >= 0 && n > 0 {
		shape[infer] = t.Len() / n
		n *= shape[infer]
	}
	if n != t.Len() {
		panicf("Reshape of %v (%d elements) to %v", t.shape, t.Len(), shape)
	}
	if sameShape(shape, t.shape) {
		return t
	}
	out := &Tensor{dev: t.dev, buf: t.buf, shape: shape}
	record(out, "reshape", []*Tensor{t}, func(g *Tensor) []*Tensor { return []*Tensor{g.Reshape(t.shape...)} })
	return out
}

// Flatten reshapes [N, ...] to [N, rest].
func (t *Tensor) Flatten() *Tensor { return t.Reshape(t.shape[0], -1) }

// copyView makes a contiguous tensor of shape from t's buffer read through view sv.
func (t *Tensor) copyView(shape []int, sv View) *Tensor {
	out := t.dev.empty(shape)
	if out.Len() > 0 {
		t.dev.b.Copy(out.buf, View{Shape: shape, Strides: ContiguousStrides(shape)}, t.buf, sv)
	}
	return out
}

// Expand broadcasts t to shape (NumPy rules); the gradient sums over the broadcast axes.
func (t *Tensor) Expand(shape ...int) *Tensor {
	if sameShape(shape, t.shape) {
		return t
	}
	full := broadcastShapes(t.shape, shape)
	if !sameShape(full, shape) {
		panicf("Expand of %v to %v", t.shape, shape)
	}
	out := t.copyView(full, View{Shape: full, Strides: broadcastStrides(t.shape, full)})
	record(out, "expand", []*Tensor{t}, func(g *Tensor) []*Tensor { return []*Tensor{sumTo(g, t.shape)} })
	return out
}

// Permute reorders the axes: axis i of the result is axis perm[i] of t.
func (t *Tensor) Permute(perm ...int) *Tensor {
	if len(perm) != len(t.shape) {
		panicf("Permute %v of shape %v", perm, t.shape)
	}
	st := t.Strides()
	shape := make([]int, len(perm))
	strides := make([]int, len(perm))
	inv := make([]int, len(perm))
	used := make([]bool, len(perm))
	for i, p := range perm {
		p = t.axis(p)
		if used[p] {
			panicf("Permute %v: repeated axis", perm)
		}
		used[p] = true
		shape[i], strides[i], inv[p] = t.shape[p], st[p], i
	}
	out := t.copyView(shape, View{Shape: shape, Strides: strides})
	record(out, "permute", []*Tensor{t}, func(g *Tensor) []*Tensor { return []*Tensor{g.Permute(inv...)} })
	return out
}

// Transpose swaps axes i and j.
func (t *Tensor) Transpose(i, j int) *Tensor {
	perm := make([]int, len(t.shape))
	for k := range perm {
		perm[k] = k
	}
	i, j = t.axis(i), t.axis(j)
	perm[i], perm[j] = j, i
	return t.Permute(perm...)
}

// Slice returns elements start ≤ i < end along axis; the gradient pads g with zeros.
func (t *Tensor) Slice(axis, start, end int) *Tensor {
	axis = t.axis(axis)
	n := t.shape[axis]
	if start < 0 || end > n || start > end {
		panicf("Slice [%d:%d] of axis %d with size %d", start, end, axis, n)
	}
	st := t.Strides()
	shape := slices.Clone(t.shape)
	shape[axis] = end - start
	out := t.copyView(shape, View{Offset: start * st[axis], Shape: shape, Strides: st})
	record(out, "slice", []*Tensor{t}, func(g *Tensor) []*Tensor { return []*Tensor{g.Pad(axis, start, n-end)} })
	return out
}

// Flip reverses the order of elements along axis.
func (t *Tensor) Flip(axis int) *Tensor {
	axis = t.axis(axis)
	st := t.Strides()
	off := (t.shape[axis] - 1) * st[axis]
	st[axis] = -st[axis]
	out := t.copyView(t.shape, View{Offset: max(off, 0), Shape: t.shape, Strides: st})
	record(out, "flip", []*Tensor{t}, func(g *Tensor) []*Tensor { return []*Tensor{g.Flip(axis)} })
	return out
}

// Pad adds before and after zeros along axis; the gradient slices the interior back out.
func (t *Tensor) Pad(axis, before, after int) *Tensor {
	axis = t.axis(axis)
	if before < 0 || after < 0 {
		panicf("Pad by %d, %d", before, after)
	}
	shape := slices.Clone(t.shape)
	shape[axis] += before + after
	out := t.dev.Zeros(shape...)
	ost := ContiguousStrides(shape)
	if t.Len() > 0 {
		t.dev.b.Copy(out.buf, View{Offset: before * ost[axis], Shape: t.shape, Strides: ost}, t.buf, View{Shape: t.shape, Strides: t.Strides()})
	}
	n := t.shape[axis]
	record(out, "pad", []*Tensor{t}, func(g *Tensor) []*Tensor { return []*Tensor{g.Slice(axis, before, before+n)} })
	return out
}

// PadReflect pads along axis by reflecting the interior without repeating the edge, as
// torch's ReflectionPad: [a b c d] padded by 2, 1 is [c b a b c d c]. The output is written
// by three copies (the interior and two reversed views: out[i] = t[before - i] before it,
// out[before + n + i] = t[n - 2 - i] after it); the gradient adds the reflected parts of g,
// reversed, onto the interior's: dx = g[before : before+n] + pad(flip(g[:before])) at
// 1 … before + pad(flip(g[before+n:])) at n-1-after … n-2.
func (t *Tensor) PadReflect(axis, before, after int) *Tensor {
	axis = t.axis(axis)
	n := t.shape[axis]
	if before < 0 || after < 0 || before >= n || after >= n {
		panicf("PadReflect by %d, %d of an axis of size %d: padding must be ≥ 0 and smaller than the size", before, after, n)
	}
	if before == 0 && after == 0 {
		return t
	}
	shape := slices.Clone(t.shape)
	shape[axis] += before + after
	out := t.dev.empty(shape)
	if out.Len() > 0 {
		ost, st := ContiguousStrides(shape), t.Strides()
		rev := slices.Clone(st)
		rev[axis] = -st[axis]
		part := slices.Clone(t.shape)
		t.dev.b.Copy(out.buf, View{Offset: before * ost[axis], Shape: t.shape, Strides: ost}, t.buf, View{Shape: t.shape, Strides: st})
		if before > 0 {
			part[axis] = before
			t.dev.b.Copy(out.buf, View{Shape: part, Strides: ost}, t.buf, View{Offset: before * st[axis], Shape: part, Strides: rev})
		}
		if after > 0 {
			part[axis] = after
			t.dev.b.Copy(out.buf, View{Offset: (before + n) * ost[axis], Shape: part, Strides: ost}, t.buf, View{Offset: (n - 2) * st[axis], Shape: part, Strides: rev})
		}
	}
	record(out, "padreflect", []*Tensor{t}, func(g *Tensor) []*Tensor {
		if !g.dev.GradEnabled() {
			return []*Tensor{padReflectGrad(g, axis, before, after, n)}
		}
		// As graph ops, so that the gradient has a gradient.
		dx := g.Slice(axis, before, before+n)
		if before > 0 {
			dx = dx.Add(g.Slice(axis, 0, before).Flip(axis).Pad(axis, 1, n-1-before))
		}
		if after > 0 {
			dx = dx.Add(g.Slice(axis, before+n, before+n+after).Flip(axis).Pad(axis, n-1-after, 1))
		}
		return []*Tensor{dx}
	})
	return out
}

// padReflectGrad is the gradient of PadReflect(axis, before, after) of an axis of size n
// for an upstream gradient g, without history: the interior of g, plus each padded edge
// flipped onto the positions it mirrors,
//
//	dx[1:1+before] += flip(g[0:before]),  dx[n-1-after:n-1] += flip(g[before+n:]),
//
// added in place to a copy of the interior. Only the edges go through the small
// slice-flip-add ops; the composition (a padded, full-size term per edge) made five passes
// over the whole gradient.
func padReflectGrad(g *Tensor, axis, before, after, n int) *Tensor {
	dx := g.Slice(axis, before, before+n)
	st := dx.Strides()
	edge := func(at, from, size int) {
		sum := dx.Slice(axis, at, at+size).Add(g.Slice(axis, from, from+size).Flip(axis))
		g.dev.b.Copy(dx.buf, View{Offset: at * st[axis], Shape: sum.shape, Strides: st}, sum.buf,
			View{Shape: sum.shape, Strides: sum.Strides()})
	}
	if before > 0 {
		edge(1, 0, before)
	}
	if after > 0 {
		edge(n-1-after, before+n, after)
	}
	return dx
}

// Concat joins tensors along axis; their other sizes must agree. The gradient slices g.
func Concat(axis int, ts ...*Tensor) *Tensor {
	if len(ts) == 0 {
		panicf("Concat of nothing")
	}
	if len(ts) == 1 {
		return ts[0]
	}
	first := ts[0]
	axis = first.axis(axis)
	shape := slices.Clone(first.shape)
	shape[axis] = 0
	for _, t := range ts {
		if len(t.shape) != len(shape) || t.dev != first.dev {
			panicf("Concat of %v and %v", first.shape, t.shape)
		}
		for i := range shape {
			if i != axis && t.shape[i] != first.shape[i] {
				panicf("Concat along %d of %v and %v", axis, first.shape, t.shape)
			}
		}
		shape[axis] += t.shape[axis]
	}
	out := first.dev.empty(shape)
	ost := ContiguousStrides(shape)
	starts := make([]int, len(ts))
	at := 0
	for i, t := range ts {
		starts[i] = at
		if t.Len() > 0 {
			first.dev.b.Copy(out.buf, View{Offset: at * ost[axis], Shape: t.shape, Strides: ost}, t.buf, View{Shape: t.shape, Strides: t.Strides()})
		}
		at += t.shape[axis]
	}
	record(out, "concat", ts, func(g *Tensor) []*Tensor {
		gs := make([]*Tensor, len(ts))
		for i, t := range ts {
			if t.requiresGrad {
				gs[i] = g.Slice(axis, starts[i], starts[i]+t.shape[axis])
			}
		}
		return gs
	})
	return out
}
