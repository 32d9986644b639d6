package enginetest

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/ganplay/ganplay/engine"
)

// opCase is one engine op applied to operands of fixed shapes, with its float64 reference.
type opCase struct {
	// desc is the call as failure messages print it, such as "Add(a [3 4], b [4])". It also
	// seeds the case's random draws.
	desc string
	// in lists the operands; each becomes a leaf tensor that requires grad.
	in []operand
	// terms is the largest number of terms summed into one element of the result or of a
	// gradient (0 means 1); it scales the tolerances.
	terms int
	// distinct replaces all operand values by one shuffled grid without ties (for maxima).
	distinct bool
	// forwardOnly skips the gradient checks, for inputs that sit on a kink on purpose.
	forwardOnly bool
	// second asks for the Hessian-vector check whatever the operands' size, for ops that a
	// gradient penalty differentiates twice. Cases with at most fdLimit operand elements in
	// all get the check anyway: it is cheap there, and it catches a backward pass that cuts
	// the graph in any op that a penalty might meet.
	second bool
	// run applies the op to tensors on the backend under test.
	run func(x []*engine.Tensor) *engine.Tensor
	// ref computes the same op in float64, without the engine.
	ref func(x []*array) *array
}

// runCases runs every case as a subtest of t on dev.
func runCases(t *testing.T, dev *engine.Device, cases []opCase) {
	for _, c := range cases {
		t.Run(c.desc, func(t *testing.T) { runCase(t, dev, c) })
	}
}

// runCase checks one case: the forward result against the reference, then the gradients
// of L = Σ r ⊙ op(x) for a random r against central differences of the reference, then
// (see checkSecondOrder) a Hessian-vector product, when c.second is set or the operands are
// small.
func runCase(t *testing.T, dev *engine.Device, c opCase) {
	defer recoverPanic(t, c.desc)
	rng := newRand(c.desc)
	xs := make([]*array, len(c.in))
	for i, o := range c.in {
		xs[i] = draw(rng, o.shape, o.draw)
	}
	if c.distinct {
		spreadDistinct(rng, xs)
	}
	ts := make([]*engine.Tensor, len(xs))
	for i, x := range xs {
		ts[i] = dev.FromSlice(x.float32s(), x.shape...).RequiresGrad()
	}

	y := c.run(ts)
	want := c.ref(xs)
	if !compare(t, c.desc, y, want, nil, forwardTol, c.terms) || c.forwardOnly {
		return
	}
	r := draw(rng, want.shape, uniform(-1, 1))
	seed := dev.FromSlice(r.float32s(), r.shape...)
	only := make([][]int, len(xs))
	for i, x := range xs {
		only[i] = checkedPositions(c.desc+" "+c.in[i].name, len(x.data))
	}

	loss := func(xs []*array) float64 { return dot(c.ref(xs), r) }
	grads := engine.Grad([]*engine.Tensor{y}, ts, engine.GradOptions{Seeds: []*engine.Tensor{seed}})
	for i := range xs {
		fd := fdGrad(loss, xs, i, gradStep, only[i])
		compare(t, fmt.Sprintf("d/d%s %s", c.in[i].name, c.desc), grads[i], fd, only[i], gradTol, c.gradTerms(i, len(r.data)))
	}

	if c.second || c.operandSize() <= fdLimit {
		checkSecondOrder(t, rng, c, xs, ts, y, r, seed, only)
	}
}

// checkSecondOrder differentiates L₂ = Σ r ⊙ y + ½ Σ q ⊙ y² (y = op(x), random q) with
// CreateGraph, checks that gradient, then checks H·v = ∂/∂x ⟨v, ∂L₂/∂x⟩ for a random v
// against nested central differences of the reference. The upstream gradient of L₂ is
// r + q ⊙ y, which depends on x, so a backward pass that cuts the graph of its incoming
// gradient fails here even for a linear op. The gradients are checked at positions only.
func checkSecondOrder(t *testing.T, rng *rand.Rand, c opCase, xs []*array, ts []*engine.Tensor, y *engine.Tensor, r *array, seed *engine.Tensor, only [][]int) {
	dev := y.Device()
	q := draw(rng, r.shape, uniform(-1, 1))
	upstream := seed.Add(dev.FromSlice(q.float32s(), q.shape...).Mul(y))
	loss := func(xs []*array) float64 {
		var s float64
		for i, v := range c.ref(xs).data {
			s += r.data[i]*v + 0.5*q.data[i]*v*v
		}
		return s
	}
	gs := engine.Grad([]*engine.Tensor{y}, ts, engine.GradOptions{Seeds: []*engine.Tensor{upstream}, CreateGraph: true})
	for i := range xs {
		fd := fdGrad(loss, xs, i, gradStep, only[i])
		compare(t, fmt.Sprintf("d/d%s (CreateGraph) %s", c.in[i].name, c.desc), gs[i], fd, only[i], gradTol, c.gradTerms(i, len(r.data)))
	}

	vs := make([]*engine.Tensor, len(xs))
	plus, minus := make([]*array, len(xs)), make([]*array, len(xs))
	for i, x := range xs {
		v := draw(rng, x.shape, uniform(-1, 1))
		vs[i] = dev.FromSlice(v.float32s(), x.shape...)
		plus[i], minus[i] = x.clone(), x.clone()
		for j, d := range v.data {
			plus[i].data[j] += hvpStep * d
			minus[i].data[j] -= hvpStep * d
		}
	}
	hv := engine.Grad(gs, ts, engine.GradOptions{Seeds: vs})
	for i := range xs {
		// (H·v)_j = ∂/∂ε ∂L₂/∂x_j (x + ε·v) at ε = 0.
		gp := fdGrad(loss, plus, i, hvpStep, only[i])
		gm := fdGrad(loss, minus, i, hvpStep, only[i])
		for _, j := range only[i] {
			gp.data[j] = (gp.data[j] - gm.data[j]) / (2 * hvpStep)
		}
		compare(t, fmt.Sprintf("(H·v)_%s of %s", c.in[i].name, c.desc), hv[i], gp, only[i], hvpTol, c.gradTerms(i, len(r.data)))
	}
}

// operandSize returns the number of elements of all operands together.
func (c opCase) operandSize() int {
	n := 0
	for _, o := range c.in {
		n += numel(o.shape)
	}
	return n
}

// gradTerms is the number of terms that one element of the gradient of operand i may sum:
// the case's terms, or the broadcast factor from operand i to an output of outLen elements.
func (c opCase) gradTerms(i, outLen int) int {
	n := numel(c.in[i].shape)
	if n == 0 {
		return c.terms
	}
	return max(c.terms, (outLen+n-1)/n)
}
