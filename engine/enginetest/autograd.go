package enginetest

import (
	"math"
	"slices"
	"testing"

	"github.com/ganplay/ganplay/engine"
)

// testAutograd checks the behaviour of differentiation that no single op shows: detaching,
// accumulation, grad-free regions, inputs the output does not depend on, and the options of
// Grad.
func testAutograd(t *testing.T, dev *engine.Device) {
	t.Run("Detach", func(t *testing.T) { testDetach(t, dev) })
	t.Run("Accumulate", func(t *testing.T) { testAccumulate(t, dev) })
	t.Run("NoGrad", func(t *testing.T) { testNoGrad(t, dev) })
	t.Run("Unrelated", func(t *testing.T) { testUnrelated(t, dev) })
	t.Run("GradOptions", func(t *testing.T) { testGradOptions(t, dev) })
	t.Run("Kinks", func(t *testing.T) { testKinks(t, dev) })
}

// mapData applies f to every element of d.
func mapData(d []float32, f func(float32) float32) []float32 {
	out := make([]float32, len(d))
	for i, v := range d {
		out[i] = f(v)
	}
	return out
}

// wantClose reports an error unless x is within forwardTol of want, element for element.
func wantClose(t *testing.T, what string, x *engine.Tensor, want []float32) {
	t.Helper()
	a := &array{shape: x.Shape(), data: make([]float64, len(want))}
	for i, v := range want {
		a.data[i] = float64(v)
	}
	if x.Len() != len(want) {
		t.Errorf("%s has %d elements; want %d", what, x.Len(), len(want))
		return
	}
	compare(t, what, x, a, nil, forwardTol, 1)
}

var xData = []float32{0.5, -1.25, 2, 0.75, -0.5, 1.5}

func testDetach(t *testing.T, dev *engine.Device) {
	defer recoverPanic(t, "detach")
	x := dev.FromSlice(xData, 2, 3).RequiresGrad()
	d := x.Detach()
	if d.NeedsGrad() {
		t.Errorf("x.Detach().NeedsGrad() = true; want false")
	}
	wantData(t, "x.Detach()", d, xData)
	if !slices.Equal(d.Shape(), x.Shape()) {
		t.Errorf("x.Detach() has shape %v; want %v", d.Shape(), x.Shape())
	}
	// d/dx Σ x·detach(x) = detach(x): no gradient flows through the detached factor.
	y := x.Mul(x.Detach()).Sum()
	g := engine.Grad([]*engine.Tensor{y}, []*engine.Tensor{x}, engine.GradOptions{})
	wantClose(t, "d/dx Sum(x·x.Detach())", g[0], xData)
	// A tensor computed only from detached values does not need grad.
	if z := x.Detach().Exp(); z.NeedsGrad() {
		t.Errorf("x.Detach().Exp().NeedsGrad() = true; want false")
	}
	// Detaching an intermediate result cuts the graph there too.
	h := x.Exp()
	w := h.Detach().Mul(x).Sum()
	g = engine.Grad([]*engine.Tensor{w}, []*engine.Tensor{x}, engine.GradOptions{})
	wantClose(t, "d/dx Sum(Exp(x).Detach()·x)", g[0], read(t, h))
}

func testAccumulate(t *testing.T, dev *engine.Device) {
	defer recoverPanic(t, "accumulate")
	x := dev.FromSlice(xData, 2, 3).RequiresGrad()
	twice := mapData(xData, func(v float32) float32 { return 2 * v })

	// A tensor used twice in one op gets both contributions.
	y := x.Mul(x).Sum()
	y.Backward()
	if x.Grad == nil {
		t.Fatalf("x.Grad = nil after Sum(x·x).Backward()")
	}
	wantClose(t, "x.Grad after Sum(x·x).Backward()", x.Grad, twice)
	// Backward twice accumulates.
	y.Backward()
	wantClose(t, "x.Grad after Sum(x·x).Backward() twice", x.Grad, mapData(xData, func(v float32) float32 { return 4 * v }))
	x.ZeroGrad()
	if x.Grad != nil {
		t.Errorf("x.Grad = %v after ZeroGrad; want nil", x.Grad)
	}

	// A tensor used by two branches gets the sum of both.
	x.Exp().Add(x.Scale(3)).Add(x).Sum().Backward()
	wantClose(t, "x.Grad of Sum(Exp(x) + 3x + x)", x.Grad, mapData(xData, func(v float32) float32 { return float32(math.Exp(float64(v))) + 4 }))
	x.ZeroGrad()

	// x + x and Square(x).
	x.Add(x).Sum().Backward()
	wantClose(t, "x.Grad of Sum(x + x)", x.Grad, slices.Repeat([]float32{2}, 6))
	x.ZeroGrad()
	x.Square().Sum().Backward()
	wantClose(t, "x.Grad of Sum(Square(x))", x.Grad, twice)

	// Only leaves accumulate Grad; an intermediate result keeps nil.
	x.ZeroGrad()
	h := x.Exp()
	h.Sum().Backward()
	if h.Grad != nil {
		t.Errorf("Exp(x).Grad = %v after Backward; want nil (not a leaf)", h.Grad)
	}
	// Two leaves in one loss.
	w := dev.FromSlice([]float32{1, -2, 3}, 3).RequiresGrad()
	x.ZeroGrad()
	x.Mul(w).Sum().Backward()
	wantClose(t, "x.Grad of Sum(x·w)", x.Grad, []float32{1, -2, 3, 1, -2, 3})
	wantClose(t, "w.Grad of Sum(x·w)", w.Grad, []float32{0.5 + 0.75, -1.25 - 0.5, 2 + 1.5})
}

func testNoGrad(t *testing.T, dev *engine.Device) {
	defer recoverPanic(t, "no grad")
	x := dev.FromSlice(xData, 2, 3).RequiresGrad()
	if !dev.GradEnabled() {
		t.Fatalf("GradEnabled() = false on a new device")
	}
	var y, z *engine.Tensor
	dev.NoGrad(func() {
		if dev.GradEnabled() {
			t.Errorf("GradEnabled() = true inside NoGrad")
		}
		y = x.Mul(x).Sum()
		dev.NoGrad(func() { z = engine.MatMul(x, x, false, true) })
		if dev.GradEnabled() {
			t.Errorf("GradEnabled() = true after a nested NoGrad returned")
		}
	})
	if !dev.GradEnabled() {
		t.Errorf("GradEnabled() = false after NoGrad returned")
	}
	if y.NeedsGrad() || z.NeedsGrad() {
		t.Errorf("results made inside NoGrad: NeedsGrad %v, %v; want false, false", y.NeedsGrad(), z.NeedsGrad())
	}
	// The values are still computed.
	var ss float32
	for _, v := range xData {
		ss += v * v
	}
	wantClose(t, "Sum(x·x) inside NoGrad", y, []float32{ss})
	// Nothing was recorded: the gradient with respect to x is zero.
	g := engine.Grad([]*engine.Tensor{y}, []*engine.Tensor{x}, engine.GradOptions{})
	wantData(t, "d/dx of a result made inside NoGrad", g[0], make([]float32, 6))
	// Recording resumes afterwards.
	if w := x.Mul(x); !w.NeedsGrad() {
		t.Errorf("x·x after NoGrad: NeedsGrad() = false; want true")
	}
}

func testUnrelated(t *testing.T, dev *engine.Device) {
	defer recoverPanic(t, "unrelated")
	x := dev.FromSlice(xData, 2, 3).RequiresGrad()
	z := dev.FromSlice([]float32{1, 2, 3, 4}, 4, 1).RequiresGrad()
	c := dev.FromSlice([]float32{5, 6}, 2) // does not require grad
	y := x.Exp()
	g := engine.Grad([]*engine.Tensor{y}, []*engine.Tensor{x, z, c}, engine.GradOptions{})
	wantClose(t, "d/dx Exp(x)", g[0], mapData(xData, func(v float32) float32 { return float32(math.Exp(float64(v))) }))
	for i, in := range []*engine.Tensor{z, c} {
		if !slices.Equal(g[i+1].Shape(), in.Shape()) {
			t.Errorf("gradient of an unrelated input of shape %v has shape %v", in.Shape(), g[i+1].Shape())
			continue
		}
		wantData(t, "gradient of an unrelated input", g[i+1], make([]float32, in.Len()))
	}
	// The same through Backward: z.Grad stays nil, and a second leaf on another path too.
	y.Sum().Backward()
	if z.Grad != nil {
		t.Errorf("z.Grad = %v after the Backward of a loss that does not depend on z; want nil", z.Grad)
	}
}

func testGradOptions(t *testing.T, dev *engine.Device) {
	defer recoverPanic(t, "grad options")
	x := dev.FromSlice(xData, 2, 3).RequiresGrad()
	sq := x.Square()
	// Grad leaves Grad fields alone.
	g := engine.Grad([]*engine.Tensor{sq}, []*engine.Tensor{x}, engine.GradOptions{})
	if x.Grad != nil {
		t.Errorf("x.Grad = %v after Grad; want nil", x.Grad)
	}
	// Nil seeds mean ones.
	wantClose(t, "d/dx Square(x) with nil seeds", g[0], mapData(xData, func(v float32) float32 { return 2 * v }))
	if g[0].NeedsGrad() {
		t.Errorf("Grad without CreateGraph returned a gradient that needs grad")
	}
	// Seeds weight each output; several outputs add up.
	s := dev.FromSlice([]float32{1, 0, -1, 2, 0.5, 3}, 2, 3)
	cube := x.Pow(3)
	g = engine.Grad([]*engine.Tensor{sq, cube}, []*engine.Tensor{x}, engine.GradOptions{Seeds: []*engine.Tensor{s, nil}})
	sd := read(t, s)
	want := make([]float32, 6)
	for i, v := range xData {
		want[i] = sd[i]*2*v + 3*v*v
	}
	wantClose(t, "d/dx (⟨s, Square(x)⟩ + Sum(x³))", g[0], want)
	// CreateGraph gives a gradient that can be differentiated again: d²/dx² Σx³ = 6x.
	g = engine.Grad([]*engine.Tensor{cube}, []*engine.Tensor{x}, engine.GradOptions{CreateGraph: true})
	if !g[0].NeedsGrad() {
		t.Fatalf("Grad with CreateGraph returned a gradient that does not need grad")
	}
	h := engine.Grad([]*engine.Tensor{g[0]}, []*engine.Tensor{x}, engine.GradOptions{})
	wantClose(t, "d/dx Sum(d/dx Sum(x³))", h[0], mapData(xData, func(v float32) float32 { return 6 * v }))
	// A gradient penalty: ‖∇ₓ Σ tanh(w·x)‖² differentiated with respect to w.
	w := dev.FromSlice([]float32{0.3, -0.7, 1.1}, 3).RequiresGrad()
	gx := engine.Grad([]*engine.Tensor{x.Mul(w).Tanh().Sum()}, []*engine.Tensor{x}, engine.GradOptions{CreateGraph: true})[0]
	gw := engine.Grad([]*engine.Tensor{gx.Square().Sum()}, []*engine.Tensor{w}, engine.GradOptions{})[0]
	// Reference: gx = w·(1 - t²) with t = tanh(w·x); d/dw Σ gx² = Σ_rows 2·gx·((1 - t²) - 2·w·t·(1 - t²)·x).
	wantW := make([]float64, 3)
	wd := []float64{0.3, -0.7, 1.1}
	for i, v := range xData {
		j := i % 3
		th := math.Tanh(wd[j] * float64(v))
		s := 1 - th*th
		gxi := wd[j] * s
		wantW[j] += 2 * gxi * (s - 2*wd[j]*th*s*float64(v))
	}
	ref := &array{shape: []int{3}, data: wantW}
	compare(t, "d/dw ‖∇ₓ Sum(Tanh(x·w))‖²", gw, ref, nil, gradTol, 4)
}
