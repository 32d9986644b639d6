package enginetest

import (
	"fmt"
	"slices"
	"testing"

	"github.com/ganplay/ganplay/engine"
)

// testKinks checks the gradients that the engine documents at the points where an op is not
// differentiable, which finite differences cannot check: Relu'(0) = 0, Abs'(0) = 0,
// LeakyRelu'(0) = slope, Clamp' = 1 on the closed interval [lo, hi], Maximum sends a tie to
// its first operand, Max shares a tie equally, and Sign and Eq pass no gradient. The
// expected values are written by hand.
func testKinks(t *testing.T, dev *engine.Device) {
	defer recoverPanic(t, "kinks")
	for _, c := range []struct {
		desc      string
		x         []float32
		shape     []int
		run       func(x *engine.Tensor) *engine.Tensor
		want      []float32 // the op's result
		wantGrad  []float32 // d/dx Σ op(x)
		wantShape []int
	}{
		{"Relu(x)", []float32{-1, 0, 2}, []int{3}, (*engine.Tensor).Relu,
			[]float32{0, 0, 2}, []float32{0, 0, 1}, []int{3}},
		{"Abs(x)", []float32{-1, 0, 2}, []int{3}, (*engine.Tensor).Abs,
			[]float32{1, 0, 2}, []float32{-1, 0, 1}, []int{3}},
		{"LeakyRelu(x, 0.2)", []float32{-1, 0, 2}, []int{3}, func(x *engine.Tensor) *engine.Tensor { return x.LeakyRelu(0.2) },
			[]float32{-0.2, 0, 2}, []float32{0.2, 0.2, 1}, []int{3}},
		{"Clamp(x, -0.5, 0.5)", []float32{-1, -0.5, 0, 0.5, 1}, []int{5}, func(x *engine.Tensor) *engine.Tensor { return x.Clamp(-0.5, 0.5) },
			[]float32{-0.5, -0.5, 0, 0.5, 0.5}, []float32{0, 1, 1, 1, 0}, []int{5}},
		{"Sign(x)", []float32{-1, 0, 2}, []int{3}, (*engine.Tensor).Sign,
			[]float32{-1, 0, 1}, []float32{0, 0, 0}, []int{3}},
		{"Eq(x, Flip(x, 0))", []float32{1, 2, 3}, []int{3}, func(x *engine.Tensor) *engine.Tensor { return x.Eq(x.Flip(0)) },
			[]float32{0, 1, 0}, []float32{0, 0, 0}, []int{3}},
		{"Maximum(x, Full(1))", []float32{0, 1, 2}, []int{3}, func(x *engine.Tensor) *engine.Tensor { return x.Maximum(dev.Full(1, 3)) },
			[]float32{1, 1, 2}, []float32{0, 1, 1}, []int{3}},
		{"Maximum(Full(1), x)", []float32{0, 1, 2}, []int{3}, func(x *engine.Tensor) *engine.Tensor { return dev.Full(1, 3).Maximum(x) },
			[]float32{1, 1, 2}, []float32{0, 0, 1}, []int{3}},
		{"Max(x)", []float32{1, 3, 3, 2}, []int{4}, func(x *engine.Tensor) *engine.Tensor { return x.Max() },
			[]float32{3}, []float32{0, 0.5, 0.5, 0}, []int{}},
		{"MaxKeep(x, 1)", []float32{3, 3, 3, 1, 2, 2}, []int{2, 3}, func(x *engine.Tensor) *engine.Tensor { return x.MaxKeep(1) },
			[]float32{3, 2}, []float32{1.0 / 3, 1.0 / 3, 1.0 / 3, 0, 0.5, 0.5}, []int{2, 1}},
		{"Max(x, 0)", []float32{-1, 5, -1, 5}, []int{2, 2}, func(x *engine.Tensor) *engine.Tensor { return x.Max(0) },
			[]float32{-1, 5}, []float32{0.5, 0.5, 0.5, 0.5}, []int{2}},
	} {
		x := dev.FromSlice(c.x, c.shape...).RequiresGrad()
		y := c.run(x)
		if !slices.Equal(y.Shape(), c.wantShape) {
			t.Errorf("%s with x = %v has shape %v; want %v", c.desc, c.x, y.Shape(), c.wantShape)
			continue
		}
		wantClose(t, c.desc+" with x = "+fmt.Sprint(c.x), y, c.want)
		g := engine.Grad([]*engine.Tensor{y}, []*engine.Tensor{x}, engine.GradOptions{})
		wantClose(t, "d/dx "+c.desc+" with x = "+fmt.Sprint(c.x), g[0], c.wantGrad)
	}
}
