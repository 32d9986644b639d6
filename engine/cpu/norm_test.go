package cpu_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
)

// TestStandardizeMatchesComposition compares the CPU backend's fused Standardize with
// the engine's composition of elementwise ops (the backend hidden behind narrow): the
// output, the statistics, the gradient, and a second-order gradient through a graph of
// the first (CreateGraph), for BatchNorm's [N, C, H·W] and InstanceNorm's [1, N·C, H·W]
// views.
func TestStandardizeMatchesComposition(t *testing.T) {
	run := func(b engine.Backend, a, c, n int) [][]float32 {
		dev := engine.NewDevice(b)
		rng := rand.New(rand.NewPCG(3, 4))
		x := dev.Randn(rng, 0.5, 2, a, c, n).RequiresGrad()
		w := dev.Randn(rng, 0, 1, a, c, n)
		y, mean, variance := engine.Standardize(x, a, c, n, 1e-5)
		loss := y.Mul(w).Tanh().Sum()
		g := engine.Grad([]*engine.Tensor{loss}, []*engine.Tensor{x}, engine.GradOptions{CreateGraph: true})[0]
		gg := engine.Grad([]*engine.Tensor{g.Mul(g).Sum()}, []*engine.Tensor{x}, engine.GradOptions{})[0]
		g1 := engine.Grad([]*engine.Tensor{y.Mul(w).Tanh().Sum()}, []*engine.Tensor{x}, engine.GradOptions{})[0]
		return [][]float32{y.Data(), mean.Data(), variance.Data(), g.Data(), gg.Data(), g1.Data()}
	}
	names := []string{"y", "mean", "variance", "gradient (graph)", "second-order gradient", "gradient"}
	for _, s := range [][3]int{{4, 3, 10}, {1, 6, 37}, {8, 5, 1}} {
		want := run(narrow{cpu.New()}, s[0], s[1], s[2])
		got := run(cpu.New(), s[0], s[1], s[2])
		for k := range want {
			for i := range want[k] {
				if d := math.Abs(float64(got[k][i] - want[k][i])); d > 2e-4*math.Max(1, math.Abs(float64(want[k][i]))) {
					t.Fatalf("%v: %s[%d] = %v fused, %v composed", s, names[k], i, got[k][i], want[k][i])
				}
			}
		}
	}
}
