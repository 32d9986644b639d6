package cpu

import (
	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu/vec"
)

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
	shape, st := engine.Collapse(bc.Shape, engine.ContiguousStrides(bc.Shape), bc.StridesA, bc.StridesB)
	if b.perChannel(op, d, x, y, shape, st) {
		return
	}
	inner := shape[len(shape)-1]
	so, sa, sb := st[0][len(shape)-1], st[1][len(shape)-1], st[2][len(shape)-1]
	if len(shape) == 2 { // the common case (a bias over a batch, a whole tensor): no odometer
		o0, a0, b0 := st[0][0], st[1][0], st[2][0]
		b.parallelFor(shape[0], 2*n, func(lo, hi int) {
			for i := lo; i < hi; i++ {
				binaryRow(op, p.A, d[i*o0:], so, x[i*a0:], sa, y[i*b0:], sb, inner)
			}
		})
		return
	}
	b.parallelFor(outerCount(shape), 2*n, func(lo, hi int) {
		rows(shape, st, lo, hi, func(offs []int) {
			binaryRow(op, p.A, d[offs[0]:], so, x[offs[1]:], sa, y[offs[2]:], sb, inner)
		})
	})
}

// perChannel computes, if it can, a sum, difference or product of a contiguous [A, C, B]
// tensor with one value per channel (a bias or a scale over [N, C, H, W]) channel by
// channel, each channel's rows in one call: x + s and x - s as (x + s)·1 and (x + (-s))·1,
// x·s as (x + (-0))·s, which round the same. It reports whether it did.
func (b *Backend) perChannel(op engine.BinaryOp, d, x, y []float32, shape []int, st [][]int) bool {
	if len(shape) != 3 || op > engine.OpMul {
		return false
	}
	c, n := shape[1], shape[2]
	dense := func(s []int) bool { return s[0] == c*n && s[1] == n && s[2] == 1 }
	channel := func(s []int) bool { return s[0] == 0 && s[1] == 1 && s[2] == 0 }
	switch {
	case dense(st[1]) && channel(st[2]):
	case op != engine.OpSub && channel(st[1]) && dense(st[2]):
		x, y = y, x
	default:
		return false
	}
	b.parallelFor(c, 2*len(d), func(lo, hi int) {
		for ch := lo; ch < hi; ch++ {
			shift, scale := y[ch], float32(1)
			switch op {
			case engine.OpSub:
				shift = -shift
			case engine.OpMul:
				shift, scale = negZero, shift
			}
			affineRows(shape[0], n, shift, scale, 1, negZero, x[ch*n:], c*n, d[ch*n:], c*n)
		}
	})
	return true
}

// vecOps maps the arithmetic binary ops to the vectorised loops of package vec.
var vecOps = [...]vec.Op{engine.OpAdd: vec.OpAdd, engine.OpSub: vec.OpSub, engine.OpMul: vec.OpMul,
	engine.OpDiv: vec.OpDiv, engine.OpMax: vec.OpMax}

// reversed holds the vec op computing s op a[i] for a scalar s on the left.
var reversed = [...]vec.Op{vec.OpAdd: vec.OpAdd, vec.OpSub: vec.OpSubRev, vec.OpMul: vec.OpMul,
	vec.OpDiv: vec.OpDivRev, vec.OpMax: vec.OpMax}

// binaryRow applies op to one row of n elements with strides so (the output's, 1 after
// collapsing unless n == 1), sa and sb. Contiguous rows and rows against one broadcast
// element use vec's loops; other strides use a plain loop.
func binaryRow(op engine.BinaryOp, lo float32, d []float32, so int, a []float32, sa int, b []float32, sb int, n int) {
	if so == 1 && n > 1 {
		switch {
		case op == engine.OpMulStep && sa == 1 && sb == 1:
			vec.StepMul(d[:n], a[:n], b[:n], lo)
			return
		case op <= engine.OpMax && sa == 1 && sb == 1:
			vec.Binary(vecOps[op], d[:n], a[:n], b[:n])
			return
		case op <= engine.OpMax && sa == 1 && sb == 0:
			vec.Scalar(vecOps[op], d[:n], a[:n], b[0])
			return
		case op <= engine.OpMax && sa == 0 && sb == 1:
			vec.Scalar(reversed[vecOps[op]], d[:n], b[:n], a[0])
			return
		}
	}
	stepTab := [2]float32{lo, 1}
	for i, ia, ib, io := 0, 0, 0, 0; i < n; i, ia, ib, io = i+1, ia+sa, ib+sb, io+so {
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
			v = va * stepTab[b2i(vb > 0)]
		default:
			panic("cpu: unknown binary op")
		}
		d[io] = v
	}
}
