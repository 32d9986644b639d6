package dist

import "math"

const maxQuadDepth = 40

// gk15 returns the 15-point Kronrod estimate of ∫_a^b f and the error estimate |K − G| from
// the embedded 7-point Gauss rule.
func gk15(f func(float64) float64, a, b float64) (k, errEst float64) {
	// Gauss-Kronrod 15-point rule (QUADPACK qk15): abscissae on [−1, 1] (xgk[7] = 0),
	// Kronrod weights wgk and the weights wg of the embedded 7-point Gauss rule at xgk[1],
	// xgk[3], xgk[5], xgk[7].
	xgk := [8]float64{
		0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
		0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
		0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
		0.207784955007898467600689403773245, 0,
	}
	wgk := [8]float64{
		0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
		0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
		0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
		0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
	}
	wg := [4]float64{
		0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
		0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
	}
	c := 0.5 * (a + b)
	h := 0.5 * (b - a)
	fc := f(c)
	k = wgk[7] * fc
	g := wg[3] * fc
	for i := 0; i < 7; i++ {
		dx := h * xgk[i]
		s := f(c-dx) + f(c+dx)
		k += wgk[i] * s
		if i%2 == 1 {
			g += wg[i/2] * s
		}
	}
	return k * h, math.Abs((k - g) * h)
}

// adaptGK integrates f over [a, b] by recursive bisection until the Gauss-Kronrod error
// estimate is at most tol (halved at each split) or maxQuadDepth is reached. An infinite or
// NaN estimate is returned at once.
func adaptGK(f func(float64) float64, a, b, tol float64, depth int) float64 {
	k, e := gk15(f, a, b)
	if math.IsInf(k, 0) || math.IsNaN(k) || e <= tol || depth >= maxQuadDepth {
		return k
	}
	c := 0.5 * (a + b)
	return adaptGK(f, a, c, tol/2, depth+1) + adaptGK(f, c, b, tol/2, depth+1)
}

// integrate returns ∫_a^b f(x) dx by adaptive Gauss-Kronrod quadrature: [a, b] is first cut
// into panels equal pieces (so that no narrow peak is missed), then each piece is refined
// until its error estimate is below its share of the absolute tolerance tol. Kinks in f (as
// in |p − q|) are handled by the bisection. The result is deterministic.
func integrate(f func(float64) float64, a, b float64, panels int, tol float64) float64 {
	if panels < 1 {
		panels = 1
	}
	w := (b - a) / float64(panels)
	s := 0.0
	for i := 0; i < panels; i++ {
		lo := a + float64(i)*w
		hi := a + float64(i+1)*w
		if i == panels-1 {
			hi = b
		}
		s += adaptGK(f, lo, hi, tol/float64(panels), 0)
	}
	return s
}
