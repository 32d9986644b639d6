package enginetest

import (
	"fmt"
	"math"
	"testing"

	"github.com/ganplay/ganplay/engine"
)

// optimCase is one fused optimizer update and its float64 reference, which updates w and the
// state arrays in place from g.
type optimCase struct {
	op     engine.OptimOp
	p      engine.OptimParams
	states int
	ref    func(p engine.OptimParams, w, g, s1, s2 []float64)
}

func optimCases() []optimCase {
	sgd := func(p engine.OptimParams, w, g, s1, _ []float64) {
		for i := range w {
			step := g[i]
			if p.Momentum != 0 {
				s1[i] = float64(p.Momentum)*s1[i] + g[i]
				step = s1[i]
			}
			w[i] -= float64(p.LR) * step
		}
	}
	adam := func(p engine.OptimParams, w, g, m, v []float64) {
		b1, b2 := float64(p.Beta1), float64(p.Beta2)
		for i := range w {
			m[i] = b1*m[i] + (1-b1)*g[i]
			v[i] = b2*v[i] + (1-b2)*g[i]*g[i]
			w[i] -= float64(p.LR) * m[i] / (math.Sqrt(v[i])*float64(p.Scale) + float64(p.Eps))
		}
	}
	rms := func(p engine.OptimParams, w, g, s, _ []float64) {
		a := float64(p.Beta2)
		for i := range w {
			s[i] = a*s[i] + (1-a)*g[i]*g[i]
			w[i] -= float64(p.LR) * g[i] / (math.Sqrt(s[i]) + float64(p.Eps))
		}
	}
	return []optimCase{
		{engine.OptSGD, engine.OptimParams{LR: 0.1}, 0, sgd},
		{engine.OptSGD, engine.OptimParams{LR: 0.05, Momentum: 0.9}, 1, sgd},
		{engine.OptAdam, engine.OptimParams{LR: 2e-2, Beta1: 0.5, Beta2: 0.999, Eps: 1e-8, Scale: 3}, 2, adam},
		{engine.OptRMSProp, engine.OptimParams{LR: 1e-2, Beta2: 0.99, Eps: 1e-8}, 1, rms},
	}
}

// testOptim applies each fused update three times to tensors of a few shapes and compares
// the parameter and the state with the float64 reference after every step.
func testOptim(t *testing.T, dev *engine.Device) {
	for _, c := range optimCases() {
		for _, shape := range [][]int{{1}, {7}, {5, 13}} {
			desc := fmt.Sprintf("OptimStep(op %d, %+v, %v)", c.op, c.p, shape)
			t.Run(desc, func(t *testing.T) {
				defer recoverPanic(t, desc)
				r := newRand(desc)
				w := draw(r, shape, uniform(-1, 1))
				s := []*array{newArray(shape...), newArray(shape...)}
				tw := dev.FromSlice(w.float32s(), shape...)
				ts := []*engine.Tensor{dev.Zeros(shape...), dev.Zeros(shape...)}
				for k := 0; k < 3; k++ {
					g := draw(r, shape, uniform(-1, 1))
					c.ref(c.p, w.data, g.data, s[0].data, s[1].data)
					var s1, s2 *engine.Tensor
					if c.states > 0 {
						s1 = ts[0]
					}
					if c.states > 1 {
						s2 = ts[1]
					}
					engine.OptimStep(c.op, c.p, tw, dev.FromSlice(g.float32s(), shape...), s1, s2)
					compare(t, fmt.Sprintf("%s step %d: w", desc, k+1), tw, w, nil, forwardTol, 1)
					for j := 0; j < c.states; j++ {
						compare(t, fmt.Sprintf("%s step %d: state %d", desc, k+1, j+1), ts[j], s[j], nil, forwardTol, 1)
					}
				}
			})
		}
	}
}
