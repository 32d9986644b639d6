package engine

// OptimStep applies one fused optimizer update (see OptimOp) in place to the leaf w from
// its gradient g and the state tensors s1, s2 (nil where the update has none). It records
// no history: optimizers run outside the graph.
func OptimStep(op OptimOp, p OptimParams, w, g, s1, s2 *Tensor) {
	if w.node != nil {
		panicf("OptimStep on a non-leaf tensor")
	}
	bufs := [2]Buffer{}
	for i, s := range []*Tensor{g, s1, s2} {
		if s == nil {
			continue
		}
		if s.dev != w.dev || !sameShape(s.shape, w.shape) {
			panicf("OptimStep of a parameter %v with a tensor %v", w.shape, s.shape)
		}
		if i > 0 {
			bufs[i-1] = s.buf
		}
	}
	if g == nil {
		panicf("OptimStep without a gradient")
	}
	w.dev.b.OptimStep(op, p, w.buf, g.buf, bufs[0], bufs[1])
}
