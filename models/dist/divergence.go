package dist

import (
	"fmt"
	"math"
)

// Divergences holds the distances between a reference distribution P_0 and a shifted copy
// P_θ, and their derivatives in θ, for the θ demo of THEORY.md section 2.
//
// The KL directions follow the THEORY.md table: KLForward = KL(P_θ ‖ P_0) (the moved
// distribution against the fixed one) and KLReverse = KL(P_0 ‖ P_θ). JS is the
// Jensen-Shannon divergence in nats (at most log 2), TV the total variation distance
// sup_A |P_0(A) − P_θ(A)| = ½ ∫ |p_0 − p_θ| (at most 1) and W1 the Wasserstein-1 distance.
//
// The D fields are the θ-derivatives of the corresponding values by central finite
// differences of the computed functions, D = (V(θ + h) − V(θ − h)) / (2h); the step h is
// given by the function that fills the struct. A difference involving +Inf (KL of disjoint
// supports) is NaN: the derivative does not exist.
type Divergences struct {
	JS, KLForward, KLReverse, TV, W1 float64
	DJS, DKLF, DKLR, DTV, DW1        float64
}

// Segment resolution: SegmentsStep is the base finite-difference step and segmentQuantiles
// the number of y-quantile points per segment used for W_1.
const (
	// SegmentsStep is the central-difference step h used by Segments (reduced to |θ|/2 when
	// 0 < |θ| < 2·SegmentsStep).
	SegmentsStep     = 1e-4
	segmentQuantiles = 64
)

// GaussiansStep is the central-difference step used by Gaussians, in units of σ: h = 1e-4·σ.
const GaussiansStep = 1e-4

// quadTol is the absolute tolerance of every numerical integral in this file.
const quadTol = 1e-13

// Segments returns the divergences between P_0 = uniform on the segment {0}×[0,1] and
// P_θ = uniform on {θ}×[0,1] (Arjovsky et al. 2017, example 1), computed from the measures.
//
// JS, both KLs and TV are integrals over the plane of functions of the densities p_0, p_θ
// taken with respect to the common reference measure μ = (Σ_{x ∈ {0, θ}} δ_x) ⊗ Leb[0,1],
// the union of the supports (one atom when θ = 0):
//
//	JS = ½ ∫ [p_0 log(2p_0/(p_0+p_θ)) + p_θ log(2p_θ/(p_0+p_θ))] dμ
//	KL(P ‖ Q) = ∫ p log(p/q) dμ        TV = ½ ∫ |p_0 − p_θ| dμ
//
// with 0 log 0 = 0 and p log(p/0) = +Inf for p > 0; the y-integrals are evaluated by
// Gauss-Kronrod quadrature. For θ ≠ 0 this gives JS = log 2, KL = +Inf and TV = 1; for θ = 0
// all are 0. W1 is the exact W_1 (W1Exact) between the points (0, y_k) and (θ, y_k) at the
// y-quantiles y_k = (k + ½)/64 of both segments, which equals the continuous W_1 = |θ| because
// the coupling (0, y) ↦ (θ, y) is optimal (W_1 ≥ |E x_θ − E x_0| = |θ|).
//
// The derivatives use the step h = SegmentsStep, reduced to |θ|/2 for 0 < |θ| < 2·SegmentsStep
// so that the stencil never straddles θ = 0: at θ ≠ 0, DJS = DTV = 0, DW1 = sign(θ) and the KL
// derivatives are NaN; at θ = 0 the symmetric stencil gives DJS = DTV = DW1 = 0. It panics if
// θ is NaN or ±Inf.
func Segments(theta float64) Divergences {
	if math.IsNaN(theta) || math.IsInf(theta, 0) {
		panic(fmt.Sprintf("dist: segments: theta is %v", theta))
	}
	h := SegmentsStep
	if theta != 0 && math.Abs(theta) < 2*h {
		h = math.Abs(theta) / 2
	}
	v := segmentValues(theta)
	lo := segmentValues(theta - h)
	hi := segmentValues(theta + h)
	return withDerivatives(v, lo, hi, h)
}

// segmentValues computes the values (no derivatives) of Segments at θ.
func segmentValues(theta float64) Divergences {
	atoms := []float64{0}
	if theta != 0 {
		atoms = append(atoms, theta)
	}
	// Log-densities with respect to μ: log 1 = 0 on the segment, log 0 = −Inf off it.
	logDensity := func(at, x, y float64) float64 {
		if x == at && y >= 0 && y <= 1 {
			return 0
		}
		return math.Inf(-1)
	}
	over := func(term func(lp, lq float64) float64) float64 {
		s := 0.0
		for _, x := range atoms {
			s += integrate(func(y float64) float64 {
				return term(logDensity(0, x, y), logDensity(theta, x, y))
			}, 0, 1, 1, quadTol)
		}
		return s
	}
	var d Divergences
	d.JS = over(jsTerm)
	d.KLForward = over(func(lp, lq float64) float64 { return klTerm(lq, lp) })
	d.KLReverse = over(klTerm)
	d.TV = over(tvTerm)

	a := make([][]float64, segmentQuantiles)
	b := make([][]float64, segmentQuantiles)
	for k := range a {
		y := (float64(k) + 0.5) / segmentQuantiles
		a[k] = []float64{0, y}
		b[k] = []float64{theta, y}
	}
	d.W1 = W1Exact(a, b)
	return d
}

// Gaussians returns the divergences between P_0 = N(0, σ²) and P_θ = N(θ, σ²) on the line,
// computed numerically: JS, KL(P_θ ‖ P_0), KL(P_0 ‖ P_θ) and TV are the integrals of
// Segments' integrands (with Lebesgue reference measure, log-densities evaluated analytically
// so that tails do not underflow), and W1 = ∫ |Φ_0(x) − Φ_θ(x)| dx, the L1 distance between
// the CDFs. All integrals run over [−(|θ| + 12σ), |θ| + 12σ] by adaptive Gauss-Kronrod
// quadrature (absolute tolerance 1e-13, panels of width at most σ/2).
//
// The closed forms, not used here, are KL = θ²/(2σ²) in both directions,
// TV = 2Φ(|θ|/(2σ)) − 1 and W1 = |θ|; JS rises from 0 at θ = 0 to log 2 as |θ|/σ grows.
// Derivatives use the central-difference step h = GaussiansStep·σ (within |θ| < h the kinks
// of TV and W1 at θ = 0 are averaged, giving 0 at θ = 0). It panics if σ is not positive and
// finite or θ is NaN or ±Inf.
func Gaussians(theta, sigma float64) Divergences {
	if math.IsNaN(sigma) || math.IsInf(sigma, 0) || sigma <= 0 {
		panic(fmt.Sprintf("dist: gaussians: sigma must be positive and finite, got %v", sigma))
	}
	if math.IsNaN(theta) || math.IsInf(theta, 0) {
		panic(fmt.Sprintf("dist: gaussians: theta is %v", theta))
	}
	h := GaussiansStep * sigma
	v := gaussianValues(theta, sigma)
	lo := gaussianValues(theta-h, sigma)
	hi := gaussianValues(theta+h, sigma)
	return withDerivatives(v, lo, hi, h)
}

// gaussianValues computes the values (no derivatives) of Gaussians at θ.
func gaussianValues(theta, sigma float64) Divergences {
	logNorm := -math.Log(sigma) - 0.5*math.Log(2*math.Pi)
	logPDF := func(mu, x float64) float64 {
		z := (x - mu) / sigma
		return logNorm - 0.5*z*z
	}
	cdf := func(mu, x float64) float64 {
		return 0.5 * math.Erfc(-(x-mu)/(sigma*math.Sqrt2))
	}
	r := math.Abs(theta) + 12*sigma
	panels := int(math.Ceil(2 * r / (0.5 * sigma)))
	over := func(term func(lp, lq float64) float64) float64 {
		return integrate(func(x float64) float64 {
			return term(logPDF(0, x), logPDF(theta, x))
		}, -r, r, panels, quadTol)
	}
	var d Divergences
	d.JS = over(jsTerm)
	d.KLForward = over(func(lp, lq float64) float64 { return klTerm(lq, lp) })
	d.KLReverse = over(klTerm)
	d.TV = over(tvTerm)
	d.W1 = integrate(func(x float64) float64 {
		return math.Abs(cdf(0, x) - cdf(theta, x))
	}, -r, r, panels, quadTol)
	return d
}

// withDerivatives returns v with its D fields set to the central differences
// (hi − lo) / (2h) of the values.
func withDerivatives(v, lo, hi Divergences, h float64) Divergences {
	cd := func(a, b float64) float64 { return (b - a) / (2 * h) }
	v.DJS = cd(lo.JS, hi.JS)
	v.DKLF = cd(lo.KLForward, hi.KLForward)
	v.DKLR = cd(lo.KLReverse, hi.KLReverse)
	v.DTV = cd(lo.TV, hi.TV)
	v.DW1 = cd(lo.W1, hi.W1)
	return v
}

// jsTerm is the Jensen-Shannon integrand ½[p log(p/m) + q log(q/m)], m = (p+q)/2, from the
// log-densities lp = log p and lq = log q, with 0 log 0 = 0.
func jsTerm(lp, lq float64) float64 {
	if math.IsInf(lp, -1) && math.IsInf(lq, -1) {
		return 0
	}
	lm := logAddExp(lp, lq) - math.Ln2
	s := 0.0
	if !math.IsInf(lp, -1) {
		s += math.Exp(lp) * (lp - lm)
	}
	if !math.IsInf(lq, -1) {
		s += math.Exp(lq) * (lq - lm)
	}
	return 0.5 * s
}

// klTerm is the Kullback-Leibler integrand p log(p/q) from lp = log p and lq = log q: 0 where
// p = 0 and +Inf where p > 0 = q.
func klTerm(lp, lq float64) float64 {
	if math.IsInf(lp, -1) {
		return 0
	}
	if math.IsInf(lq, -1) {
		return math.Inf(1)
	}
	return math.Exp(lp) * (lp - lq)
}

// tvTerm is the total variation integrand ½|p − q| from lp = log p and lq = log q.
func tvTerm(lp, lq float64) float64 {
	return 0.5 * math.Abs(math.Exp(lp)-math.Exp(lq))
}

// logAddExp returns log(e^x + e^y) without overflow; −Inf if both are −Inf.
func logAddExp(x, y float64) float64 {
	if x < y {
		x, y = y, x
	}
	if math.IsInf(x, -1) {
		return x
	}
	return x + math.Log1p(math.Exp(y-x))
}
