package engine_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
)

// mlp64 is the critic f(x) = w2·tanh(W1·x + b1) + b2 in float64, for reference values.
type mlp64 struct {
	w1     [][]float64 // [h][d]
	b1, w2 []float64   // [h]
	b2     float64
}

// penalty returns Σ_i ‖∇_x f(x_i)‖², with ∇_x f = W1ᵀ (w2 ⊙ (1 - tanh²(W1·x + b1))).
func (m mlp64) penalty(xs [][]float64) float64 {
	var p float64
	for _, x := range xs {
		grad := make([]float64, len(x))
		for j := range m.w1 {
			a := m.b1[j]
			for k, v := range x {
				a += m.w1[j][k] * v
			}
			t := math.Tanh(a)
			s := m.w2[j] * (1 - t*t)
			for k := range grad {
				grad[k] += m.w1[j][k] * s
			}
		}
		for _, g := range grad {
			p += g * g
		}
	}
	return p
}

// TestGradientOfGradient checks d/dθ Σ‖∇_x f(x)‖² of an MLP critic, the quantity WGAN-GP's
// penalty needs, against central finite differences of an independent float64 formula.
func TestGradientOfGradient(t *testing.T) {
	const n, d, h = 5, 2, 7
	rng := rand.New(rand.NewPCG(1, 2))
	ref := mlp64{w1: make([][]float64, h), b1: make([]float64, h), w2: make([]float64, h), b2: 0.3}
	for j := range ref.w1 {
		ref.w1[j] = []float64{rng.NormFloat64(), rng.NormFloat64()}
		ref.b1[j], ref.w2[j] = rng.NormFloat64(), rng.NormFloat64()
	}
	xs := make([][]float64, n)
	for i := range xs {
		xs[i] = []float64{rng.NormFloat64(), rng.NormFloat64()}
	}

	dev := engine.NewDevice(cpu.New())
	flat := func(rows [][]float64) []float32 {
		var out []float32
		for _, r := range rows {
			for _, v := range r {
				out = append(out, float32(v))
			}
		}
		return out
	}
	w1 := dev.FromSlice(flat(ref.w1), h, d).RequiresGrad()
	b1 := dev.FromSlice(flat([][]float64{ref.b1}), h).RequiresGrad()
	w2 := dev.FromSlice(flat([][]float64{ref.w2}), 1, h).RequiresGrad()
	b2 := dev.FromSlice([]float32{float32(ref.b2)}, 1).RequiresGrad()
	x := dev.FromSlice(flat(xs), n, d).RequiresGrad()

	f := engine.MatMul(engine.MatMul(x, w1, false, true).Add(b1).Tanh(), w2, false, true).Add(b2)
	gx := engine.Grad([]*engine.Tensor{f}, []*engine.Tensor{x}, engine.GradOptions{CreateGraph: true})[0]
	p := gx.Mul(gx).Sum()
	if got, want := float64(p.Item()), ref.penalty(xs); math.Abs(got-want) > 1e-4*(1+math.Abs(want)) {
		t.Fatalf("penalty = %v; want %v", got, want)
	}
	p.Backward()
	if b2.Grad != nil { // b2 may get no gradient at all, or an exact zero
		if g := b2.Grad.Item(); math.Abs(float64(g)) > 1e-6 {
			t.Errorf("d penalty/d b2 = %v; want 0 (the bias does not change ∇_x f)", g)
		}
	}

	// Finite differences over every element of W1, b1 and w2.
	const eps = 1e-6
	check := func(name string, got []float32, elem func(i int) *float64) {
		for i := range got {
			v := elem(i)
			old := *v
			*v = old + eps
			up := ref.penalty(xs)
			*v = old - eps
			down := ref.penalty(xs)
			*v = old
			want := (up - down) / (2 * eps)
			if math.Abs(float64(got[i])-want) > 1e-3*(1+math.Abs(want)) {
				t.Errorf("d penalty/d %s[%d] = %v; want %v", name, i, got[i], want)
			}
		}
	}
	check("W1", w1.Grad.Data(), func(i int) *float64 { return &ref.w1[i/d][i%d] })
	check("b1", b1.Grad.Data(), func(i int) *float64 { return &ref.b1[i] })
	check("w2", w2.Grad.Data(), func(i int) *float64 { return &ref.w2[i] })
}
