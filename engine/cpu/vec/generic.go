package vec

import "math"

// genericKernel is the portable Go implementation, written for scalar
// machines such as WebAssembly: every input is resliced to the destination's
// length and capacity, and every loop handles four elements per iteration
// through subslices of capacity four, which drops the bounds checks and
// amortises the loop overhead (large on wasm, where each backward branch
// goes through a jump table), then finishes element by element. Choices
// between two values index a two-entry table with a comparison instead of
// branching, since branches on data mispredict.
var genericKernel = &kernel{
	name:     "generic",
	binary:   binaryGeneric,
	scalar:   scalarGeneric,
	affine:   affineGeneric,
	relu:     reluGeneric,
	leaky:    leakyGeneric,
	step:     stepGeneric,
	stepMul:  stepMulGeneric,
	sum:      sumGeneric,
	maxOf:    maxOfGeneric,
	adam:     adamGeneric,
	sgd:      sgdGeneric,
	momentum: momentumGeneric,
	rmsprop:  rmspropGeneric,
}

// b2i converts a comparison to 0 or 1; the compiler turns it into a flag move
// (on wasm, the comparison's own 0 or 1), not a branch.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// relu returns max(x, 0) with the sign of a NaN cleared, as the built-in max
// and the assembly give it, by masking the bits: !(x <= 0) holds for positive
// x and for NaN. Unlike the built-in max it is no call on wasm.
func relu(x float32) float32 {
	return math.Float32frombits(math.Float32bits(x) & (-uint32(b2i(!(x <= 0))) >> 1))
}

// binaryGeneric computes d[i] = a[i] op b[i] for OpAdd, OpSub, OpMul, OpDiv
// and OpMax.
func binaryGeneric(op Op, d, a, b []float32) {
	a, b = a[:len(d):len(d)], b[:len(d):len(d)]
	i := 0
	switch op {
	case OpAdd:
		for ; i <= len(d)-4; i += 4 {
			d, a, b := d[i:i+4:i+4], a[i:i+4:i+4], b[i:i+4:i+4]
			d[0], d[1], d[2], d[3] = a[0]+b[0], a[1]+b[1], a[2]+b[2], a[3]+b[3]
		}
		for ; i < len(d); i++ {
			d[i] = a[i] + b[i]
		}
	case OpSub:
		for ; i <= len(d)-4; i += 4 {
			d, a, b := d[i:i+4:i+4], a[i:i+4:i+4], b[i:i+4:i+4]
			d[0], d[1], d[2], d[3] = a[0]-b[0], a[1]-b[1], a[2]-b[2], a[3]-b[3]
		}
		for ; i < len(d); i++ {
			d[i] = a[i] - b[i]
		}
	case OpMul:
		for ; i <= len(d)-4; i += 4 {
			d, a, b := d[i:i+4:i+4], a[i:i+4:i+4], b[i:i+4:i+4]
			d[0], d[1], d[2], d[3] = a[0]*b[0], a[1]*b[1], a[2]*b[2], a[3]*b[3]
		}
		for ; i < len(d); i++ {
			d[i] = a[i] * b[i]
		}
	case OpDiv:
		for ; i <= len(d)-4; i += 4 {
			d, a, b := d[i:i+4:i+4], a[i:i+4:i+4], b[i:i+4:i+4]
			d[0], d[1], d[2], d[3] = a[0]/b[0], a[1]/b[1], a[2]/b[2], a[3]/b[3]
		}
		for ; i < len(d); i++ {
			d[i] = a[i] / b[i]
		}
	case OpMax:
		for ; i <= len(d)-4; i += 4 {
			d, a, b := d[i:i+4:i+4], a[i:i+4:i+4], b[i:i+4:i+4]
			d[0], d[1], d[2], d[3] = max(a[0], b[0]), max(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])
		}
		for ; i < len(d); i++ {
			d[i] = max(a[i], b[i])
		}
	}
}

// scalarGeneric computes d[i] = a[i] op s, or s op a[i] for the reversed ops.
func scalarGeneric(op Op, d, a []float32, s float32) {
	a = a[:len(d):len(d)]
	i := 0
	switch op {
	case OpAdd:
		for ; i <= len(d)-4; i += 4 {
			d, a := d[i:i+4:i+4], a[i:i+4:i+4]
			d[0], d[1], d[2], d[3] = a[0]+s, a[1]+s, a[2]+s, a[3]+s
		}
		for ; i < len(d); i++ {
			d[i] = a[i] + s
		}
	case OpSub:
		for ; i <= len(d)-4; i += 4 {
			d, a := d[i:i+4:i+4], a[i:i+4:i+4]
			d[0], d[1], d[2], d[3] = a[0]-s, a[1]-s, a[2]-s, a[3]-s
		}
		for ; i < len(d); i++ {
			d[i] = a[i] - s
		}
	case OpSubRev:
		for ; i <= len(d)-4; i += 4 {
			d, a := d[i:i+4:i+4], a[i:i+4:i+4]
			d[0], d[1], d[2], d[3] = s-a[0], s-a[1], s-a[2], s-a[3]
		}
		for ; i < len(d); i++ {
			d[i] = s - a[i]
		}
	case OpMul:
		for ; i <= len(d)-4; i += 4 {
			d, a := d[i:i+4:i+4], a[i:i+4:i+4]
			d[0], d[1], d[2], d[3] = a[0]*s, a[1]*s, a[2]*s, a[3]*s
		}
		for ; i < len(d); i++ {
			d[i] = a[i] * s
		}
	case OpDiv:
		for ; i <= len(d)-4; i += 4 {
			d, a := d[i:i+4:i+4], a[i:i+4:i+4]
			d[0], d[1], d[2], d[3] = a[0]/s, a[1]/s, a[2]/s, a[3]/s
		}
		for ; i < len(d); i++ {
			d[i] = a[i] / s
		}
	case OpDivRev:
		for ; i <= len(d)-4; i += 4 {
			d, a := d[i:i+4:i+4], a[i:i+4:i+4]
			d[0], d[1], d[2], d[3] = s/a[0], s/a[1], s/a[2], s/a[3]
		}
		for ; i < len(d); i++ {
			d[i] = s / a[i]
		}
	case OpMax:
		for ; i <= len(d)-4; i += 4 {
			d, a := d[i:i+4:i+4], a[i:i+4:i+4]
			d[0], d[1], d[2], d[3] = max(a[0], s), max(a[1], s), max(a[2], s), max(a[3], s)
		}
		for ; i < len(d); i++ {
			d[i] = max(a[i], s)
		}
	}
}

// affineGeneric computes d[i] = float32(a*x[i]) + b; the conversion keeps the
// product rounded (no FMA) on every architecture.
func affineGeneric(d, x []float32, a, b float32) {
	x = x[:len(d):len(d)]
	i := 0
	for ; i <= len(d)-4; i += 4 {
		d, x := d[i:i+4:i+4], x[i:i+4:i+4]
		d[0] = float32(a*x[0]) + b
		d[1] = float32(a*x[1]) + b
		d[2] = float32(a*x[2]) + b
		d[3] = float32(a*x[3]) + b
	}
	for ; i < len(d); i++ {
		d[i] = float32(a*x[i]) + b
	}
}

// reluGeneric computes d[i] = max(x[i], 0).
func reluGeneric(d, x []float32) {
	x = x[:len(d):len(d)]
	i := 0
	for ; i <= len(d)-4; i += 4 {
		d, x := d[i:i+4:i+4], x[i:i+4:i+4]
		d[0], d[1], d[2], d[3] = relu(x[0]), relu(x[1]), relu(x[2]), relu(x[3])
	}
	for ; i < len(d); i++ {
		d[i] = relu(x[i])
	}
}

// leakyGeneric computes d[i] = x[i] * (x[i] > 0 ? 1 : slope).
func leakyGeneric(d, x []float32, slope float32) {
	x = x[:len(d):len(d)]
	t := [2]float32{slope, 1}
	i := 0
	for ; i <= len(d)-4; i += 4 {
		d, x := d[i:i+4:i+4], x[i:i+4:i+4]
		d[0] = x[0] * t[b2i(x[0] > 0)]
		d[1] = x[1] * t[b2i(x[1] > 0)]
		d[2] = x[2] * t[b2i(x[2] > 0)]
		d[3] = x[3] * t[b2i(x[3] > 0)]
	}
	for ; i < len(d); i++ {
		d[i] = x[i] * t[b2i(x[i] > 0)]
	}
}

// stepGeneric computes d[i] = x[i] > thr ? 1 : lo.
func stepGeneric(d, x []float32, thr, lo float32) {
	x = x[:len(d):len(d)]
	t := [2]float32{lo, 1}
	i := 0
	for ; i <= len(d)-4; i += 4 {
		d, x := d[i:i+4:i+4], x[i:i+4:i+4]
		d[0], d[1], d[2], d[3] = t[b2i(x[0] > thr)], t[b2i(x[1] > thr)], t[b2i(x[2] > thr)], t[b2i(x[3] > thr)]
	}
	for ; i < len(d); i++ {
		d[i] = t[b2i(x[i] > thr)]
	}
}

// stepMulGeneric computes d[i] = g[i] * (x[i] > 0 ? 1 : lo).
func stepMulGeneric(d, g, x []float32, lo float32) {
	g, x = g[:len(d):len(d)], x[:len(d):len(d)]
	t := [2]float32{lo, 1}
	i := 0
	for ; i <= len(d)-4; i += 4 {
		d, g, x := d[i:i+4:i+4], g[i:i+4:i+4], x[i:i+4:i+4]
		d[0] = g[0] * t[b2i(x[0] > 0)]
		d[1] = g[1] * t[b2i(x[1] > 0)]
		d[2] = g[2] * t[b2i(x[2] > 0)]
		d[3] = g[3] * t[b2i(x[3] > 0)]
	}
	for ; i < len(d); i++ {
		d[i] = g[i] * t[b2i(x[i] > 0)]
	}
}
