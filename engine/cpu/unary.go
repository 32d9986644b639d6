package cpu

import (
	"math"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu/vec"
)

// Unary computes dst[i] = op(x[i]) (see engine.UnaryOp for the formulas).
func (b *Backend) Unary(op engine.UnaryOp, p engine.Params, dst, x engine.Buffer) {
	d, s := data(dst), data(x)
	if len(d) != len(s) {
		panic("cpu: Unary buffers differ in length")
	}
	b.parallelFor(len(d), 8*len(d), func(lo, hi int) { unary(op, p, d[lo:hi], s[lo:hi]) })
}

func unary(op engine.UnaryOp, p engine.Params, d, s []float32) {
	d = d[:len(s)]
	switch op {
	case engine.OpNeg:
		vec.Affine(d, s, -1, 0)
	case engine.OpExp:
		for i, v := range s {
			d[i] = float32(math.Exp(float64(v)))
		}
	case engine.OpLog:
		for i, v := range s {
			d[i] = float32(math.Log(float64(v)))
		}
	case engine.OpSqrt:
		for i, v := range s {
			d[i] = float32(math.Sqrt(float64(v)))
		}
	case engine.OpAbs:
		for i, v := range s {
			d[i] = float32(math.Abs(float64(v)))
		}
	case engine.OpTanh:
		for i, v := range s {
			d[i] = float32(math.Tanh(float64(v)))
		}
	case engine.OpSigmoid:
		for i, v := range s {
			d[i] = sigmoid(v)
		}
	case engine.OpRelu:
		vec.Relu(d, s)
	case engine.OpLeakyRelu:
		vec.LeakyRelu(d, s, p.A)
	case engine.OpSoftplus:
		for i, v := range s {
			// ln(1 + e^x) = max(x, 0) + ln(1 + e^-|x|), which never overflows.
			x := float64(v)
			d[i] = float32(math.Max(x, 0) + math.Log1p(math.Exp(-math.Abs(x))))
		}
	case engine.OpPow:
		pow(p.A, d, s)
	case engine.OpClamp:
		for i, v := range s {
			d[i] = min(max(v, p.A), p.B)
		}
	case engine.OpAffine:
		vec.Affine(d, s, p.A, p.B)
	case engine.OpSign:
		// Table lookups instead of branches: comparisons on random data mispredict.
		for i, v := range s {
			d[i] = float32(b2i(v > 0) - b2i(v < 0))
		}
	case engine.OpInRange:
		for i, v := range s {
			d[i] = float32(b2i(v >= p.A) & b2i(v <= p.B))
		}
	case engine.OpRecip:
		for i, v := range s {
			d[i] = 1 / v
		}
	default:
		panic("cpu: unknown unary op")
	}
}

// sigmoid returns 1/(1 + e^-x) without overflow for large |x|.
func sigmoid(v float32) float32 {
	x := float64(v)
	if x >= 0 {
		return float32(1 / (1 + math.Exp(-x)))
	}
	e := math.Exp(x)
	return float32(e / (1 + e))
}

func pow(a float32, d, s []float32) {
	switch a {
	case 0:
		for i := range s {
			d[i] = 1
		}
	case 1:
		copy(d, s)
	case 2:
		for i, v := range s {
			d[i] = v * v
		}
	default:
		e := float64(a)
		for i, v := range s {
			d[i] = float32(math.Pow(float64(v), e))
		}
	}
}

// b2i converts a comparison to 0 or 1; the compiler turns it into a flag move, not a branch.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
