package models

import (
	"math"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/engine/nn"
)

// reluCritic64 is f(x) = w2·relu(W1 x + b1) + b2 in float64, the reference for the penalty.
type reluCritic64 struct {
	w1     [3][2]float64
	b1, w2 [3]float64
}

// penalty returns mean_i (‖∇f(x̂_i)‖ - 1)² with x̂_i = ε_i x_i + (1 - ε_i) x̃_i and
// ∇f(x̂) = W1ᵀ (w2 ⊙ 1[W1 x̂ + b1 > 0]).
func (c reluCritic64) penalty(x, xt [][2]float64, eps []float64) float64 {
	s := 0.0
	for i := range x {
		var h, g [2]float64
		for k := range 2 {
			h[k] = eps[i]*x[i][k] + (1-eps[i])*xt[i][k]
		}
		for j := range 3 {
			if c.w1[j][0]*h[0]+c.w1[j][1]*h[1]+c.b1[j] > 0 {
				g[0] += c.w1[j][0] * c.w2[j]
				g[1] += c.w1[j][1] * c.w2[j]
			}
		}
		n := math.Hypot(g[0], g[1])
		s += (n - 1) * (n - 1)
	}
	return s / float64(len(x))
}

// TestGradientPenalty compares GradientPenalty of a small ReLU critic with fixed weights
// against the float64 formula above, and its derivative in one weight of W1 (which needs the
// gradient of a gradient) against a central difference of that formula.
func TestGradientPenalty(t *testing.T) {
	ref := reluCritic64{
		w1: [3][2]float64{{1.5, -0.5}, {0.25, 2}, {-1, 0.75}},
		b1: [3]float64{0.1, -0.2, 0.3},
		w2: [3]float64{0.8, -1.2, 0.6},
	}
	x := [][2]float64{{0.5, 0.25}, {-0.75, 1}, {1.25, -0.5}, {0.1, 0.9}}
	xt := [][2]float64{{-0.5, 0.5}, {0.25, -1}, {0.5, 0.5}, {-1, -0.25}}
	eps := []float64{0.3, 0.9, 0.5, 0.1}

	dev := engine.NewDevice(cpu.New())
	l1 := &nn.Linear{Weight: dev.FromSlice(flat32(ref.w1[:]), 3, 2).RequiresGrad(),
		Bias: dev.FromSlice(f32s(ref.b1[:]), 3).RequiresGrad()}
	l2 := &nn.Linear{Weight: dev.FromSlice(f32s(ref.w2[:]), 1, 3).RequiresGrad(),
		Bias: dev.FromSlice([]float32{0.05}, 1).RequiresGrad()}
	critic := nn.NewSequential(l1, nn.ReLU{}, l2)
	gp := GradientPenalty(critic.Forward, dev.FromSlice(flat32(x), 4, 2), dev.FromSlice(flat32(xt), 4, 2),
		dev.FromSlice(f32s(eps), 4, 1))
	want := ref.penalty(x, xt, eps)
	if got := float64(gp.Item()); math.Abs(got-want) > 1e-5*(1+want) {
		t.Fatalf("GradientPenalty = %.7f; want %.7f", got, want)
	}

	gs := engine.Grad([]*engine.Tensor{gp}, []*engine.Tensor{l1.Weight}, engine.GradOptions{})
	got := gs[0].Data()
	const h = 1e-6
	for j := range 3 {
		for k := range 2 {
			hi, lo := ref, ref
			hi.w1[j][k] += h
			lo.w1[j][k] -= h
			fd := (hi.penalty(x, xt, eps) - lo.penalty(x, xt, eps)) / (2 * h)
			if g := float64(got[2*j+k]); math.Abs(g-fd) > 1e-4*(1+math.Abs(fd)) {
				t.Errorf("∂GP/∂W1[%d][%d] = %.6f; central difference %.6f", j, k, g, fd)
			}
		}
	}
}

func flat32(rows [][2]float64) []float32 {
	out := make([]float32, 0, 2*len(rows))
	for _, r := range rows {
		out = append(out, float32(r[0]), float32(r[1]))
	}
	return out
}

func f32s(v []float64) []float32 {
	out := make([]float32, len(v))
	for i, x := range v {
		out[i] = float32(x)
	}
	return out
}
