package bench

import (
	"math/rand/v2"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/models/toy2d"
)

// The workloads of torch_bench.py, measured here on the CPU backend; `make bench` prints
// them side by side with PyTorch's.

func BenchmarkToyGAN(b *testing.B) {
	m, err := NewToyGAN(engine.NewDevice(cpu.New()), toy2d.Ring8{}, 1, 128, 256, 2e-4)
	if err != nil {
		b.Fatal(err)
	}
	Loop(b, func() { m.Step() })
}

func BenchmarkDCGAN(b *testing.B) {
	dev := engine.NewDevice(cpu.New())
	m, err := NewDCGAN(dev, 1, 64)
	if err != nil {
		b.Fatal(err)
	}
	x := dev.Rand(rand.New(rand.NewPCG(2, 3)), -1, 1, 64, 1, 28, 28)
	Loop(b, func() { m.Step(x) })
}

// BenchmarkMatMul512 is a 512³ product inside Device.Scope (the output's storage is
// reused).
func BenchmarkMatMul512(b *testing.B) {
	dev := engine.NewDevice(cpu.New())
	rng := rand.New(rand.NewPCG(4, 5))
	x, y := dev.Randn(rng, 0, 1, 512, 512), dev.Randn(rng, 0, 1, 512, 512)
	Loop(b, func() { dev.Scope(func() []*engine.Tensor { x.MatMul(y); return nil }) })
	b.ReportMetric(2*512*512*512*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}

// BenchmarkConv2d is a 3×3 convolution, 32 → 32 channels on one 64×64 image (padding 1),
// forward only, inside Device.Scope as in a training step (so the patch matrix and the
// output reuse the previous iteration's storage, as PyTorch's allocator would).
func BenchmarkConv2d(b *testing.B) {
	dev := engine.NewDevice(cpu.New())
	rng := rand.New(rand.NewPCG(6, 7))
	x, w := dev.Randn(rng, 0, 1, 1, 32, 64, 64), dev.Randn(rng, 0, 0.1, 32, 32, 3, 3)
	bias := dev.Zeros(32)
	Loop(b, func() {
		dev.Scope(func() []*engine.Tensor { engine.Conv2d(x, w, bias, 1, 1); return nil })
	})
}

func BenchmarkPix2pix(b *testing.B) {
	m, src, err := NewPix2pix(engine.NewDevice(cpu.New()), 1)
	if err != nil {
		b.Fatal(err)
	}
	Loop(b, func() {
		if _, err := m.Step(src); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkCycleGAN(b *testing.B) {
	m, src, err := NewCycleGAN(engine.NewDevice(cpu.New()), 1)
	if err != nil {
		b.Fatal(err)
	}
	Loop(b, func() {
		if _, err := m.Step(src); err != nil {
			b.Fatal(err)
		}
	})
}
