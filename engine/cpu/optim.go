package cpu

import (
	"math"

	"github.com/ganplay/ganplay/engine"
)

// OptimStep applies one fused optimizer update in place (see engine.OptimOp).
func (b *Backend) OptimStep(op engine.OptimOp, p engine.OptimParams, w, g, s1, s2 engine.Buffer) {
	wd, gd := data(w), data(g)
	if len(gd) != len(wd) {
		panic("cpu: OptimStep gradient and parameter differ in length")
	}
	var m, v []float32
	if s1 != nil {
		m = data(s1)
	}
	if s2 != nil {
		v = data(s2)
	}
	b.parallelFor(len(wd), 8*len(wd), func(lo, hi int) {
		w, g := wd[lo:hi], gd[lo:hi]
		switch op {
		case engine.OptSGD:
			if p.Momentum == 0 {
				for i, gi := range g {
					w[i] -= p.LR * gi
				}
				return
			}
			vel := m[lo:hi]
			for i, gi := range g {
				vel[i] = p.Momentum*vel[i] + gi
				w[i] -= p.LR * vel[i]
			}
		case engine.OptAdam:
			m, v := m[lo:hi], v[lo:hi]
			for i, gi := range g {
				m[i] = p.Beta1*m[i] + (1-p.Beta1)*gi
				v[i] = p.Beta2*v[i] + (1-p.Beta2)*gi*gi
				w[i] -= p.LR * m[i] / (float32(math.Sqrt(float64(v[i])))*p.Scale + p.Eps)
			}
		case engine.OptRMSProp:
			s := m[lo:hi]
			for i, gi := range g {
				s[i] = p.Beta2*s[i] + (1-p.Beta2)*gi*gi
				w[i] -= p.LR * gi / (float32(math.Sqrt(float64(s[i]))) + p.Eps)
			}
		default:
			panic("cpu: unknown optimizer op")
		}
	})
}
