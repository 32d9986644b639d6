package engine

// Standardizer is implemented by backends that standardize channels in one fused pass
// pair (forward) and one (backward) instead of the nine and fifteen elementwise ops of
// the composition: BatchNorm and InstanceNorm spend their time there.
type Standardizer interface {
	// Standardize views x as [A, C, B] and writes, per channel c (over A and B),
	// y = (x - mean_c)·invstd_c with invstd_c = 1/√(var_c + eps) (biased variance), and
	// mean_c and invstd_c into mean and invstd ([C]).
	Standardize(y, mean, invstd, x Buffer, a, c, b int, eps float32)
	// StandardizeGrad writes the gradient with respect to x of the standardization that
	// gave y, from its gradient g: dx = invstd_c·(g - mean_c(g) - y·mean_c(g·y)).
	StandardizeGrad(dx, g, y, invstd Buffer, a, c, b int)
}

// Standardize returns x, viewed as [a, c, b], with each channel shifted to mean 0 and
// scaled to variance 1 over its a·b elements (the biased variance plus eps, as
// BatchNorm and InstanceNorm), in x's shape, together with the channels' means and
// variances ([c], without history). Its gradient flows to x.
func Standardize(x *Tensor, a, c, b int, eps float32) (y, mean, variance *Tensor) {
	if a*c*b != x.Len() {
		panicf("Standardize of %v as [%d, %d, %d]", x.shape, a, c, b)
	}
	st, ok := x.dev.b.(Standardizer)
	if !ok {
		xr := x.Reshape(a, c, b)
		m := xr.MeanKeep(0, 2)
		d := xr.Sub(m)
		v := d.Mul(d).MeanKeep(0, 2)
		y = d.Div(v.AddScalar(eps).Sqrt()).Reshape(x.shape...)
		return y, m.Detach().Reshape(c), v.Detach().Reshape(c)
	}
	y = x.dev.empty(x.shape)
	mean, inv := x.dev.empty([]int{c}), x.dev.empty([]int{c})
	st.Standardize(y.buf, mean.buf, inv.buf, x.buf, a, c, b, eps)
	record(y, "standardize", []*Tensor{x}, func(g *Tensor) []*Tensor {
		if g.dev.GradEnabled() {
			// A graph of the gradient: the same rule with y and invstd recomputed from x
			// with history, so that differentiating it again is exact.
			xr, gr := x.Reshape(a, c, b), g.Reshape(a, c, b)
			d := xr.Sub(xr.MeanKeep(0, 2))
			is := d.Mul(d).MeanKeep(0, 2).AddScalar(eps).Sqrt().Recip()
			yr := d.Mul(is)
			dx := gr.Sub(gr.MeanKeep(0, 2)).Sub(yr.Mul(gr.Mul(yr).MeanKeep(0, 2))).Mul(is)
			return []*Tensor{dx.Reshape(x.shape...)}
		}
		dx := x.dev.empty(x.shape)
		st.StandardizeGrad(dx.buf, g.buf, y.buf, inv.buf, a, c, b)
		return []*Tensor{dx}
	})
	var v *Tensor
	x.dev.NoGrad(func() { v = inv.Mul(inv).Recip().AddScalar(-eps) })
	return y, mean, v
}
