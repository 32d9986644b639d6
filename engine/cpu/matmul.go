package cpu

import (
	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu/gemm"
)

// MatMul computes dst_i = op(a_i)·op(b_i) for every batch i, or their sum with SumBatch, with
// the gemm package's kernels (AVX2 + FMA on amd64, a register-blocked Go kernel elsewhere).
func (b *Backend) MatMul(dst, a, bb engine.Buffer, g engine.MatMulGeom) {
	d, x, y := data(dst), data(a), data(bb)
	if !g.SumBatch && len(d) != g.Batch*g.M*g.N {
		panic("cpu: MatMul destination has the wrong size")
	}
	lda, ldb := g.K, g.N
	if g.TransA {
		lda = g.M
	}
	if g.TransB {
		ldb = g.K
	}
	if g.SumBatch {
		if len(d) != g.M*g.N {
			panic("cpu: MatMul destination has the wrong size")
		}
		if g.Batch == 0 || g.K == 0 {
			clear(d)
			return
		}
		// The first product overwrites d (β = 0): no separate pass to clear it.
		for i := 0; i < g.Batch; i++ {
			beta := float32(1)
			if i == 0 {
				beta = 0
			}
			gemm.Sgemm(g.TransA, g.TransB, g.M, g.N, g.K, 1, x[i*g.StrideA:], lda, y[i*g.StrideB:], ldb, beta, d, g.N)
		}
		return
	}
	work := g.M * g.N * g.K
	b.parallelFor(g.Batch, g.Batch*work, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			out := d[i*g.M*g.N : (i+1)*g.M*g.N]
			if g.M == 0 || g.N == 0 {
				continue
			}
			if g.K == 0 {
				clear(out)
				continue
			}
			gemm.Sgemm(g.TransA, g.TransB, g.M, g.N, g.K, 1, x[i*g.StrideA:], lda, y[i*g.StrideB:], ldb, 0, out, g.N)
		}
	})
}
