package gemm

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas32"
)

// BenchmarkSgemm measures C = A*B for square and toy-GAN-sized products with
// this package and with gonum's blas32, reporting GFLOP/s (2*m*n*k flops per
// product). Run with GOMAXPROCS=1 for single-thread numbers.
func BenchmarkSgemm(b *testing.B) {
	for _, bc := range []struct {
		name    string
		m, n, k int
	}{
		{"512", 512, 512, 512},
		{"256", 256, 256, 256},
		{"128x128x256", 256, 128, 128},
	} {
		rng := rand.New(rand.NewPCG(1, 2))
		x := fill(rng, bc.m*bc.k)
		y := fill(rng, bc.k*bc.n)
		z := make([]float32, bc.m*bc.n)
		flops := 2 * float64(bc.m) * float64(bc.n) * float64(bc.k)
		report := func(b *testing.B) {
			b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		}
		b.Run(bc.name+"/gemm", func(b *testing.B) {
			for b.Loop() {
				Sgemm(false, false, bc.m, bc.n, bc.k, 1, x, bc.k, y, bc.n, 0, z, bc.n)
			}
			report(b)
		})
		// Every kernel this machine supports, the portable one (which js/wasm
		// and other architectures use) included.
		for _, kern := range available() {
			b.Run(bc.name+"/"+kern.name, func(b *testing.B) {
				for b.Loop() {
					sgemm(kern, runtime.GOMAXPROCS(0), false, false, bc.m, bc.n, bc.k, 1, x, bc.k, y, bc.n, 0, z, bc.n)
				}
				report(b)
			})
		}
		b.Run(bc.name+"/gonum", func(b *testing.B) {
			impl := blas32.Implementation()
			for b.Loop() {
				impl.Sgemm(blas.NoTrans, blas.NoTrans, bc.m, bc.n, bc.k, 1, x, bc.k, y, bc.n, 0, z, bc.n)
			}
			report(b)
		})
	}
}

// BenchmarkSgemmTranspose measures the toy-GAN-sized product (m=256, n=128,
// k=128) with each transpose combination on one goroutine; the transposes are
// handled while packing, so all four should run at about the same speed.
func BenchmarkSgemmTranspose(b *testing.B) {
	const m, n, k = 256, 128, 128
	rng := rand.New(rand.NewPCG(1, 2))
	x := fill(rng, m*k)
	y := fill(rng, k*n)
	z := make([]float32, m*n)
	for _, tr := range [][2]bool{{false, false}, {true, false}, {false, true}, {true, true}} {
		lda, ldb := k, n
		if tr[0] {
			lda = m
		}
		if tr[1] {
			ldb = k
		}
		b.Run(fmt.Sprintf("tA=%v,tB=%v", tr[0], tr[1]), func(b *testing.B) {
			for b.Loop() {
				sgemm(active, 1, tr[0], tr[1], m, n, k, 1, x, lda, y, ldb, 0, z, n)
			}
			b.ReportMetric(2*m*n*k*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
	}
}
