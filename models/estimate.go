package models

import "math"

// lsClamp keeps LSGAN's D output inside (0, 1) before taking logs.
const lsClamp = 1e-6

// Estimate returns the live estimate that D (or the critic) gives of a distance between the
// data and the model, on the real batch and as many fakes (drawn from the sampling stream,
// with the real batch's labels for a conditional model):
//
//   - "js_est" for the GAN objectives: with L(D, G) = mean log D(x) + mean log(1 - D(x̃))
//     and L(D*, G) = 2 JS - 2 log 2 (Goodfellow et al. 2014), JS ≈ (L(D, G) + 2 log 2)/2.
//     It is exact only for the optimal D and lies below JS for any other. LSGAN's 0-1
//     coding has the same optimal D*(x) = p_data/(p_data + p_g), so its output, clamped to
//     [1e-6, 1 - 1e-6], is used as D(x).
//   - "w_est" for the Wasserstein objectives: mean f(x) - mean f(x̃), the critic's estimate
//     of W_1 (up to the Lipschitz constant that clipping allows).
func (a *adversarial) Estimate(real Batch) []Value {
	n := real.X.Dim(0)
	labels := real.Labels
	if a.classes > 0 && len(labels) != n {
		labels = a.randomLabels(a.sampleRNG, n)
	}
	var r, f []float32
	a.dev.NoGrad(func() {
		y := a.oneHot(labels)
		fake := a.G.Forward(a.cond(a.noise(a.sampleRNG, n), y))
		r = a.D.Forward(a.cond(real.X, y)).Data()
		f = a.D.Forward(a.cond(fake, y)).Data()
	})
	switch a.obj {
	case Wasserstein, WassersteinGP:
		return []Value{{Name: "w_est", V: mean(r, id) - mean(f, id)}}
	case LeastSquares:
		l := mean(r, func(d float64) float64 { return math.Log(clamp01(d)) }) +
			mean(f, func(d float64) float64 { return math.Log(1 - clamp01(d)) })
		return []Value{{Name: "js_est", V: (l + 2*math.Ln2) / 2}}
	default:
		// log σ(a) = -softplus(-a), log(1 - σ(a)) = -softplus(a).
		l := -mean(r, func(d float64) float64 { return softplus(-d) }) - mean(f, softplus)
		return []Value{{Name: "js_est", V: (l + 2*math.Ln2) / 2}}
	}
}

var _ Estimator = (*adversarial)(nil)

func id(x float64) float64 { return x }

// softplus returns log(1 + e^x) without overflow.
func softplus(x float64) float64 {
	if x > 0 {
		return x + math.Log1p(math.Exp(-x))
	}
	return math.Log1p(math.Exp(x))
}

func clamp01(d float64) float64 { return min(max(d, lsClamp), 1-lsClamp) }

// mean returns the mean of g over v.
func mean(v []float32, g func(float64) float64) float64 {
	s := 0.0
	for _, x := range v {
		s += g(float64(x))
	}
	return s / float64(len(v))
}
