package webgpu

import (
	"fmt"

	"github.com/ganplay/ganplay/engine"
)

// The WebGPU backend standardizes channels in one dispatch each way (standardize.wgsl,
// standardize_grad.wgsl) instead of the composition's nine and fifteen: InstanceNorm and
// BatchNorm are most of a CycleGAN step's dispatches otherwise.
var _ engine.Standardizer = (*Backend)(nil)

// Standardize implements engine.Standardizer: x viewed as [a, c, b], per channel
// y = (x - mean_c)·invstd_c with invstd_c = 1/√(var_c + eps), one workgroup per channel.
func (b *Backend) Standardize(y, mean, invstd, x engine.Buffer, a, c, bb int, eps float32) {
	yb, mb, ib, xb := b.buf(y), b.buf(mean), b.buf(invstd), b.buf(x)
	if n := a * c * bb; yb.n != n || xb.n != n || mb.n != c || ib.n != c {
		panic(fmt.Sprintf("webgpu: Standardize of %d elements into %d as [%d, %d, %d] with %d and %d channel statistics",
			xb.n, yb.n, a, c, bb, mb.n, ib.n))
	}
	if c == 0 || a*bb == 0 {
		return
	}
	gx, gy := b.grid(c)
	var p params
	p.u32(checkU32(a), checkU32(c), checkU32(bb), gx)
	p.f32(eps)
	p.u32(0, 0, 0)
	b.record(b.kernels["standardize"], &p, [3]uint32{gx, gy, 1}, yb.wb, mb.wb, ib.wb, xb.wb)
}

// StandardizeGrad implements engine.Standardizer: dx = invstd_c·(g - mean_c(g) -
// y·mean_c(g·y)), one workgroup per channel.
func (b *Backend) StandardizeGrad(dx, g, y, invstd engine.Buffer, a, c, bb int) {
	db, gb, yb, ib := b.buf(dx), b.buf(g), b.buf(y), b.buf(invstd)
	if n := a * c * bb; db.n != n || gb.n != n || yb.n != n || ib.n != c {
		panic(fmt.Sprintf("webgpu: StandardizeGrad of %d elements as [%d, %d, %d] with %d channel statistics", db.n, a, c, bb, ib.n))
	}
	if c == 0 || a*bb == 0 {
		return
	}
	if db.wb == gb.wb || db.wb == yb.wb || db.wb == ib.wb {
		panic("webgpu: StandardizeGrad into one of its inputs")
	}
	gx, gy := b.grid(c)
	var p params
	p.u32(checkU32(a), checkU32(c), checkU32(bb), gx)
	b.record(b.kernels["standardize_grad"], &p, [3]uint32{gx, gy, 1}, db.wb, gb.wb, yb.wb, ib.wb)
}
