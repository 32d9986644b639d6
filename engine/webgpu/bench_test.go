//go:build !windows

package webgpu

// Benchmarks of the WebGPU backend beside the CPU backend in the same run, natively
// (lavapipe in CI, any Vulkan GPU elsewhere) and in the browser (the js/wasm test binary):
//
//	GANPLAY_E2E=1 go test -run '^$' -bench . -benchtime 5x ./engine/webgpu/
//
// MatMul256/MatMul512 time one product of two n×n matrices plus the readback of the result
// (time by mapping a result, never WaitIdle) and report GFLOP/s; the webgpu-matmul and
// webgpu-matmul_small variants force one kernel. ToyGAN times one iteration of bench.ToyGAN
// (width 128, batch 256): Step (a D step then a G step) and one read of the D loss.
// Dispatch139 times 139 tiny dispatches and a read (a toy-GAN iteration's count), RoundTrip
// one dispatch and a read. Natively cpu-ms/op is the process's CPU time (lavapipe's threads
// included), which varies far less than wall time on a shared machine.
//
// Measured on 2026-11-26, lavapipe (llvmpipe, LLVM 15.0.6, 256 bits) on 2 shared Xeon cores
// (load average 8-12: wall times vary several-fold), before (the 32×32-tile kernel with
// 4×4 outputs per invocation and scalar loads, a bind group and a uniform buffer created per
// dispatch and submission) and after this file's changes, two alternating rounds in one
// session, -benchtime 5x; cpu-ms/op first, then wall:
//
//	                   before                         after
//	MatMul256 webgpu   81-86 cpu-ms, 0.03-0.08 GFLOP/s  24-36 cpu-ms, 0.10-1.25 GFLOP/s
//	MatMul512 webgpu   568-630 cpu-ms, 0.16-0.17 GFLOP/s 240-263 cpu-ms, 0.19-0.28 GFLOP/s
//	MatMul512 cpu      (gonum) 16-58 GFLOP/s
//	ToyGAN webgpu      492-535 cpu-ms, 1.8-2.2 s/iter   177-192 cpu-ms, 0.20-0.40 s/iter
//	ToyGAN cpu         8-53 ms/iter (19-128 iter/s)
//	Dispatch139        6.4-11.5 ms                      6.7-23.7 ms (lavapipe's own work dominates)
//
// In headless Chromium (--enable-unsafe-webgpu --enable-unsafe-swiftshader: SwiftShader),
// same machine and session, before → after, wall:
//
//	MatMul256 webgpu   461-821 ms → 92 ms
//	ToyGAN webgpu      3.1-5.8 s/iter → 1.04-1.35 s/iter
//	Dispatch139        35-64 ms → 22-34 ms (an earlier, quieter pair: 219 → 38 ms)
//
// The toy GAN's 139 dispatches per iteration: 18 tiled matmuls (64×64), 4 more on 64×64
// tiles with fewer workgroups, 14 thin ones (one output column or two input rows) on
// matmul_thin, 37 binary, 28 unary, 15 reductions, 12 optimizer updates, a few copies.

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/ganplay/ganplay/bench"
	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/models/toy2d"
)

func BenchmarkMatMul256(b *testing.B) { benchMatMul(b, 256) }
func BenchmarkMatMul512(b *testing.B) { benchMatMul(b, 512) }

// BenchmarkMatMul1024 and 2048 are for real GPUs (lavapipe takes seconds per product): the
// CPU backend is left out.
func BenchmarkMatMul1024(b *testing.B) { benchMatMulGPU(b, 1024) }
func BenchmarkMatMul2048(b *testing.B) { benchMatMulGPU(b, 2048) }

func benchMatMul(b *testing.B, n int) {
	benchMatMulGPU(b, n)
	b.Run("cpu", func(b *testing.B) { matmulLoop(b, cpu.New(), n) })
}

func benchMatMulGPU(b *testing.B, n int) {
	b.Run("webgpu", func(b *testing.B) { matmulLoop(b, newBenchBackend(b), n) })
	// Each matmul kernel whatever the size: 128×128 tiles (8×8 per invocation), 64×64 (8×8),
	// 32×32 (4×4).
	for _, k := range []string{"matmul_big", "matmul", "matmul_small"} {
		b.Run("webgpu-"+k, func(b *testing.B) {
			be := newBenchBackend(b)
			be.matmulKernel = k
			defer func() { be.matmulKernel = "" }()
			matmulLoop(b, be, n)
		})
	}
}

// matmulProducts is how many n×n products one benchmark op records before it waits for the
// GPU, so that the wait (a submission and a 4-element read back, about 0.1 ms on a real GPU)
// is not what is measured; the product itself is never read back.
const matmulProducts = 8

// matmulLoop measures n×n×n products on be: matmulProducts per op, then a wait for them.
func matmulLoop(b *testing.B, be engine.Backend, n int) {
	rng := rand.New(rand.NewPCG(4, 5))
	x, y, d, done := be.Alloc(n*n), be.Alloc(n*n), be.Alloc(n*n), be.Alloc(4)
	be.Write(x, randSlice(rng, n*n))
	be.Write(y, randSlice(rng, n*n))
	out := make([]float32, 4)
	g := engine.MatMulGeom{Batch: 1, M: n, K: n, N: n}
	wait := func() {
		be.Fill(done, 1)
		if err := be.Read(context.Background(), done, out); err != nil {
			b.Fatal(err)
		}
	}
	be.MatMul(d, x, y, g) // warm up
	wait()
	cpu0 := cpuTime()
	for b.Loop() {
		for range matmulProducts {
			be.MatMul(d, x, y, g)
		}
		wait()
	}
	b.ReportMetric(2*float64(n*n*n)*matmulProducts*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
	reportCPU(b, cpu0)
}

func BenchmarkToyGAN(b *testing.B) {
	b.Run("webgpu", func(b *testing.B) { toyGANLoop(b, newBenchBackend(b)) })
	b.Run("cpu", func(b *testing.B) { toyGANLoop(b, cpu.New()) })
}

func toyGANLoop(b *testing.B, be engine.Backend) {
	m, err := bench.NewToyGAN(engine.NewDevice(be), toy2d.Ring8{}, 1, 128, 256, 2e-4)
	if err != nil {
		b.Fatal(err)
	}
	lossD, _ := m.Step() // warm up
	_ = lossD.Data()
	cpu0 := cpuTime()
	for b.Loop() {
		lossD, _ := m.Step()
		_ = lossD.Data()
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "iter/s")
	reportCPU(b, cpu0)
}

// newBenchBackend is newBackend for a benchmark.
func newBenchBackend(b *testing.B) *Backend {
	sharedOnce.Do(func() { shared, sharedErr = New(context.Background()) })
	if sharedErr != nil {
		b.Skipf("no WebGPU backend: %v", sharedErr)
	}
	return shared
}

// BenchmarkDispatch139 measures the per-dispatch overhead alone: 139 dispatches on tiny
// buffers (a toy-GAN iteration's count), alternating between a few buffers as a training step
// does, then one read.
func BenchmarkDispatch139(b *testing.B) {
	be := newBenchBackend(b)
	xs := make([]engine.Buffer, 4)
	for i := range xs {
		xs[i] = be.Alloc(256)
		be.Fill(xs[i], 1)
	}
	out := make([]float32, 256)
	cpu0 := cpuTime()
	for b.Loop() {
		for i := range 139 {
			be.Binary(engine.OpAdd, engine.Params{}, xs[(i+1)%4], xs[i%4], xs[(i+2)%4], engine.Broadcast{
				Shape: []int{256}, StridesA: []int{1}, StridesB: []int{1}})
		}
		if err := be.Read(context.Background(), xs[0], out); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/139, "µs/dispatch")
	reportCPU(b, cpu0)
}

// reportCPU reports the process's CPU time per iteration since cpu0.
func reportCPU(b *testing.B, cpu0 time.Duration) {
	if cpu0 == 0 {
		return // not measured here (the browser)
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkRoundTrip measures the fixed cost of one submission and readback: one dispatch
// on a 4-element buffer, then a read of it.
func BenchmarkRoundTrip(b *testing.B) {
	be := newBenchBackend(b)
	x := be.Alloc(4)
	out := make([]float32, 4)
	for b.Loop() {
		be.Fill(x, 1)
		if err := be.Read(context.Background(), x, out); err != nil {
			b.Fatal(err)
		}
	}
}
