package engine

// Elementwise ops. Each forward is one backend call; each backward is written with Tensor
// ops so that it can be differentiated again.

func (t *Tensor) unary(op UnaryOp, p Params, name string, backward func(g, out *Tensor) *Tensor) *Tensor {
	out := t.dev.empty(t.shape)
	t.dev.b.Unary(op, p, out.buf, t.buf)
	if backward != nil {
		record(out, name, []*Tensor{t}, func(g *Tensor) []*Tensor { return []*Tensor{backward(g, out)} })
	}
	return out
}

// Neg returns -t.
func (t *Tensor) Neg() *Tensor {
	return t.unary(OpNeg, Params{}, "neg", func(g, _ *Tensor) *Tensor { return g.Neg() })
}

// Exp returns e^t; d/dt = e^t.
func (t *Tensor) Exp() *Tensor {
	return t.unary(OpExp, Params{}, "exp", func(g, out *Tensor) *Tensor { return g.Mul(out) })
}

// Log returns ln t; d/dt = 1/t.
func (t *Tensor) Log() *Tensor {
	return t.unary(OpLog, Params{}, "log", func(g, _ *Tensor) *Tensor { return g.Div(t) })
}

// Sqrt returns √t; d/dt = 1/(2√t).
func (t *Tensor) Sqrt() *Tensor {
	return t.unary(OpSqrt, Params{}, "sqrt", func(g, out *Tensor) *Tensor { return g.Div(out).Scale(0.5) })
}

// Abs returns |t|; d/dt = sign(t) (0 at 0, as PyTorch).
func (t *Tensor) Abs() *Tensor {
	return t.unary(OpAbs, Params{}, "abs", func(g, _ *Tensor) *Tensor { return g.Mul(t.Sign()) })
}

// Tanh returns tanh t; d/dt = 1 - tanh² t.
func (t *Tensor) Tanh() *Tensor {
	return t.unary(OpTanh, Params{}, "tanh", func(g, out *Tensor) *Tensor {
		return g.Mul(out.Mul(out).Affine(-1, 1))
	})
}

// Sigmoid returns σ(t) = 1/(1 + e^-t); d/dt = σ(t)(1 - σ(t)).
func (t *Tensor) Sigmoid() *Tensor {
	return t.unary(OpSigmoid, Params{}, "sigmoid", func(g, out *Tensor) *Tensor {
		return g.Mul(out.Mul(out.Affine(-1, 1)))
	})
}

// Relu returns max(t, 0). Its derivative is taken as 0 at 0, as PyTorch does, through a
// step function rather than a comparison of t with its output.
func (t *Tensor) Relu() *Tensor {
	return t.unary(OpRelu, Params{}, "relu", func(g, _ *Tensor) *Tensor { return g.mulStep(t, 0) })
}

// LeakyRelu returns t for t > 0 and slope·t otherwise; d/dt is 1 or slope.
func (t *Tensor) LeakyRelu(slope float32) *Tensor {
	return t.unary(OpLeakyRelu, Params{A: slope}, "leaky_relu", func(g, _ *Tensor) *Tensor {
		return g.mulStep(t, slope)
	})
}

// Softplus returns ln(1 + e^t); d/dt = σ(t).
func (t *Tensor) Softplus() *Tensor {
	return t.unary(OpSoftplus, Params{}, "softplus", func(g, _ *Tensor) *Tensor { return g.Mul(t.Sigmoid()) })
}

// Pow returns t^p for a scalar exponent; d/dt = p·t^(p-1).
func (t *Tensor) Pow(p float32) *Tensor {
	return t.unary(OpPow, Params{A: p}, "pow", func(g, _ *Tensor) *Tensor {
		return g.Mul(t.Pow(p - 1).Scale(p))
	})
}

// Clamp returns min(max(t, lo), hi); d/dt = 1 on [lo, hi] and 0 outside (as PyTorch).
func (t *Tensor) Clamp(lo, hi float32) *Tensor {
	return t.unary(OpClamp, Params{A: lo, B: hi}, "clamp", func(g, _ *Tensor) *Tensor {
		in := t.dev.empty(t.shape)
		t.dev.b.Unary(OpInRange, Params{A: lo, B: hi}, in.buf, t.buf)
		return g.Mul(in)
	})
}

// Affine returns a·t + b; d/dt = a.
func (t *Tensor) Affine(a, b float32) *Tensor {
	return t.unary(OpAffine, Params{A: a, B: b}, "affine", func(g, _ *Tensor) *Tensor { return g.Scale(a) })
}

// Scale returns a·t.
func (t *Tensor) Scale(a float32) *Tensor { return t.Affine(a, 0) }

// AddScalar returns t + b.
func (t *Tensor) AddScalar(b float32) *Tensor { return t.Affine(1, b) }

// Recip returns 1/t; d/dt = -1/t².
func (t *Tensor) Recip() *Tensor {
	return t.unary(OpRecip, Params{}, "recip", func(g, out *Tensor) *Tensor { return g.Mul(out.Mul(out)).Neg() })
}

// Square returns t².
func (t *Tensor) Square() *Tensor { return t.Mul(t) }

// Sign returns -1, 0 or 1; it has no gradient.
func (t *Tensor) Sign() *Tensor { return t.unary(OpSign, Params{}, "sign", nil) }

// mulStep returns g where x > 0 and lo·g elsewhere: the backward of relu (lo = 0) and leaky
// relu in one pass. It is linear in g, so its own gradient is mulStep again; x gets none.
func (g *Tensor) mulStep(x *Tensor, lo float32) *Tensor {
	if !sameShape(g.shape, x.shape) {
		panicf("mulStep of %v by %v", g.shape, x.shape)
	}
	return g.binary(OpMulStep, Params{A: lo}, x, "mul_step", func(gg, _ *Tensor) (*Tensor, *Tensor) {
		return gg.mulStep(x, lo), nil
	})
}

func (t *Tensor) binary(op BinaryOp, p Params, u *Tensor, name string, backward func(g, out *Tensor) (ga, gb *Tensor)) *Tensor {
	if t.dev != u.dev {
		panicf("%s of tensors on different devices", name)
	}
	shape := broadcastShapes(t.shape, u.shape)
	out := t.dev.empty(shape)
	bc := Broadcast{Shape: shape, StridesA: broadcastStrides(t.shape, shape), StridesB: broadcastStrides(u.shape, shape)}
	t.dev.b.Binary(op, p, out.buf, t.buf, u.buf, bc)
	if backward != nil {
		record(out, name, []*Tensor{t, u}, func(g *Tensor) []*Tensor {
			ga, gb := backward(g, out)
			return []*Tensor{sumTo(ga, t.shape), sumTo(gb, u.shape)}
		})
	}
	return out
}

// Add returns t + u with broadcasting.
func (t *Tensor) Add(u *Tensor) *Tensor {
	return t.binary(OpAdd, Params{}, u, "add", func(g, _ *Tensor) (*Tensor, *Tensor) { return g, g })
}

// Sub returns t - u with broadcasting.
func (t *Tensor) Sub(u *Tensor) *Tensor {
	return t.binary(OpSub, Params{}, u, "sub", func(g, _ *Tensor) (*Tensor, *Tensor) { return g, g.Neg() })
}

// Mul returns t·u with broadcasting; ∂/∂t = u, ∂/∂u = t.
func (t *Tensor) Mul(u *Tensor) *Tensor {
	return t.binary(OpMul, Params{}, u, "mul", func(g, _ *Tensor) (*Tensor, *Tensor) { return g.Mul(u), g.Mul(t) })
}

// Div returns t/u with broadcasting; ∂/∂t = 1/u, ∂/∂u = -t/u².
func (t *Tensor) Div(u *Tensor) *Tensor {
	return t.binary(OpDiv, Params{}, u, "div", func(g, out *Tensor) (*Tensor, *Tensor) {
		gt := g.Div(u)
		return gt, gt.Mul(out).Neg()
	})
}

// Maximum returns max(t, u) elementwise with broadcasting. The gradient goes to t where
// t ≥ u and to u elsewhere.
func (t *Tensor) Maximum(u *Tensor) *Tensor {
	return t.binary(OpMax, Params{}, u, "maximum", func(g, out *Tensor) (*Tensor, *Tensor) {
		mt := t.Eq(out) // 1 where t won
		return g.Mul(mt), g.Mul(mt.Affine(-1, 1))
	})
}

// Eq returns 1 where t == u and 0 elsewhere, with no gradient.
func (t *Tensor) Eq(u *Tensor) *Tensor { return t.binary(OpEq, Params{}, u, "eq", nil) }

// sumTo sums g over the axes that broadcasting added to reach shape.
func sumTo(g *Tensor, shape []int) *Tensor {
	if g == nil || sameShape(g.shape, shape) {
		return g
	}
	off := len(g.shape) - len(shape)
	var axes []int
	for i := range g.shape {
		j := i - off
		if j < 0 || (shape[j] == 1 && g.shape[i] != 1) {
			axes = append(axes, i)
		}
	}
	return g.SumKeep(axes...).Reshape(shape...)
}
