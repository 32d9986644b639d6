package cpu

import "github.com/ganplay/ganplay/engine"

// Binary computes dst = op(a, b; p.A) over the broadcast bc (see engine.BinaryOp).
func (b *Backend) Binary(op engine.BinaryOp, p engine.Params, dst, a, bb engine.Buffer, bc engine.Broadcast) {
	d, x, y := data(dst), data(a), data(bb)
	n := 1
	for _, s := range bc.Shape {
		n *= s
	}
	if n == 0 {
		return
	}
	if len(d) != n {
		panic("cpu: Binary destination does not match the broadcast shape")
	}
	shape, st := collapse(bc.Shape, contiguous(bc.Shape), bc.StridesA, bc.StridesB)
	inner := shape[len(shape)-1]
	so, sa, sb := st[0][len(shape)-1], st[1][len(shape)-1], st[2][len(shape)-1]
	b.parallelFor(outerCount(shape), 2*n, func(lo, hi int) {
		rows(shape, st, lo, hi, func(offs []int) {
			binaryRow(op, p.A, d[offs[0]:], so, x[offs[1]:], sa, y[offs[2]:], sb, inner)
		})
	})
}

func contiguous(shape []int) []int {
	st := make([]int, len(shape))
	s := 1
	for i := len(shape) - 1; i >= 0; i-- {
		st[i] = s
		s *= shape[i]
	}
	return st
}

// binaryRow applies op to n elements; the output stride so is always 1 after collapsing
// unless n == 1.
func binaryRow(op engine.BinaryOp, lo float32, d []float32, so int, a []float32, sa int, b []float32, sb int, n int) {
	if so == 1 && sa == 1 && sb == 1 {
		d, a, b = d[:n], a[:n], b[:n]
		switch op {
		case engine.OpAdd:
			for i := range d {
				d[i] = a[i] + b[i]
			}
			return
		case engine.OpSub:
			for i := range d {
				d[i] = a[i] - b[i]
			}
			return
		case engine.OpMul:
			for i := range d {
				d[i] = a[i] * b[i]
			}
			return
		}
	}
	ia, ib, io := 0, 0, 0
	for i := 0; i < n; i++ {
		va, vb := a[ia], b[ib]
		var v float32
		switch op {
		case engine.OpAdd:
			v = va + vb
		case engine.OpSub:
			v = va - vb
		case engine.OpMul:
			v = va * vb
		case engine.OpDiv:
			v = va / vb
		case engine.OpMax:
			v = max(va, vb)
		case engine.OpEq:
			v = float32(b2i(va == vb))
		case engine.OpMulStep:
			v = va * [2]float32{lo, 1}[b2i(vb > 0)]
		default:
			panic("cpu: unknown binary op")
		}
		d[io] = v
		ia += sa
		ib += sb
		io += so
	}
}
