package enginetest

import (
	"fmt"
	"math"

	"github.com/ganplay/ganplay/engine"
)

// unaryShapes are the shapes every unary op runs on: a scalar, size-1 axes, odd sizes.
var unaryShapes = [][]int{{}, {1}, {7}, {3, 4}, {2, 1, 5}, {2, 3, 1, 4}}

// bigShape is the larger shape that a few ops also run on.
var bigShape = []int{37, 29}

// unaryOp is one elementwise function of one tensor.
type unaryOp struct {
	name   string // the call as printed, with its arguments, such as "Pow(x, 0.5)"
	run    func(x *engine.Tensor) *engine.Tensor
	f      func(float64) float64
	draw   sampler // inputs; kept away from kinks and outside domains
	second bool    // check second order
	big    bool    // also run on bigShape
}

// unaryOps lists every unary op of the engine's public API.
func unaryOps() []unaryOp {
	nonzero := awayFrom(-2, 2, 0.05, 0)
	positive := uniform(0.5, 2)
	pow := func(p float32) unaryOp {
		return unaryOp{name: fmt.Sprintf("Pow(x, %g)", p), run: func(x *engine.Tensor) *engine.Tensor { return x.Pow(p) },
			f: func(v float64) float64 { return math.Pow(v, float64(p)) }, draw: positive, second: true, big: p == 0.5}
	}
	leaky := func(slope float32) unaryOp {
		return unaryOp{name: fmt.Sprintf("LeakyRelu(x, %g)", slope), run: func(x *engine.Tensor) *engine.Tensor { return x.LeakyRelu(slope) },
			f: leakyReluRef(float64(slope)), draw: nonzero, second: true}
	}
	return []unaryOp{
		{name: "Neg(x)", run: (*engine.Tensor).Neg, f: func(v float64) float64 { return -v }, draw: normal, big: true},
		{name: "Exp(x)", run: (*engine.Tensor).Exp, f: math.Exp, draw: uniform(-3, 3), second: true},
		{name: "Log(x)", run: (*engine.Tensor).Log, f: math.Log, draw: uniform(0.5, 3), second: true},
		{name: "Sqrt(x)", run: (*engine.Tensor).Sqrt, f: math.Sqrt, draw: uniform(0.5, 3), second: true},
		{name: "Abs(x)", run: (*engine.Tensor).Abs, f: math.Abs, draw: nonzero},
		{name: "Tanh(x)", run: (*engine.Tensor).Tanh, f: math.Tanh, draw: uniform(-3, 3), second: true, big: true},
		{name: "Sigmoid(x)", run: (*engine.Tensor).Sigmoid, f: sigmoidRef, draw: uniform(-6, 6), second: true},
		{name: "Relu(x)", run: (*engine.Tensor).Relu, f: func(v float64) float64 { return math.Max(v, 0) }, draw: nonzero, second: true},
		leaky(0.2),
		leaky(0.01),
		{name: "Softplus(x)", run: (*engine.Tensor).Softplus, f: softplusRef, draw: uniform(-6, 6), second: true},
		pow(2),
		pow(3),
		pow(0.5),
		pow(-1),
		{name: "Clamp(x, -0.5, 0.7)", run: func(x *engine.Tensor) *engine.Tensor { return x.Clamp(-0.5, 0.7) },
			f: func(v float64) float64 { return math.Min(math.Max(v, -0.5), 0.7) }, draw: awayFrom(-2, 2, 0.05, -0.5, 0.7)},
		{name: "Affine(x, 1.5, -0.25)", run: func(x *engine.Tensor) *engine.Tensor { return x.Affine(1.5, -0.25) },
			f: func(v float64) float64 { return 1.5*v - 0.25 }, draw: normal},
		{name: "Scale(x, -2)", run: func(x *engine.Tensor) *engine.Tensor { return x.Scale(-2) },
			f: func(v float64) float64 { return -2 * v }, draw: normal},
		{name: "AddScalar(x, 0.75)", run: func(x *engine.Tensor) *engine.Tensor { return x.AddScalar(0.75) },
			f: func(v float64) float64 { return v + 0.75 }, draw: normal},
		{name: "Recip(x)", run: (*engine.Tensor).Recip, f: func(v float64) float64 { return 1 / v }, draw: eitherSign(0.5, 2)},
		{name: "Square(x)", run: (*engine.Tensor).Square, f: func(v float64) float64 { return v * v }, draw: normal},
		{name: "Sign(x)", run: (*engine.Tensor).Sign, f: signRef, draw: nonzero},
	}
}

// unaryCases returns every unary op on every shape, plus the cases that probe overflow and
// exact zeros.
func unaryCases() []opCase {
	var cases []opCase
	add := func(op unaryOp, shape []int, draw sampler, forwardOnly bool) {
		cases = append(cases, opCase{
			desc:        fmt.Sprintf("%s with x %v", op.name, shape),
			in:          []operand{{name: "x", shape: shape, draw: draw}},
			second:      op.second && !forwardOnly,
			forwardOnly: forwardOnly,
			run:         func(x []*engine.Tensor) *engine.Tensor { return op.run(x[0]) },
			ref:         func(x []*array) *array { return mapRef(x[0], op.f) },
		})
	}
	ops := unaryOps()
	for _, op := range ops {
		for _, s := range unaryShapes {
			add(op, s, op.draw, false)
		}
		if op.big {
			add(op, bigShape, op.draw, false)
		}
	}
	// Saturating functions must not overflow far from 0 (e^-x for x = -100 is +Inf in float32).
	extremes := []float64{-100, -88, -50, -30, -20, 0.5, 20, 30, 50, 88, 100}
	for _, op := range ops {
		switch op.name {
		case "Sigmoid(x)", "Softplus(x)", "Tanh(x)":
			add(op, []int{len(extremes)}, cycle(extremes...), false)
		case "Sign(x)", "Relu(x)", "Abs(x)", "LeakyRelu(x, 0.2)":
			// Exact zeros sit on the kink: check the value there, not finite differences.
			add(op, []int{2, 3}, choice(-1.5, 0, 2), true)
		}
	}
	return cases
}

// binaryShapes are the operand shape pairs of the binary ops, covering NumPy broadcasting.
var binaryShapes = [][2][]int{
	{{5}, {5}},
	{{2, 3, 4}, {2, 3, 4}},
	{{3, 4}, {4}},
	{{4}, {3, 4}},
	{{2, 1, 5}, {3, 1}},
	{{1}, {2, 3}},
	{{4, 1}, {1, 4}},
	{{}, {2, 3}},
	{{2, 3}, {}},
	{{1, 1}, {1}},
	{{2, 1, 3}, {2, 4, 1}},
	{{6, 1}, {5}},
}

// binaryOp is one elementwise function of two broadcast tensors.
type binaryOp struct {
	name     string
	run      func(a, b *engine.Tensor) *engine.Tensor
	f        func(a, b float64) float64
	drawA    sampler
	drawB    sampler
	distinct bool // no ties between a and b
	second   bool
	big      bool
}

func binaryOps() []binaryOp {
	ints := choice(-1, 0, 1)
	return []binaryOp{
		{name: "Add", run: (*engine.Tensor).Add, f: func(a, b float64) float64 { return a + b }, drawA: normal, drawB: normal, second: true, big: true},
		{name: "Sub", run: (*engine.Tensor).Sub, f: func(a, b float64) float64 { return a - b }, drawA: normal, drawB: normal},
		{name: "Mul", run: (*engine.Tensor).Mul, f: func(a, b float64) float64 { return a * b }, drawA: normal, drawB: normal, second: true, big: true},
		{name: "Div", run: (*engine.Tensor).Div, f: func(a, b float64) float64 { return a / b }, drawA: normal, drawB: eitherSign(0.5, 2)},
		{name: "Maximum", run: (*engine.Tensor).Maximum, f: math.Max, drawA: normal, drawB: normal, distinct: true},
		{name: "Eq", run: (*engine.Tensor).Eq, f: func(a, b float64) float64 {
			if a == b {
				return 1
			}
			return 0
		}, drawA: ints, drawB: ints},
	}
}

// binaryCases returns every binary op on every shape pair.
func binaryCases() []opCase {
	var cases []opCase
	for _, op := range binaryOps() {
		shapes := binaryShapes
		if op.big {
			shapes = append(shapes[:len(shapes):len(shapes)], [2][]int{{33, 65}, {65}})
		}
		for _, s := range shapes {
			cases = append(cases, opCase{
				desc:     fmt.Sprintf("%s(a %v, b %v)", op.name, s[0], s[1]),
				in:       []operand{{name: "a", shape: s[0], draw: op.drawA}, {name: "b", shape: s[1], draw: op.drawB}},
				distinct: op.distinct,
				second:   op.second,
				run:      func(x []*engine.Tensor) *engine.Tensor { return op.run(x[0], x[1]) },
				ref:      func(x []*array) *array { return zipRef(x[0], x[1], op.f) },
			})
		}
	}
	return cases
}
