package enginetest

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/ganplay/ganplay/engine"
)

// testTensor checks the tensor plumbing that every op relies on: moving data in and out,
// constant tensors, copies, in-place writes, shape accessors, random tensors and the panics
// on mismatched shapes.
func testTensor(t *testing.T, dev *engine.Device) {
	t.Run("RoundTrip", func(t *testing.T) { testRoundTrip(t, dev) })
	t.Run("ReadAll", func(t *testing.T) { testReadAll(t, dev) })
	t.Run("Constants", func(t *testing.T) { testConstants(t, dev) })
	t.Run("CopySet", func(t *testing.T) { testCopySet(t, dev) })
	t.Run("Random", func(t *testing.T) { testRandom(t, dev) })
	t.Run("Panics", func(t *testing.T) { testPanics(t, dev) })
}

// wantData reports an error unless x holds exactly want, element for element.
func wantData(t *testing.T, what string, x *engine.Tensor, want []float32) {
	t.Helper()
	got := read(t, x)
	if len(got) != len(want) {
		t.Errorf("%s has %d elements; want %d", what, len(got), len(want))
		return
	}
	bad := 0
	for i := range got {
		if got[i] != want[i] && !(math.IsNaN(float64(got[i])) && math.IsNaN(float64(want[i]))) {
			bad++
			if bad <= maxReports {
				t.Errorf("%s[%d] = %v; want %v", what, i, got[i], want[i])
			}
		}
	}
	if bad > maxReports {
		t.Errorf("%s: %d of %d elements differ", what, bad, len(got))
	}
}

// testReadAll reads several tensors of different sizes (an empty one among them) at once,
// after ops that are still pending, and checks each against its own Read.
func testReadAll(t *testing.T, dev *engine.Device) {
	defer recoverPanic(t, "read all")
	r := newRand("read all")
	var ts []*engine.Tensor
	for _, shape := range [][]int{{3}, {2, 5}, {0}, {1}, {17, 3}, {257}} {
		data := make([]float32, numel(shape))
		for i := range data {
			data[i] = float32(r.NormFloat64())
		}
		x := dev.FromSlice(data, shape...)
		ts = append(ts, x.Scale(2).AddScalar(1)) // pending work the read must wait for
	}
	got, err := engine.ReadAll(context.Background(), ts...)
	if err != nil {
		t.Fatalf("ReadAll: %v", err)
	}
	if len(got) != len(ts) {
		t.Fatalf("ReadAll returned %d slices for %d tensors", len(got), len(ts))
	}
	for i, x := range ts {
		wantData(t, fmt.Sprintf("ReadAll[%d] (shape %v)", i, x.Shape()), x, got[i])
	}
	if none, err := engine.ReadAll(context.Background()); err != nil || none != nil {
		t.Errorf("ReadAll() = %v, %v; want nil, nil", none, err)
	}
}

func testRoundTrip(t *testing.T, dev *engine.Device) {
	defer recoverPanic(t, "round trip")
	if dev.Backend().Name() == "" {
		t.Errorf("Backend().Name() = \"\"; want a name")
	}
	r := newRand("round trip")
	for _, shape := range [][]int{{}, {1}, {5}, {3, 4}, {2, 1, 3}, {2, 3, 4, 5}, {257}, {3, 0}} {
		n := numel(shape)
		data := make([]float32, n)
		for i := range data {
			data[i] = float32(r.NormFloat64())
		}
		// Values of every magnitude survive the trip unchanged.
		special := []float32{0, -1.5, 1e30, -1e-30, 3.4e38, float32(math.Copysign(0, -1))}
		copy(data, special[:min(n, len(special))])
		x := dev.FromSlice(data, shape...)
		wantData(t, "FromSlice(…).Data()", x, data)
		if got := x.Data(); !slices.Equal(got, data) {
			t.Errorf("FromSlice(%v).Data() = %v; want %v", shape, got, data)
		}
		got, err := x.Read(context.Background())
		if err != nil || !slices.Equal(got, data) {
			t.Errorf("FromSlice(%v).Read() = %v, %v; want %v, nil", shape, got, err, data)
		}
		if !slices.Equal(x.Shape(), shape) || x.Rank() != len(shape) || x.Len() != n {
			t.Errorf("FromSlice(%v): Shape %v, Rank %d, Len %d; want %v, %d, %d", shape, x.Shape(), x.Rank(), x.Len(), shape, len(shape), n)
		}
		if len(shape) > 0 {
			if got := x.Dim(-1); got != shape[len(shape)-1] {
				t.Errorf("FromSlice(%v).Dim(-1) = %d; want %d", shape, got, shape[len(shape)-1])
			}
			want := make([]int, len(shape))
			for s, d := 1, len(shape)-1; d >= 0; d-- {
				want[d], s = s, s*shape[d]
			}
			if got := x.Strides(); !slices.Equal(got, want) {
				t.Errorf("FromSlice(%v).Strides() = %v; want %v", shape, got, want)
			}
			// Shape returns a copy.
			x.Shape()[0] = 99
			if x.Shape()[0] != shape[0] {
				t.Errorf("writing to Shape() of %v changed the tensor's shape", shape)
			}
		}
		if x.Device() != dev || x.Buffer().Len() != n {
			t.Errorf("FromSlice(%v): Device %p, Buffer().Len() %d; want %p, %d", shape, x.Device(), x.Buffer().Len(), dev, n)
		}
	}
	if got := dev.FromSlice([]float32{-2.5}).Item(); got != -2.5 {
		t.Errorf("FromSlice([-2.5]).Item() = %v; want -2.5", got)
	}
}

func testConstants(t *testing.T, dev *engine.Device) {
	defer recoverPanic(t, "constants")
	for _, shape := range [][]int{{}, {1}, {7}, {3, 4}, {2, 1, 3}, {300}} {
		n := numel(shape)
		for _, v := range []float32{0, 1, -2.5, 1e-3} {
			x := dev.Full(v, shape...)
			if !slices.Equal(x.Shape(), shape) {
				t.Errorf("Full(%v, %v) has shape %v", v, shape, x.Shape())
			}
			wantData(t, "Full", x, slices.Repeat([]float32{v}, n))
		}
		z := dev.Zeros(shape...)
		if !slices.Equal(z.Shape(), shape) {
			t.Errorf("Zeros(%v) has shape %v", shape, z.Shape())
		}
		wantData(t, "Zeros", z, make([]float32, n))
	}
	s := dev.Scalar(3.25)
	if len(s.Shape()) != 0 || s.Item() != 3.25 {
		t.Errorf("Scalar(3.25) = %v; want shape [] and value 3.25", s)
	}
	// A Fill must not leak into later allocations.
	dev.Full(7, 64)
	wantData(t, "Zeros after Full", dev.Zeros(64), make([]float32, 64))
}

func testCopySet(t *testing.T, dev *engine.Device) {
	defer recoverPanic(t, "copy and set")
	orig := []float32{1, 2, 3, 4, 5, 6}
	x := dev.FromSlice(slices.Clone(orig), 2, 3).RequiresGrad()
	c := x.Copy()
	if c.NeedsGrad() || !slices.Equal(c.Shape(), []int{2, 3}) {
		t.Errorf("Copy() of a leaf that requires grad: NeedsGrad %v, shape %v; want false, [2 3]", c.NeedsGrad(), c.Shape())
	}
	x.SetData([]float32{-1, -2, -3, -4, -5, -6})
	wantData(t, "x after SetData", x, []float32{-1, -2, -3, -4, -5, -6})
	wantData(t, "Copy() after SetData on the original", c, orig)

	y := dev.Zeros(2, 3).RequiresGrad()
	y.Set(c)
	wantData(t, "y after y.Set(c)", y, orig)
	if !y.NeedsGrad() {
		t.Errorf("Set cleared RequiresGrad of the destination")
	}
	c.SetData([]float32{9, 9, 9, 9, 9, 9})
	wantData(t, "y after changing Set's source", y, orig)

	// Set keeps the tensor's identity: a graph built on y sees the new values.
	z := y.Scale(2)
	y.Set(dev.Full(1, 2, 3))
	wantData(t, "y after Set(Full(1))", y, slices.Repeat([]float32{1}, 6))
	wantData(t, "y.Scale(2) before Set", z, []float32{2, 4, 6, 8, 10, 12})
	g := engine.Grad([]*engine.Tensor{z}, []*engine.Tensor{y}, engine.GradOptions{})
	wantData(t, "d/dy Sum(y.Scale(2))", g[0], slices.Repeat([]float32{2}, 6))
}

func testRandom(t *testing.T, dev *engine.Device) {
	defer recoverPanic(t, "random")
	newRng := func() *rand.Rand { return rand.New(rand.NewPCG(1, 2)) }
	u := dev.Rand(newRng(), -0.5, 1.5, 1000)
	for i, v := range read(t, u) {
		if v < -0.5 || v >= 1.5 {
			t.Errorf("Rand(-0.5, 1.5)[%d] = %v; want in [-0.5, 1.5)", i, v)
			break
		}
	}
	wantData(t, "Rand with the same seed", dev.Rand(newRng(), -0.5, 1.5, 1000), read(t, u))
	nrm := dev.Randn(newRng(), 3, 0.5, 2000)
	var m, s2 float64
	d := read(t, nrm)
	for _, v := range d {
		m += float64(v)
	}
	m /= float64(len(d))
	for _, v := range d {
		s2 += (float64(v) - m) * (float64(v) - m)
	}
	sd := math.Sqrt(s2 / float64(len(d)))
	if math.Abs(m-3) > 0.05 || math.Abs(sd-0.5) > 0.05 {
		t.Errorf("Randn(3, 0.5) of 2000 draws: mean %.4f, std %.4f; want 3, 0.5", m, sd)
	}
	wantData(t, "Randn with the same seed", dev.Randn(newRng(), 3, 0.5, 2000), d)
}

// testPanics checks that mismatched shapes panic with a message starting "engine: ".
func testPanics(t *testing.T, dev *engine.Device) {
	x23 := func() *engine.Tensor { return dev.Zeros(2, 3) }
	for _, c := range []struct {
		desc string
		f    func()
	}{
		{"FromSlice(5 values, [2 3])", func() { dev.FromSlice(make([]float32, 5), 2, 3) }},
		{"Add([2 3], [4])", func() { x23().Add(dev.Zeros(4)) }},
		{"MatMul([2 3], [2 3])", func() { engine.MatMul(x23(), x23(), false, false) }},
		{"Reshape([2 3], [4 -1])", func() { x23().Reshape(4, -1) }},
		{"Sum([2 3], axis 2)", func() { x23().Sum(2) }},
		{"Slice([2 3], 1, 2, 4)", func() { x23().Slice(1, 2, 4) }},
		{"Concat(0, [2 3], [2 4])", func() { engine.Concat(0, x23(), dev.Zeros(2, 4)) }},
		{"Conv2d(x [1 2 4 4], w [1 3 3 3])", func() { engine.Conv2d(dev.Zeros(1, 2, 4, 4), dev.Zeros(1, 3, 3, 3), nil, 1, 0) }},
		{"Backward of [2 3]", func() { x23().RequiresGrad().Scale(2).Backward() }},
		{"SetData(5 values) on [2 3]", func() { x23().SetData(make([]float32, 5)) }},
		{"Item of [2 3]", func() { x23().Item() }},
	} {
		func() {
			defer func() {
				r := recover()
				msg, _ := r.(string)
				if err, ok := r.(error); ok {
					msg = err.Error()
				}
				if r == nil || !strings.HasPrefix(msg, "engine: ") {
					t.Errorf("%s panicked with %v; want a panic starting \"engine: \"", c.desc, r)
				}
			}()
			c.f()
		}()
	}
}
