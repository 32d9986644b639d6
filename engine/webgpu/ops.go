package webgpu

import (
	"slices"

	"fmt"
	"math"

	"github.com/gogpu/wgpu"

	"github.com/ganplay/ganplay/engine"
)

// Unary computes dst[i] = op(x[i]; p.A, p.B) (see engine.UnaryOp); dst may be x.
func (b *Backend) Unary(op engine.UnaryOp, p engine.Params, dst, x engine.Buffer) {
	d, s := b.buf(dst), b.buf(x)
	if d.n != s.n {
		panic(fmt.Sprintf("webgpu: Unary of %d elements into %d", s.n, d.n))
	}
	var pp params
	pp.u32(0, 0, uint32(op), 0)
	pp.f32(p.A, p.B)
	pp.u32(0, 0)
	if d.wb == s.wb {
		b.dispatch1D(b.kernels["unary_inplace"], d.n, &pp, d.wb)
		return
	}
	b.dispatch1D(b.kernels["unary"], d.n, &pp, d.wb, s.wb)
}

// Binary computes dst = op(a, b; p.A) over the broadcast bc (see engine.BinaryOp). dst may
// be a when a is read contiguously; any other aliasing goes through a temporary copy.
func (b *Backend) Binary(op engine.BinaryOp, p engine.Params, dst, a, bb engine.Buffer, bc engine.Broadcast) {
	d, x, y := b.buf(dst), b.buf(a), b.buf(bb)
	n := engine.Numel(bc.Shape)
	if n == 0 {
		return
	}
	if d.n != n {
		panic(fmt.Sprintf("webgpu: Binary destination of %d elements for the broadcast shape %v", d.n, bc.Shape))
	}
	shape, st := engine.Collapse(bc.Shape, engine.ContiguousStrides(bc.Shape), bc.StridesA, bc.StridesB)
	var pp params
	pp.u32(0, 0, uint32(op), uint32(len(shape)))
	pp.f32(p.A)
	pp.u32(0, 0, 0)
	pp.vec8u(shape)
	pp.vec8i(st[1])
	pp.vec8i(st[2])
	ywb := y.wb
	if ywb == d.wb {
		ywb = b.tempCopy(y)
	}
	if x.wb == d.wb {
		if slices.Equal(st[0], st[1]) {
			b.dispatch1D(b.kernels["binary_inplace"], n, &pp, d.wb, b.scratch[0], ywb)
			return
		}
		b.dispatch1D(b.kernels["binary"], n, &pp, d.wb, b.tempCopy(x), ywb)
		return
	}
	b.dispatch1D(b.kernels["binary"], n, &pp, d.wb, x.wb, ywb)
}

// tempCopy records a copy of the whole of x into a new buffer and returns it, for an input
// that aliases an op's output.
func (b *Backend) tempCopy(x *buffer) *wgpu.Buffer {
	t := b.buf(b.Alloc(x.n))
	p := copyParams(x.n)
	b.dispatch1D(b.kernels["copy"], x.n, p, t.wb, x.wb)
	return t.wb
}

// Reduce folds x (contiguous, shape r.Shape) over the axes r.Axes into dst (see
// engine.ReduceOp). An empty reduction gives 0 for a sum and -Inf for a maximum.
func (b *Backend) Reduce(op engine.ReduceOp, dst, x engine.Buffer, r engine.Reduction) {
	d, s := b.buf(dst), b.buf(x)
	if len(r.Axes) != len(r.Shape) {
		panic(fmt.Sprintf("webgpu: Reduce axes %v for shape %v", r.Axes, r.Shape))
	}
	if s.n != engine.Numel(r.Shape) {
		panic(fmt.Sprintf("webgpu: Reduce of %d elements for shape %v", s.n, r.Shape))
	}
	in := engine.ContiguousStrides(r.Shape)
	var kShape, kStride, rShape, rStride []int
	nout, nred := 1, 1
	for i, n := range r.Shape {
		if r.Axes[i] {
			rShape, rStride = append(rShape, n), append(rStride, in[i])
			nred *= n
		} else {
			kShape, kStride = append(kShape, n), append(kStride, in[i])
			nout *= n
		}
	}
	if d.n != nout {
		panic(fmt.Sprintf("webgpu: Reduce destination of %d elements; want %d", d.n, nout))
	}
	if nout == 0 {
		return
	}
	kShape, ks := engine.Collapse(kShape, kStride)
	rShape, rs := engine.Collapse(rShape, rStride)
	var pp params
	gx, gy := b.grid(nout)
	init := float32(0)
	if op == engine.OpMaxReduce {
		init = float32(math.Inf(-1))
	}
	pp.u32(uint32(nout), gx, checkU32(nred), uint32(op), uint32(len(kShape)), uint32(len(rShape)))
	pp.f32(init)
	pp.u32(0)
	pp.vec8u(kShape)
	pp.vec8u(ks[0])
	pp.vec8u(rShape)
	pp.vec8u(rs[0])
	b.record(b.kernels["reduce"], &pp, [3]uint32{gx, gy, 1}, d.wb, s.wb)
}

// Copy copies src viewed through sv into dst viewed through dv (see engine.Backend.Copy).
func (b *Backend) Copy(dst engine.Buffer, dv engine.View, src engine.Buffer, sv engine.View) {
	d, s := b.buf(dst), b.buf(src)
	if len(dv.Shape) != len(sv.Shape) || len(dv.Strides) != len(dv.Shape) || len(sv.Strides) != len(sv.Shape) {
		panic(fmt.Sprintf("webgpu: Copy views of shapes %v and %v with strides %v and %v", dv.Shape, sv.Shape, dv.Strides, sv.Strides))
	}
	for i, n := range dv.Shape {
		if sv.Shape[i] != n {
			panic(fmt.Sprintf("webgpu: Copy views of different shapes %v and %v", dv.Shape, sv.Shape))
		}
	}
	n := engine.Numel(dv.Shape)
	if n == 0 {
		return
	}
	shape, st := engine.Collapse(dv.Shape, dv.Strides, sv.Strides)
	var pp params
	pp.u32(0, 0, uint32(len(shape)), 0)
	pp.i32(checkI32(dv.Offset), checkI32(sv.Offset))
	pp.u32(0, 0)
	pp.vec8u(shape)
	pp.vec8i(st[0])
	pp.vec8i(st[1])
	swb := s.wb
	if swb == d.wb {
		swb = b.tempCopy(s)
	}
	b.dispatch1D(b.kernels["copy"], n, &pp, d.wb, swb)
}

// convParams are the parameters of im2col.wgsl and col2im.wgsl.
func convParams(g engine.ConvGeom) *params {
	var p params
	p.u32(0, 0)
	for _, v := range []int{g.N, g.C, g.H, g.W, g.KH, g.KW, g.StrideH, g.StrideW, g.PadH, g.PadW, g.OH, g.OW} {
		p.u32(checkU32(v))
	}
	return &p
}

// Im2Col unfolds x [N, C, H, W] into dst [N, C·KH·KW, OH·OW] (see engine/cpu's Im2Col).
func (b *Backend) Im2Col(dst, x engine.Buffer, g engine.ConvGeom) {
	d, s := b.buf(dst), b.buf(x)
	if n := g.N * g.C * g.KH * g.KW * g.OH * g.OW; d.n != n || s.n != g.N*g.C*g.H*g.W {
		panic(fmt.Sprintf("webgpu: Im2Col of %d elements into %d for %+v", s.n, d.n, g))
	}
	b.dispatch1D(b.kernels["im2col"], d.n, convParams(g), d.wb, s.wb)
}

// Col2Im sums the columns of cols [N, C·KH·KW, OH·OW] back into dst [N, C, H, W].
func (b *Backend) Col2Im(dst, cols engine.Buffer, g engine.ConvGeom) {
	d, s := b.buf(dst), b.buf(cols)
	if n := g.N * g.C * g.KH * g.KW * g.OH * g.OW; s.n != n || d.n != g.N*g.C*g.H*g.W {
		panic(fmt.Sprintf("webgpu: Col2Im of %d elements into %d for %+v", s.n, d.n, g))
	}
	b.dispatch1D(b.kernels["col2im"], d.n, convParams(g), d.wb, s.wb)
}

// OptimStep applies one fused optimizer update in place (see engine.OptimOp).
func (b *Backend) OptimStep(op engine.OptimOp, p engine.OptimParams, w, g, s1, s2 engine.Buffer) {
	wd, gd := b.buf(w), b.buf(g)
	if wd.n != gd.n {
		panic(fmt.Sprintf("webgpu: OptimStep gradient of %d elements for a parameter of %d", gd.n, wd.n))
	}
	need := 0
	switch {
	case op == engine.OptAdam:
		need = 2
	case op == engine.OptRMSProp, op == engine.OptSGD && p.Momentum != 0:
		need = 1
	}
	states := [2]*wgpu.Buffer{b.scratch[0], b.scratch[1]}
	for i, s := range []engine.Buffer{s1, s2} {
		if s == nil {
			if i < need {
				panic(fmt.Sprintf("webgpu: OptimStep op %d needs state %d", op, i+1))
			}
			continue
		}
		sb := b.buf(s)
		if sb.n != wd.n {
			panic(fmt.Sprintf("webgpu: OptimStep state of %d elements for a parameter of %d", sb.n, wd.n))
		}
		states[i] = sb.wb
	}
	var pp params
	pp.u32(0, 0, uint32(op), 0)
	pp.f32(p.LR, p.Momentum, p.Beta1, p.Beta2, p.Eps, p.Scale)
	b.dispatch1D(b.kernels["optim"], wd.n, &pp, wd.wb, gd.wb, states[0], states[1])
}
