package cpu

import (
	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu/vec"
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
			var vel []float32
			if p.Momentum != 0 {
				vel = m[lo:hi]
			}
			vec.SGD(w, g, vel, p.LR, p.Momentum)
		case engine.OptAdam:
			vec.Adam(w, g, m[lo:hi], v[lo:hi], p.Beta1, p.Beta2, p.LR, p.Scale, p.Eps)
		case engine.OptRMSProp:
			vec.RMSProp(w, g, m[lo:hi], p.LR, p.Beta2, p.Eps)
		default:
			panic("cpu: unknown optimizer op")
		}
	})
}
