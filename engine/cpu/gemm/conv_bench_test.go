package gemm

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkSgemmConv measures the products of the image GANs' convolutions on one
// goroutine: forward (W·cols), weight gradient (dY·colsᵀ) and input gradient (Wᵀ·dY) of a
// CycleGAN ResnetBlock conv (128→128, 3×3, 16×16), its first 7×7 conv (3→32, 64×64) and its
// last (32→3), and DCGAN's 64→128 4×4 conv on a batch-64 image of 14×14.
func BenchmarkSgemmConv(b *testing.B) {
	for _, bc := range []struct {
		name           string
		m, n, k        int
		transA, transB bool
	}{
		{"res/fwd", 128, 256, 1152, false, false},
		{"res/dW", 128, 1152, 256, false, true},
		{"res/dX", 1152, 256, 128, true, false},
		{"first/fwd", 32, 4096, 147, false, false},
		{"first/dW", 32, 147, 4096, false, true},
		{"last/fwd", 3, 4096, 1568, false, false},
		{"last/dW", 3, 1568, 4096, false, true},
		{"last/dX", 1568, 4096, 3, true, false},
		{"dcgan/fwd", 128, 49, 1024, false, false},
		{"dcgan/fwd-batch64", 128, 64 * 49, 1024, false, false},
		{"dcgan/dW-batch64", 128, 1024, 64 * 49, false, true},
		{"dcgan/dX-batch64", 1024, 64 * 49, 128, true, false},
		{"dcgan/dX", 1024, 49, 128, true, false},
	} {
		rng := rand.New(rand.NewPCG(1, 2))
		x := fill(rng, bc.m*bc.k)
		y := fill(rng, bc.k*bc.n)
		z := make([]float32, bc.m*bc.n)
		lda, ldb := bc.k, bc.n
		if bc.transA {
			lda = bc.m
		}
		if bc.transB {
			ldb = bc.k
		}
		flops := 2 * float64(bc.m) * float64(bc.n) * float64(bc.k)
		b.Run(fmt.Sprint(bc.name), func(b *testing.B) {
			for b.Loop() {
				sgemm(active, 1, bc.transA, bc.transB, bc.m, bc.n, bc.k, 1, x, lda, y, ldb, 0, z, bc.n)
			}
			b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
		// The packed micro-kernel alone, for comparison with the streaming paths.
		b.Run(bc.name+"/packed", func(b *testing.B) {
			for b.Loop() {
				gemmBlocked(active, bc.transA, bc.transB, bc.m, bc.n, bc.k, 1, x, lda, y, ldb, nil, 0, z, bc.n)
			}
			b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
	}
}
