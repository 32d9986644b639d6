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

// AffineStandardizer is implemented by backends that also fuse the per-channel scale and
// shift after a standardization (BatchNorm's γ and β) into its passes: the composition
// makes two more passes forward and five backward (the gradient through the product and
// the sum, and both parameters' reductions).
type AffineStandardizer interface {
	// StandardizeAffine views x as [A, C, B] and writes y = w_c·x̂ + bias_c, where
	// x̂ = (x - mean_c)·invstd_c as in Standardizer.Standardize, and mean_c and invstd_c
	// into mean and invstd ([C]).
	StandardizeAffine(y, mean, invstd, x, w, bias Buffer, a, c, b int, eps float32)
	// StandardizeAffineGrad writes the gradients of that map given its gradient g:
	// dw_c = Σ g·x̂ and dbias_c = Σ g over channel c, and, unless dx is nil,
	// dx = w_c·invstd_c·(g - mean_c(g) - x̂·mean_c(g·x̂)). It recomputes x̂ from x.
	StandardizeAffineGrad(dx, dw, dbias, g, x, mean, invstd, w Buffer, a, c, b int)
}

// StandardizeAffine returns Standardize(x, a, c, b, eps) scaled by w and shifted by bias
// ([c] each, broadcast over a and b), BatchNorm's training map y = w·x̂ + bias, with the
// channels' means and variances as Standardize. Its gradients flow to x, w and bias.
func StandardizeAffine(x, w, bias *Tensor, a, c, b int, eps float32) (y, mean, variance *Tensor) {
	if a*c*b != x.Len() || w.Len() != c || bias.Len() != c {
		panicf("StandardizeAffine of %v as [%d, %d, %d] with w %v and bias %v", x.shape, a, c, b, w.shape, bias.shape)
	}
	st, ok := x.dev.b.(AffineStandardizer)
	if !ok {
		y, mean, variance = Standardize(x, a, c, b, eps)
		y = y.Reshape(a, c, b).Mul(w.Reshape(1, c, 1)).Add(bias.Reshape(1, c, 1)).Reshape(x.shape...)
		return y, mean, variance
	}
	y = x.dev.empty(x.shape)
	mean, inv := x.dev.empty([]int{c}), x.dev.empty([]int{c})
	st.StandardizeAffine(y.buf, mean.buf, inv.buf, x.buf, w.buf, bias.buf, a, c, b, eps)
	record(y, "standardize-affine", []*Tensor{x, w, bias}, func(g *Tensor) []*Tensor {
		dx, dw, db := x.needsGrad(), w.needsGrad(), bias.needsGrad()
		if g.dev.GradEnabled() {
			// A graph of the gradient, x̂ and invstd recomputed from x with history (see
			// Standardize).
			xr, gr := x.Reshape(a, c, b), g.Reshape(a, c, b)
			d := xr.Sub(xr.MeanKeep(0, 2))
			is := d.Mul(d).MeanKeep(0, 2).AddScalar(eps).Sqrt().Recip()
			xh := d.Mul(is)
			out := make([]*Tensor, 3)
			if dx {
				gy := gr.Mul(w.Reshape(1, c, 1))
				out[0] = gy.Sub(gy.MeanKeep(0, 2)).Sub(xh.Mul(gy.Mul(xh).MeanKeep(0, 2))).Mul(is).Reshape(x.shape...)
			}
			if dw {
				out[1] = gr.Mul(xh).Sum(0, 2).Reshape(w.shape...)
			}
			if db {
				out[2] = gr.Sum(0, 2).Reshape(bias.shape...)
			}
			return out
		}
		var gx *Tensor
		var gxb Buffer
		if dx {
			gx = x.dev.empty(x.shape)
			gxb = gx.buf
		}
		gw, gb := x.dev.empty(w.shape), x.dev.empty(bias.shape)
		st.StandardizeAffineGrad(gxb, gw.buf, gb.buf, g.buf, x.buf, mean.buf, inv.buf, w.buf, a, c, b)
		out := []*Tensor{gx, nil, nil}
		if dw {
			out[1] = gw
		}
		if db {
			out[2] = gb
		}
		return out
	})
	x.dev.NoGrad(func() { variance = inv.Mul(inv).Recip().AddScalar(-eps) })
	return y, mean, variance
}
