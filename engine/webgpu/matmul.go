package webgpu

import (
	"fmt"

	"github.com/ganplay/ganplay/engine"
)

// The output tile of one matmul workgroup (see matmul.wgsl).
const tileM, tileN = 32, 32

// MatMul computes dst_i = op(a_i)·op(b_i) for every batch i, or their sum with SumBatch (see
// engine.MatMulGeom). Products larger than the dispatch grid are split into several
// dispatches over row tiles and batches.
func (b *Backend) MatMul(dst, a, bb engine.Buffer, g engine.MatMulGeom) {
	d, x, y := b.buf(dst), b.buf(a), b.buf(bb)
	out := g.Batch * g.M * g.N
	if g.SumBatch {
		out = g.M * g.N
	}
	if d.n != out {
		panic(fmt.Sprintf("webgpu: MatMul destination of %d elements for %+v", d.n, g))
	}
	if out == 0 {
		return
	}
	if g.K == 0 || g.Batch == 0 {
		b.Fill(dst, 0)
		return
	}
	if need := (g.Batch-1)*g.StrideA + g.M*g.K; x.n < need {
		panic(fmt.Sprintf("webgpu: MatMul operand a of %d elements for %+v (needs %d)", x.n, g, need))
	}
	if need := (g.Batch-1)*g.StrideB + g.K*g.N; y.n < need {
		panic(fmt.Sprintf("webgpu: MatMul operand b of %d elements for %+v (needs %d)", y.n, g, need))
	}
	sai, sak := g.K, 1
	if g.TransA {
		sai, sak = 1, g.M
	}
	sbk, sbj := g.N, 1
	if g.TransB {
		sbk, sbj = 1, g.K
	}
	awb, bwb := x.wb, y.wb
	if awb == d.wb {
		awb = b.tempCopy(x)
	}
	if bwb == d.wb {
		bwb = b.tempCopy(y)
	}
	sum, batches := uint32(0), g.Batch
	if g.SumBatch {
		sum, batches = 1, 1
	}
	lim := int(b.limits.MaxComputeWorkgroupsPerDimension)
	tilesX, tilesY := (g.N+tileN-1)/tileN, (g.M+tileM-1)/tileM
	if tilesX > lim {
		panic(fmt.Sprintf("webgpu: MatMul with N = %d needs %d workgroups in x, beyond maxComputeWorkgroupsPerDimension %d", g.N, tilesX, lim))
	}
	k := b.kernels["matmul"]
	for row0 := 0; row0 < tilesY; row0 += lim {
		for batch0 := 0; batch0 < batches; batch0 += lim {
			var p params
			p.u32(checkU32(g.M), checkU32(g.N), checkU32(g.K), sum,
				checkU32(sai), checkU32(sak), checkU32(sbk), checkU32(sbj),
				checkU32(g.StrideA), checkU32(g.StrideB), checkU32(g.Batch), uint32(batch0),
				uint32(row0), 0, 0, 0)
			groups := [3]uint32{uint32(tilesX), uint32(min(lim, tilesY-row0)), uint32(min(lim, batches-batch0))}
			b.record(k, &p, groups, d.wb, awb, bwb)
		}
	}
}
