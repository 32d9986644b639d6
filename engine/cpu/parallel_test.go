package cpu

import (
	"math/rand/v2"
	"testing"

	"github.com/ganplay/ganplay/engine"
)

// TestParallelMatchesSerial runs ops large enough to be split across goroutines and checks
// that the result equals a one-goroutine run bit for bit (the conformance suite keeps its
// shapes small, below the split threshold).
func TestParallelMatchesSerial(t *testing.T) {
	serial, parallel := New(), New()
	serial.workers, parallel.workers = 1, 4
	rng := rand.New(rand.NewPCG(9, 9))
	run := func(b *Backend) map[string][]float32 {
		dev := engine.NewDevice(b)
		r := rand.New(rand.NewPCG(rng.Uint64(), 0))
		x := dev.Randn(r, 0, 1, 8, 16, 40, 40)
		w := dev.Randn(r, 0, 0.1, 24, 16, 3, 3)
		y := dev.Randn(r, 0, 1, 16, 1, 40)
		out := map[string][]float32{
			"unary":    x.Tanh().Data(),
			"binary":   x.Add(y).Data(),
			"sumKeep":  x.SumKeep(0, 2).Data(),
			"maxLast":  x.Max(3).Data(),
			"permute":  x.Permute(1, 3, 0, 2).Data(),
			"conv":     engine.Conv2d(x, w, nil, 1, 1).Data(),
			"convT":    engine.ConvTranspose2d(x, w.Permute(1, 0, 2, 3), nil, 2, 1, 1).Data(),
			"matmul3d": engine.MatMul(x.Reshape(8, 640, 40), x.Reshape(8, 640, 40), true, false).Data(),
		}
		return out
	}
	seed := rng.Uint64()
	rng = rand.New(rand.NewPCG(seed, 0))
	want := run(serial)
	rng = rand.New(rand.NewPCG(seed, 0))
	got := run(parallel)
	for name, w := range want {
		g := got[name]
		for i := range w {
			if g[i] != w[i] {
				t.Errorf("%s[%d] = %v with 4 workers; want %v as with 1", name, i, g[i], w[i])
				break
			}
		}
	}
}
