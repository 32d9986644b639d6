package webgpu

import (
	"fmt"

	"github.com/ganplay/ganplay/engine"
)

// The output tiles of the matmul workgroups (see matmul.wgsl): 64×64 for the main kernel,
// 32×32 for matmul_small, which runs products that would give few 64×64 tiles, and
// 128×128 for matmul_big, which runs products large enough to give many of those.
const (
	tileHuge  = 128
	tileBig   = 64
	tileSmall = 32
	// On a GPU, a product with at least hugeTiles 128×128 tiles (over all batches) runs on
	// matmul_big, one with at least gpuBigTiles 64×64 tiles on matmul, smaller ones on
	// 32×32 tiles: large tiles do the most work per load but a GPU needs a few workgroups per
	// compute unit. Measured on an H200 (docs/benchmarks-gpu.md): at 512³ the 32×32 tiles ran
	// at 3.9 TFLOP/s against 2.1 for 64×64; at 1024³ and 2048³ the 128×128 ones won.
	hugeTiles   = 48
	gpuBigTiles = 128
	// On a CPU adapter (lavapipe, SwiftShader) workgroups run a few at a time on the host's
	// threads, so the fewest, largest tiles win: 128×128 once both sides reach cpuHugeSide.
	cpuHugeSide = 128
	// smallTiles: a product with fewer 64×64 tiles than this (over all batches) runs on
	// 32×32 tiles, which spread it over more workgroups.
	smallTiles = 4
	// thinSide: a product with at most this many rows or columns runs on matmul_thin, one
	// invocation per output, as do products of at most thinOutputs outputs.
	thinSide    = 4
	thinOutputs = 256
)

// MatMul computes dst_i = op(a_i)·op(b_i) for every batch i, or their sum with SumBatch (see
// engine.MatMulGeom). Thin products (at most thinSide rows or columns, or few outputs) run
// on matmul_thin; the others on 128×128, 64×64 or 32×32 tiles as tileKernel picks them for
// the adapter.
// Operands whose contiguous axis and strides are multiples of 4 are read with vec4 loads.
// Tiled products larger than the dispatch grid are split into several dispatches over row
// tiles and batches.
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
	// A vec4 load of an operand follows the axis that matmul.wgsl stages it along (k for a
	// when sak is 1, its rows otherwise; the columns of b when sbj is 1, k otherwise): that
	// axis's length, the other stride and the batch stride must be multiples of 4.
	avec, bvec := uint32(0), uint32(0)
	batchOK := func(stride int) bool { return g.Batch == 1 || stride%4 == 0 }
	if sak == 1 {
		if g.K%4 == 0 && sai%4 == 0 && batchOK(g.StrideA) {
			avec = 1
		}
	} else if g.M%4 == 0 && sak%4 == 0 && batchOK(g.StrideA) {
		avec = 1
	}
	if sbj == 1 {
		if g.N%4 == 0 && sbk%4 == 0 && batchOK(g.StrideB) {
			bvec = 1
		}
	} else if g.K%4 == 0 && sbj%4 == 0 && batchOK(g.StrideB) {
		bvec = 1
	}
	kernel := ""
	lim := int(b.limits.MaxComputeWorkgroupsPerDimension)
	switch {
	case b.matmulKernel != "":
		kernel = b.matmulKernel
	case (min(g.M, g.N) <= thinSide || out <= thinOutputs) && (out+workgroupSize-1)/workgroupSize <= lim*lim:
		kernel = "matmul_thin"
	}
	if kernel == "matmul_thin" {
		var p params
		p.u32(checkU32(g.M), checkU32(g.N), checkU32(g.K), sum,
			checkU32(sai), checkU32(sak), checkU32(sbk), checkU32(sbj),
			checkU32(g.StrideA), checkU32(g.StrideB), checkU32(g.Batch), 0,
			0, 0, 0, 0)
		gx, gy := b.grid((out + workgroupSize - 1) / workgroupSize)
		p.set(15, gx*workgroupSize)
		b.record(b.kernels["matmul_thin"], &p, [3]uint32{gx, gy, 1}, d.wb, awb, bwb)
		return
	}
	k, tile := b.tileKernel(g.M, g.N, batches)
	if t, ok := tileOf[kernel]; ok {
		k, tile = b.kernels[kernel], t
	}
	tilesX, tilesY := (g.N+tile-1)/tile, (g.M+tile-1)/tile
	if tilesX > lim {
		panic(fmt.Sprintf("webgpu: MatMul with N = %d needs %d workgroups in x, beyond maxComputeWorkgroupsPerDimension %d", g.N, tilesX, lim))
	}
	for row0 := 0; row0 < tilesY; row0 += lim {
		for batch0 := 0; batch0 < batches; batch0 += lim {
			var p params
			p.u32(checkU32(g.M), checkU32(g.N), checkU32(g.K), sum,
				checkU32(sai), checkU32(sak), checkU32(sbk), checkU32(sbj),
				checkU32(g.StrideA), checkU32(g.StrideB), checkU32(g.Batch), uint32(batch0),
				uint32(row0), avec, bvec, 0)
			groups := [3]uint32{uint32(tilesX), uint32(min(lim, tilesY-row0)), uint32(min(lim, batches-batch0))}
			b.record(k, &p, groups, d.wb, awb, bwb)
		}
	}
}

// tileOf is the output tile of each tiled matmul kernel.
var tileOf = map[string]int{"matmul_big": tileHuge, "matmul": tileBig, "matmul_small": tileSmall}

// tileKernel picks the tiled matmul kernel and its tile for an M×N product over batches (see
// hugeTiles and cpuHugeSide).
func (b *Backend) tileKernel(m, n, batches int) (*kernel, int) {
	tiles := func(tile int) int { return ((n + tile - 1) / tile) * ((m + tile - 1) / tile) * batches }
	if b.info.Software() {
		switch {
		case min(m, n) >= cpuHugeSide:
			return b.kernels["matmul_big"], tileHuge
		case tiles(tileBig) < smallTiles:
			return b.kernels["matmul_small"], tileSmall
		}
		return b.kernels["matmul"], tileBig
	}
	switch {
	case tiles(tileHuge) >= hugeTiles:
		return b.kernels["matmul_big"], tileHuge
	case tiles(tileBig) >= gpuBigTiles:
		return b.kernels["matmul"], tileBig
	}
	return b.kernels["matmul_small"], tileSmall
}
