//go:build !js

package webgpu

import (
	"context"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/engine/enginetest"
)

func TestRoundTrip(t *testing.T) {
	b := newBackend(t)
	if b.Name() != "webgpu" {
		t.Errorf("Name() = %q; want webgpu", b.Name())
	}
	for _, n := range []int{1, 3, 64, 1000, 100003} {
		x := b.Alloc(n)
		src := make([]float32, n)
		for i := range src {
			src[i] = float32(i)*0.5 - 7
		}
		b.Write(x, src)
		got := make([]float32, n)
		if err := b.Read(context.Background(), x, got); err != nil {
			t.Fatalf("Read: %v", err)
		}
		for i := range got {
			if got[i] != src[i] {
				t.Fatalf("Read after Write of %d values: [%d] = %g; want %g", n, i, got[i], src[i])
			}
		}
		b.Fill(x, 2.5)
		y := b.Alloc(n)
		b.Write(y, src) // recorded after the Fill: goes through an upload buffer
		if err := b.Read(context.Background(), x, got); err != nil {
			t.Fatalf("Read: %v", err)
		}
		for i := range got {
			if got[i] != 2.5 {
				t.Fatalf("Fill(%d values, 2.5): [%d] = %g", n, i, got[i])
			}
		}
		if err := b.Read(context.Background(), y, got); err != nil {
			t.Fatalf("Read: %v", err)
		}
		for i := range got {
			if got[i] != src[i] {
				t.Fatalf("Write after Fill of %d values: [%d] = %g; want %g", n, i, got[i], src[i])
			}
		}
	}
}

func TestConformance(t *testing.T) {
	b := newBackend(t)
	start := time.Now()
	enginetest.TestBackend(t, b)
	t.Logf("conformance suite on %s took %v", b.Info().Adapter, time.Since(start).Round(time.Millisecond))
}

// TestConformanceSmallGrid reruns the conformance suite with maxComputeWorkgroupsPerDimension
// lowered to 16, so that every op on more than 1024 elements (or with more than 16 outputs
// of a reduction) runs on a 2-D grid of workgroups, as tensors beyond 65535 workgroups do
// on the real limits.
func TestConformanceSmallGrid(t *testing.T) {
	b := newBackend(t)
	defer setGridLimit(b, 16)()
	start := time.Now()
	enginetest.TestBackend(t, b)
	t.Logf("conformance suite with a grid limit of 16 took %v", time.Since(start).Round(time.Millisecond))
}

// setGridLimit lowers maxComputeWorkgroupsPerDimension as the backend sees it and returns a
// function that restores it.
func setGridLimit(b *Backend, n uint32) func() {
	saved := b.limits.MaxComputeWorkgroupsPerDimension
	b.limits.MaxComputeWorkgroupsPerDimension = n
	return func() { b.limits.MaxComputeWorkgroupsPerDimension = saved }
}

// TestMatMulSplit checks products that MatMul splits into several dispatches over row tiles
// and batches (with the grid limit lowered to 2) against the CPU backend.
func TestMatMulSplit(t *testing.T) {
	b := newBackend(t)
	defer setGridLimit(b, 2)()
	defer func() { b.matmulKernel = "" }()
	for _, kernel := range []string{"matmul", "matmul_small", ""} {
		b.matmulKernel = kernel
		testMatMulSplit(t, b)
	}
}

func testMatMulSplit(t *testing.T, b *Backend) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, g := range []engine.MatMulGeom{
		{Batch: 5, M: 100, K: 7, N: 40, StrideA: 700, StrideB: 280},
		{Batch: 3, M: 70, K: 33, N: 9, TransA: true, TransB: true, StrideA: 70 * 33},
		{Batch: 7, M: 65, K: 5, N: 3, TransB: true, StrideB: 15, SumBatch: true},
	} {
		av := randSlice(rng, (g.Batch-1)*g.StrideA+g.M*g.K)
		bv := randSlice(rng, (g.Batch-1)*g.StrideB+g.K*g.N)
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
				t.Fatalf("MatMul(%+v)[%d] = %g; want %g", g, i, got[i], want[i])
			}
		}
	}
}

// TestLargeTensor runs elementwise ops on more elements than 65535 workgroups hold, which
// needs a 2-D grid on the real limits.
func TestLargeTensor(t *testing.T) {
	b := newBackend(t)
	n := int(b.limits.MaxComputeWorkgroupsPerDimension)*workgroupSize + 1000
	dev := engine.NewDevice(b)
	x := dev.Full(1.5, n)
	start := time.Now()
	got := x.Mul(x).AddScalar(1).Data() // 3.25 everywhere
	t.Logf("two elementwise ops and a readback of %d elements: %v", n, time.Since(start).Round(time.Millisecond))
	for _, i := range []int{0, n / 2, n - 1} {
		if got[i] != 3.25 {
			t.Fatalf("(1.5·1.5 + 1)[%d] of %d = %g; want 3.25", i, n, got[i])
		}
	}
}

// TestStorageLimit checks that a tensor beyond maxStorageBufferBindingSize is refused with a
// message that names the limit, never silently truncated.
func TestStorageLimit(t *testing.T) {
	b := newBackend(t)
	n := int(b.limits.MaxStorageBufferBindingSize/4) + 1
	defer func() {
		r := recover()
		msg, _ := r.(string)
		want := "exceeds maxStorageBufferBindingSize"
		if !strings.Contains(msg, want) {
			t.Errorf("Alloc(%d) panicked with %v; want a message containing %q", n, r, want)
		}
	}()
	b.Alloc(n)
}

var (
	_ engine.Backend  = (*Backend)(nil)
	_ engine.Releaser = (*Backend)(nil)
)
