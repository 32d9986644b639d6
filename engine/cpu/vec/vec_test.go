package vec

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

var lengths = []int{0, 1, 7, 8, 9, 15, 16, 17, 31, 33, 100, 1000, 4097}

var (
	inf = float32(math.Inf(1))
	nan = float32(math.NaN())
	nz  = float32(math.Copysign(0, -1))
)

var specials = []float32{0, nz, 1, -1, inf, -inf, nan, math.MaxFloat32, -math.MaxFloat32,
	math.SmallestNonzeroFloat32, -math.SmallestNonzeroFloat32, 0.5, -2}

// data returns n values, mostly normal, about one in eight special.
func data(r *rand.Rand, n int, special bool) []float32 {
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(r.NormFloat64())
		if special && r.IntN(8) == 0 {
			x[i] = specials[r.IntN(len(specials))]
		}
	}
	return x
}

// guarded returns a slice of length n inside a buffer with sentinels on either
// side (which also offsets it from the allocation's alignment), and a check
// that the sentinels are intact.
func guarded(t *testing.T, n int) ([]float32, func()) {
	buf := make([]float32, n+2)
	buf[0], buf[n+1] = 12345, -6789
	return buf[1 : n+1 : n+1], func() {
		t.Helper()
		if buf[0] != 12345 || buf[n+1] != -6789 {
			t.Fatalf("wrote outside the destination: %v %v", buf[0], buf[n+1])
		}
	}
}

// same reports whether x and y have the same bits or are both NaN.
func same(x, y float32) bool {
	return math.Float32bits(x) == math.Float32bits(y) || x != x && y != y
}

func compare(t *testing.T, what string, got, want []float32) {
	t.Helper()
	for i := range want {
		if !same(got[i], want[i]) {
			t.Fatalf("%s: [%d] = %v (%#x), want %v (%#x)", what, i, got[i],
				math.Float32bits(got[i]), want[i], math.Float32bits(want[i]))
		}
	}
}

// refMax is the specification of max: NaN if either is NaN, +0 over -0.
func refMax(a, b float32) float32 {
	switch {
	case a != a || b != b:
		return nan
	case a > b:
		return a
	case b > a:
		return b
	case math.Signbit(float64(a)):
		return b
	}
	return a
}

func refOp(op Op, a, b float32) float32 {
	switch op {
	case OpAdd:
		return a + b
	case OpSub:
		return a - b
	case OpSubRev:
		return b - a
	case OpMul:
		return a * b
	case OpDiv:
		return a / b
	case OpDivRev:
		return b / a
	case OpMax:
		return refMax(a, b)
	}
	panic("bad op")
}

var ops = []Op{OpAdd, OpSub, OpSubRev, OpMul, OpDiv, OpDivRev, OpMax}

func clone(x []float32) []float32 { return append([]float32(nil), x...) }

func TestKernel(t *testing.T) {
	t.Logf("kernel in use: %s", Kernel())
	if k := Kernel(); k != "avx2" && k != "generic" {
		t.Fatalf("Kernel() = %q", k)
	}
}

func TestBinary(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, k := range kernels() {
		for _, op := range ops {
			for _, n := range lengths {
				what := fmt.Sprintf("%s op %d n %d", k.name, op, n)
				a, b := data(r, n, true), data(r, n, true)
				want := make([]float32, n)
				for i := range want {
					want[i] = refOp(op, a[i], b[i])
				}
				d, ok := guarded(t, n)
				k.Binary(op, d, a, b)
				ok()
				compare(t, what, d, want)

				d = clone(a) // dst is a
				k.Binary(op, d, d, b)
				compare(t, what+" in place of a", d, want)
				d = clone(b) // dst is b
				k.Binary(op, d, a, d)
				compare(t, what+" in place of b", d, want)
				for i := range want {
					want[i] = refOp(op, a[i], a[i])
				}
				d = clone(a) // all three the same
				k.Binary(op, d, d, d)
				compare(t, what+" all aliased", d, want)
			}
		}
	}
}

func TestScalar(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, k := range kernels() {
		for _, op := range ops {
			for _, s := range append([]float32{0.75, -3}, specials...) {
				for _, n := range lengths {
					what := fmt.Sprintf("%s op %d s %v n %d", k.name, op, s, n)
					a := data(r, n, true)
					want := make([]float32, n)
					for i := range want {
						want[i] = refOp(op, a[i], s)
					}
					d, ok := guarded(t, n)
					k.Scalar(op, d, a, s)
					ok()
					compare(t, what, d, want)
					d = clone(a)
					k.Scalar(op, d, d, s)
					compare(t, what+" in place", d, want)
				}
			}
		}
	}
}

func TestToOps(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, k := range kernels() {
		for _, n := range lengths {
			a, x := data(r, n, true), data(r, n, true)
			wantAdd, wantMax := make([]float32, n), make([]float32, n)
			for i := range a {
				wantAdd[i], wantMax[i] = a[i]+x[i], refMax(a[i], x[i])
			}
			d := clone(a)
			k.AddTo(d, x)
			compare(t, fmt.Sprintf("%s AddTo n %d", k.name, n), d, wantAdd)
			d = clone(a)
			k.MaxTo(d, x)
			compare(t, fmt.Sprintf("%s MaxTo n %d", k.name, n), d, wantMax)
			d = clone(a)
			k.AddTo(d, d)
			for i := range wantAdd {
				wantAdd[i] = a[i] + a[i]
			}
			compare(t, fmt.Sprintf("%s AddTo self n %d", k.name, n), d, wantAdd)
		}
	}
}

// unaryCase is one elementwise map with its reference.
type unaryCase struct {
	name string
	run  func(k *kernel, d, x []float32)
	ref  func(x float32) float32
}

func unaryCases() []unaryCase {
	var cs []unaryCase
	for _, p := range [][2]float32{{2, 0.5}, {-0.3, 1e-3}, {0, 0}, {1, nz}, {inf, 1}} {
		a, b := p[0], p[1]
		cs = append(cs, unaryCase{fmt.Sprintf("Affine(%v,%v)", a, b),
			func(k *kernel, d, x []float32) { k.Affine(d, x, a, b) },
			func(x float32) float32 { return float32(a*x) + b }})
	}
	cs = append(cs, unaryCase{"Relu", func(k *kernel, d, x []float32) { k.Relu(d, x) },
		func(x float32) float32 { return refMax(x, 0) }})
	for _, s := range []float32{0.01, 0, -1, 3} {
		cs = append(cs, unaryCase{fmt.Sprintf("LeakyRelu(%v)", s),
			func(k *kernel, d, x []float32) { k.LeakyRelu(d, x, s) },
			func(x float32) float32 {
				if x > 0 {
					return x
				}
				return s * x
			}})
	}
	for _, p := range [][2]float32{{0, 0}, {0.5, -1}, {-inf, 0.25}, {nz, nan}} {
		thr, lo := p[0], p[1]
		cs = append(cs, unaryCase{fmt.Sprintf("Step(%v,%v)", thr, lo),
			func(k *kernel, d, x []float32) { k.Step(d, x, thr, lo) },
			func(x float32) float32 {
				if x > thr {
					return 1
				}
				return lo
			}})
	}
	return cs
}

func TestUnary(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, k := range kernels() {
		for _, c := range unaryCases() {
			for _, n := range lengths {
				what := fmt.Sprintf("%s %s n %d", k.name, c.name, n)
				x := data(r, n, true)
				want := make([]float32, n)
				for i, v := range x {
					want[i] = c.ref(v)
				}
				d, ok := guarded(t, n)
				c.run(k, d, x)
				ok()
				compare(t, what, d, want)
				d = clone(x)
				c.run(k, d, d)
				compare(t, what+" in place", d, want)
			}
		}
	}
}

func TestStepMul(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for _, k := range kernels() {
		for _, lo := range []float32{0, 0.2, -1, inf} {
			for _, n := range lengths {
				what := fmt.Sprintf("%s StepMul(%v) n %d", k.name, lo, n)
				g, x := data(r, n, true), data(r, n, true)
				want := make([]float32, n)
				for i := range want {
					want[i] = g[i] * lo
					if x[i] > 0 {
						want[i] = g[i]
					}
				}
				d, ok := guarded(t, n)
				k.StepMul(d, g, x, lo)
				ok()
				compare(t, what, d, want)
				d = clone(g)
				k.StepMul(d, d, x, lo)
				compare(t, what+" in place of g", d, want)
				d = clone(x)
				k.StepMul(d, g, d, lo)
				compare(t, what+" in place of x", d, want)
			}
		}
	}
}

// TestSpecialValues pins down the documented edge cases on every kernel.
func TestSpecialValues(t *testing.T) {
	x := []float32{nz, 0, nan, -inf, inf, -1, 1}
	for _, k := range kernels() {
		d := make([]float32, len(x))
		k.Relu(d, x)
		compare(t, k.name+" Relu", d, []float32{0, 0, nan, 0, inf, 0, 1})
		if math.Signbit(float64(d[0])) {
			t.Errorf("%s: Relu(-0) = -0, want +0", k.name)
		}
		k.LeakyRelu(d, x, 0.5)
		compare(t, k.name+" LeakyRelu", d, []float32{nz, 0, nan, -inf, inf, -0.5, 1})
		k.Step(d, x, 0, 0.25)
		compare(t, k.name+" Step", d, []float32{0.25, 0.25, 0.25, 0.25, 1, 0.25, 1})
		k.StepMul(d, []float32{2, 2, 2, 2, 2, 2, 2}, x, 0.5)
		compare(t, k.name+" StepMul", d, []float32{1, 1, 1, 1, 2, 1, 2})
		k.Binary(OpMax, d, []float32{nz, 0, nan, 1, nz, nan, -inf}, []float32{0, nz, 1, nan, nz, nan, -inf})
		compare(t, k.name+" Max", d, []float32{0, 0, nan, nan, nz, nan, -inf})
		for _, c := range []struct {
			x    []float32
			want float32
		}{
			{nil, -inf}, {[]float32{nz}, nz}, {[]float32{nz, 0, -1}, 0}, {[]float32{0, nz}, 0},
			{[]float32{-inf, -inf}, -inf}, {[]float32{1, nan, 2}, nan}, {[]float32{-1, -3, -2}, -1},
		} {
			if got := k.MaxOf(c.x); !same(got, c.want) {
				t.Errorf("%s: MaxOf(%v) = %v, want %v", k.name, c.x, got, c.want)
			}
		}
	}
}

func TestMaxOf(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for _, k := range kernels() {
		for _, n := range append(lengths, 32, 63, 64, 65, 255) {
			for _, special := range []bool{false, true} {
				x := data(r, n, special)
				want := float32(math.Inf(-1))
				for _, v := range x {
					want = refMax(want, v)
				}
				if got := k.MaxOf(x); !same(got, want) {
					t.Fatalf("%s n %d: MaxOf = %v, want %v", k.name, n, got, want)
				}
				// The maximum wherever it sits, and NaN wherever it sits.
				for _, pos := range []int{0, n / 2, n - 1} {
					if n == 0 {
						break
					}
					y := clone(x)
					y[pos] = 1e30
					if got := k.MaxOf(y); !same(got, refMaxOf(y)) {
						t.Fatalf("%s n %d pos %d: MaxOf = %v", k.name, n, pos, got)
					}
					y[pos] = nan
					if got := k.MaxOf(y); got == got {
						t.Fatalf("%s n %d NaN at %d: MaxOf = %v", k.name, n, pos, got)
					}
				}
			}
		}
	}
}

// TestMaxOfZero checks the sign of a zero maximum wherever the zeros sit.
func TestMaxOfZero(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	for _, k := range kernels() {
		for _, n := range []int{1, 7, 9, 33, 100, 1000, 4097} {
			x := data(r, n, false)
			for i := range x {
				x[i] = -float32(math.Abs(float64(x[i])))
				if r.IntN(5) == 0 {
					x[i] = nz
				}
			}
			x[r.IntN(n)] = nz
			if got := k.MaxOf(x); !same(got, nz) {
				t.Fatalf("%s n %d: MaxOf of -0 and negatives = %v, want -0", k.name, n, got)
			}
			x[r.IntN(n)] = 0
			if got := k.MaxOf(x); !same(got, 0) {
				t.Fatalf("%s n %d: MaxOf with a +0 = %v, want +0", k.name, n, got)
			}
		}
	}
}

func refMaxOf(x []float32) float32 {
	m := float32(math.Inf(-1))
	for _, v := range x {
		m = refMax(m, v)
	}
	return m
}

func TestSum(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	for _, n := range append(lengths, 32, 1023, 1024, 1025, 2048, 33*32+5, 100003) {
		x := data(r, n, false)
		for i := range x {
			x[i] *= float32(1 + r.IntN(1000)) // spread the magnitudes
		}
		var exact, abs float64 // float64 with Neumaier's compensation: exact enough here
		var comp float64
		for _, v := range x {
			f := float64(v)
			t := exact + f
			if math.Abs(exact) >= math.Abs(f) {
				comp += (exact - t) + f
			} else {
				comp += (f - t) + exact
			}
			exact = t
			abs += math.Abs(f)
		}
		exact += comp
		bound := (31*0x1p-24 + float64(n/1024+40)*0x1p-53) * abs
		var first float64
		for i, k := range kernels() {
			got := k.Sum(x)
			if math.Abs(got-exact) > bound {
				t.Errorf("%s n %d: Sum = %v, want %v within %v", k.name, n, got, exact, bound)
			}
			if i == 0 {
				first = got
			} else if got != first {
				t.Errorf("n %d: %s Sum = %v, %s Sum = %v; want identical", n, k.name, got,
					kernels()[0].name, first)
			}
		}
	}
	for _, k := range kernels() {
		if got := k.Sum(nil); got != 0 {
			t.Errorf("%s: Sum(nil) = %v", k.name, got)
		}
		x := make([]float32, 100)
		x[50] = inf
		if got := k.Sum(x); !math.IsInf(got, 1) {
			t.Errorf("%s: Sum with +Inf = %v", k.name, got)
		}
		x[70] = nan
		if got := k.Sum(x); !math.IsNaN(got) {
			t.Errorf("%s: Sum with NaN = %v", k.name, got)
		}
	}
}

func TestLengthMismatch(t *testing.T) {
	a, b := make([]float32, 3), make([]float32, 4)
	for name, f := range map[string]func(){
		"Binary":    func() { Binary(OpAdd, a, a, b) },
		"Binary2":   func() { Binary(OpMax, b, a, a) },
		"Scalar":    func() { Scalar(OpMul, a, b, 1) },
		"AddTo":     func() { AddTo(a, b) },
		"MaxTo":     func() { MaxTo(a, b) },
		"Affine":    func() { Affine(a, b, 1, 2) },
		"Relu":      func() { Relu(a, b) },
		"LeakyRelu": func() { LeakyRelu(a, b, 0.1) },
		"Step":      func() { Step(a, b, 0, 0) },
		"StepMul":   func() { StepMul(a, a, b, 0) },
		"Adam":      func() { Adam(a, a, a, b, 0.9, 0.999, 1e-3, 1, 1e-8) },
		"SGD":       func() { SGD(a, b, nil, 0.1, 0) },
		"SGDvel":    func() { SGD(a, a, b, 0.1, 0.9) },
		"RMSProp":   func() { RMSProp(a, a, b, 0.1, 0.9, 1e-8) },
	} {
		if msg := panicOf(f); msg != "vec: length mismatch" {
			t.Errorf("%s: panic %q, want length mismatch", name, msg)
		}
	}
	if msg := panicOf(func() { Binary(opCount, a, a, a) }); !strings.Contains(msg, "unknown op") {
		t.Errorf("Binary with a bad op: panic %q", msg)
	}
	if msg := panicOf(func() { Scalar(Op(200), a, a, 1) }); !strings.Contains(msg, "unknown op") {
		t.Errorf("Scalar with a bad op: panic %q", msg)
	}
}

func panicOf(f func()) (msg string) {
	defer func() {
		if e := recover(); e != nil {
			msg = fmt.Sprint(e)
		}
	}()
	f()
	return ""
}

func TestNoAllocs(t *testing.T) {
	n := 1000
	a, b, c, d := make([]float32, n), make([]float32, n), make([]float32, n), make([]float32, n)
	allocs := testing.AllocsPerRun(10, func() {
		Binary(OpDiv, d, a, b)
		Scalar(OpMax, d, a, 2)
		AddTo(d, a)
		MaxTo(d, a)
		Affine(d, a, 2, 3)
		Relu(d, a)
		LeakyRelu(d, a, 0.2)
		Step(d, a, 0, 0.1)
		StepMul(d, a, b, 0.1)
		_ = Sum(a)
		_ = MaxOf(a)
		Adam(a, b, c, d, 0.9, 0.999, 1e-3, 1, 1e-8)
		SGD(a, b, c, 0.1, 0.9)
		SGD(a, b, nil, 0.1, 0)
		RMSProp(a, b, c, 0.1, 0.9, 1e-8)
	})
	if allocs != 0 {
		t.Fatalf("%v allocations per run", allocs)
	}
}
