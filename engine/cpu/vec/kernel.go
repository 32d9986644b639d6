package vec

// kernel is one implementation of every loop in the package. The loops assume
// checked lengths, a valid op, and OpSubRev and OpDivRev already turned into
// OpSub and OpDiv with swapped operands for binary.
type kernel struct {
	name     string
	binary   func(op Op, d, a, b []float32)
	scalar   func(op Op, d, a []float32, s float32)
	affine   func(d, x []float32, a, b float32)
	relu     func(d, x []float32)
	leaky    func(d, x []float32, slope float32)
	step     func(d, x []float32, thr, lo float32)
	stepMul  func(d, g, x []float32, lo float32)
	sum      func(x []float32) float64
	maxOf    func(x []float32) float32
	adam     func(w, g, m, v []float32, b1, c1, b2, c2, lr, scale, eps float32)
	sgd      func(w, g []float32, lr float32)
	momentum func(w, g, vel []float32, lr, mu float32)
	rmsprop  func(w, g, s []float32, alpha, c, lr, eps float32)
}

// active is the kernel the package functions use, chosen once for this CPU and
// never changed.
var active = selectKernel()

func mismatch() { panic("vec: length mismatch") }

func check2(a, b []float32) {
	if len(a) != len(b) {
		mismatch()
	}
}

func check3(a, b, c []float32) {
	if len(a) != len(b) || len(a) != len(c) {
		mismatch()
	}
}

func check4(a, b, c, d []float32) {
	if len(a) != len(b) || len(a) != len(c) || len(a) != len(d) {
		mismatch()
	}
}

// The methods below check their arguments and run k's loops; the package
// functions of the same names call them on the active kernel.

func (k *kernel) Binary(op Op, d, a, b []float32) {
	check3(d, a, b)
	switch op {
	case OpAdd, OpSub, OpMul, OpDiv, OpMax:
	case OpSubRev:
		op, a, b = OpSub, b, a
	case OpDivRev:
		op, a, b = OpDiv, b, a
	default:
		panic("vec: unknown op")
	}
	k.binary(op, d, a, b)
}

func (k *kernel) Scalar(op Op, d, a []float32, s float32) {
	check2(d, a)
	if op >= opCount {
		panic("vec: unknown op")
	}
	k.scalar(op, d, a, s)
}

func (k *kernel) Affine(d, x []float32, a, b float32) {
	check2(d, x)
	k.affine(d, x, a, b)
}

func (k *kernel) Relu(d, x []float32) {
	check2(d, x)
	k.relu(d, x)
}

func (k *kernel) LeakyRelu(d, x []float32, slope float32) {
	check2(d, x)
	k.leaky(d, x, slope)
}

func (k *kernel) Step(d, x []float32, thr, lo float32) {
	check2(d, x)
	k.step(d, x, thr, lo)
}

func (k *kernel) StepMul(d, g, x []float32, lo float32) {
	check3(d, g, x)
	k.stepMul(d, g, x, lo)
}

func (k *kernel) AddTo(d, x []float32) {
	check2(d, x)
	k.binary(OpAdd, d, d, x)
}

func (k *kernel) MaxTo(d, x []float32) {
	check2(d, x)
	k.binary(OpMax, d, d, x)
}

func (k *kernel) Sum(x []float32) float64 { return k.sum(x) }

func (k *kernel) MaxOf(x []float32) float32 { return k.maxOf(x) }

func (k *kernel) Adam(w, g, m, v []float32, beta1, beta2, stepSize, invRootBC2, eps float32) {
	check4(w, g, m, v)
	k.adam(w, g, m, v, beta1, 1-beta1, beta2, 1-beta2, stepSize, invRootBC2, eps)
}

func (k *kernel) SGD(w, g, vel []float32, lr, momentum float32) {
	check2(w, g)
	if momentum == 0 {
		k.sgd(w, g, lr)
		return
	}
	check2(w, vel)
	k.momentum(w, g, vel, lr, momentum)
}

func (k *kernel) RMSProp(w, g, s []float32, lr, alpha, eps float32) {
	check3(w, g, s)
	k.rmsprop(w, g, s, alpha, 1-alpha, lr, eps)
}
