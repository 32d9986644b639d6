package webgpu

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
)

// TestMatMulKernels runs every matmul kernel (128×128, 64×64 and 32×32 tiles, one output per
// invocation, whatever the size) on
// products with odd and multiple-of-4 sizes, every transpose, batches and SumBatch, so that
// the vec4 loads and the element-wise fallback of both operands are checked against the CPU
// backend.
func TestMatMulKernels(t *testing.T) {
	b := newBackend(t)
	rng := rand.New(rand.NewPCG(3, 4))
	var geoms []engine.MatMulGeom
	for _, s := range [][3]int{{1, 1, 1}, {3, 5, 7}, {4, 8, 12}, {67, 33, 70}, {64, 64, 64}, {130, 20, 1}, {2, 128, 129}, {200, 9, 260}, {128, 128, 128}} {
		for tr := range 4 {
			g := engine.MatMulGeom{Batch: 1, M: s[0], K: s[1], N: s[2], TransA: tr&1 != 0, TransB: tr&2 != 0}
			geoms = append(geoms, g)
		}
	}
	geoms = append(geoms,
		engine.MatMulGeom{Batch: 3, M: 8, K: 12, N: 16, StrideA: 96, StrideB: 192},
		engine.MatMulGeom{Batch: 3, M: 8, K: 12, N: 16, StrideA: 97, StrideB: 193, TransA: true},
		engine.MatMulGeom{Batch: 4, M: 9, K: 16, N: 20, StrideA: 144, StrideB: 0, TransB: true, SumBatch: true},
		engine.MatMulGeom{Batch: 5, M: 36, K: 8, N: 4, StrideA: 288, StrideB: 32, TransA: true, TransB: true, SumBatch: true},
	)
	for _, kernel := range []string{"matmul", "matmul_small", "matmul_big", "matmul_thin", ""} {
		b.matmulKernel = kernel
		for _, g := range geoms {
			sa, sb := g.StrideA, g.StrideB
			if g.Batch == 1 {
				sa, sb = 0, 0
			}
			av := randSlice(rng, (g.Batch-1)*sa+g.M*g.K)
			bv := randSlice(rng, (g.Batch-1)*sb+g.K*g.N)
			nd := g.Batch * g.M * g.N
			if g.SumBatch {
				nd = g.M * g.N
			}
			want := matmulOn(t, cpu.New(), g, av, bv, nd)
			got := matmulOn(t, b, g, av, bv, nd)
			terms := g.K
			if g.SumBatch {
				terms *= g.Batch
			}
			for i := range want {
				if d := math.Abs(float64(got[i] - want[i])); d > 1e-5*math.Sqrt(float64(terms))*(1+math.Abs(float64(want[i]))) {
					t.Fatalf("%s: MatMul(%+v)[%d] = %g; want %g", kernel, g, i, got[i], want[i])
				}
			}
		}
	}
	b.matmulKernel = ""
}

func randSlice(rng *rand.Rand, n int) []float32 {
	v := make([]float32, n)
	for i := range v {
		v[i] = float32(rng.NormFloat64())
	}
	return v
}

// matmulOn runs one MatMul on be and reads the result back.
func matmulOn(t *testing.T, be engine.Backend, g engine.MatMulGeom, av, bv []float32, nd int) []float32 {
	t.Helper()
	a, b, d := be.Alloc(len(av)), be.Alloc(len(bv)), be.Alloc(nd)
	be.Write(a, av)
	be.Write(b, bv)
	be.MatMul(d, a, b, g)
	out := make([]float32, nd)
	if err := be.Read(context.Background(), d, out); err != nil {
		t.Fatalf("%s: Read: %v", be.Name(), err)
	}
	return out
}
