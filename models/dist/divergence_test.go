package dist

import (
	"math"
	"testing"
)

func TestSegments(t *testing.T) {
	for _, theta := range []float64{1e-6, -1e-6, 1.5e-4, 0.3, -0.3, 1, -2, 5} {
		d := Segments(theta)
		sign := math.Copysign(1, theta)
		if math.Abs(d.JS-math.Ln2) > 1e-12 {
			t.Errorf("θ=%v: JS %v, want log 2", theta, d.JS)
		}
		if !math.IsInf(d.KLForward, 1) || !math.IsInf(d.KLReverse, 1) {
			t.Errorf("θ=%v: KL %v, %v, want +Inf", theta, d.KLForward, d.KLReverse)
		}
		if math.Abs(d.TV-1) > 1e-12 {
			t.Errorf("θ=%v: TV %v, want 1", theta, d.TV)
		}
		if math.Abs(d.W1-math.Abs(theta)) > 1e-9*math.Max(1, math.Abs(theta)) {
			t.Errorf("θ=%v: W1 %v, want %v", theta, d.W1, math.Abs(theta))
		}
		if d.DJS != 0 || d.DTV != 0 {
			t.Errorf("θ=%v: DJS %v, DTV %v, want 0", theta, d.DJS, d.DTV)
		}
		if math.Abs(d.DW1-sign) > 1e-6 {
			t.Errorf("θ=%v: DW1 %v, want %v", theta, d.DW1, sign)
		}
		if !math.IsNaN(d.DKLF) || !math.IsNaN(d.DKLR) {
			t.Errorf("θ=%v: KL derivatives %v, %v, want NaN", theta, d.DKLF, d.DKLR)
		}
	}
	d := Segments(0)
	if d.JS != 0 || d.KLForward != 0 || d.KLReverse != 0 || d.TV != 0 || d.W1 != 0 {
		t.Errorf("θ=0: %+v, want zeros", d)
	}
	if d.DJS != 0 || d.DTV != 0 || d.DW1 != 0 {
		t.Errorf("θ=0 derivatives: %+v", d)
	}
}

// tvClosed is the closed form 2Φ(|θ|/(2σ)) − 1 of the total variation between N(0,σ²) and
// N(θ,σ²).
func tvClosed(theta, sigma float64) float64 {
	return math.Erf(math.Abs(theta) / (2 * sigma) / math.Sqrt2)
}

// jsTrapezoid computes JS(N(0,σ²), N(θ,σ²)) independently by the trapezoid rule on a fine
// grid (spectrally accurate for this smooth, rapidly decaying integrand).
func jsTrapezoid(theta, sigma float64) float64 {
	pdf := func(mu, x float64) float64 {
		z := (x - mu) / sigma
		return math.Exp(-0.5*z*z) / (sigma * math.Sqrt(2*math.Pi))
	}
	lo, hi := math.Min(0, theta)-14*sigma, math.Max(0, theta)+14*sigma
	n := 200000
	h := (hi - lo) / float64(n)
	s := 0.0
	for k := 0; k <= n; k++ {
		x := lo + float64(k)*h
		p, q := pdf(0, x), pdf(theta, x)
		m := (p + q) / 2
		v := 0.0
		if p > 0 {
			v += p * math.Log(p/m)
		}
		if q > 0 {
			v += q * math.Log(q/m)
		}
		w := 1.0
		if k == 0 || k == n {
			w = 0.5
		}
		s += w * 0.5 * v
	}
	return s * h
}

func TestGaussiansClosedForms(t *testing.T) {
	for _, sigma := range []float64{1, 0.3, 2.5} {
		for _, r := range []float64{0.05, 0.5, 1, -1.7, 3, 8} {
			theta := r * sigma
			d := Gaussians(theta, sigma)
			kl := theta * theta / (2 * sigma * sigma)
			sign := math.Copysign(1, theta)
			check := func(name string, got, want, tol float64) {
				t.Helper()
				if math.Abs(got-want) > tol {
					t.Errorf("σ=%v θ=%v: %s = %.12g, want %.12g", sigma, theta, name, got, want)
				}
			}
			check("KLForward", d.KLForward, kl, 1e-6)
			check("KLReverse", d.KLReverse, kl, 1e-6)
			check("TV", d.TV, tvClosed(theta, sigma), 1e-6)
			check("W1", d.W1, math.Abs(theta), 1e-6)
			check("JS", d.JS, jsTrapezoid(theta, sigma), 1e-6)
			check("DKLF", d.DKLF, theta/(sigma*sigma), 1e-5)
			check("DKLR", d.DKLR, theta/(sigma*sigma), 1e-5)
			phi := math.Exp(-theta*theta/(8*sigma*sigma)) / math.Sqrt(2*math.Pi)
			check("DTV", d.DTV, sign*phi/sigma, 1e-5) // d/dθ [2Φ(|θ|/(2σ)) − 1] = sign(θ) φ(θ/(2σ)) / σ
			check("DW1", d.DW1, sign, 1e-5)
			// DJS agrees with a coarser central difference of the computed JS.
			h := 1e-3 * sigma
			coarse := (Gaussians(theta+h, sigma).JS - Gaussians(theta-h, sigma).JS) / (2 * h)
			check("DJS", d.DJS, coarse, 1e-5/sigma)
			if d.JS <= 0 || d.JS >= math.Ln2 || d.DJS*sign <= 0 {
				t.Errorf("σ=%v θ=%v: JS %v, DJS %v out of range", sigma, theta, d.JS, d.DJS)
			}
		}
	}
}

func TestGaussiansJSLimits(t *testing.T) {
	d := Gaussians(0, 1)
	if d.JS != 0 || d.KLForward != 0 || d.TV != 0 || d.W1 != 0 {
		t.Errorf("θ=0: %+v, want zero values", d)
	}
	if math.Abs(d.DJS) > 1e-8 || math.Abs(d.DTV) > 1e-8 || math.Abs(d.DW1) > 1e-8 {
		t.Errorf("θ=0: derivatives %+v, want 0 (symmetric stencil)", d)
	}
	prev := 0.0
	for _, r := range []float64{0.5, 1, 2, 4, 8, 16, 40} {
		js := Gaussians(r*0.7, 0.7).JS
		if js <= prev {
			t.Errorf("JS not increasing: %v at θ/σ=%v after %v", js, r, prev)
		}
		prev = js
	}
	far := Gaussians(40, 1)
	if math.Abs(far.JS-math.Ln2) > 1e-9 || math.Abs(far.DJS) > 1e-6 || math.Abs(far.TV-1) > 1e-9 {
		t.Errorf("θ/σ=40: JS %v (want log 2), DJS %v, TV %v", far.JS, far.DJS, far.TV)
	}
	if math.Abs(far.W1-40) > 1e-6 || math.Abs(far.DW1-1) > 1e-5 {
		t.Errorf("θ/σ=40: W1 %v, DW1 %v (W_1 keeps growing)", far.W1, far.DW1)
	}
	if a, b := Gaussians(1.3, 1), Gaussians(-1.3, 1); math.Abs(a.JS-b.JS) > 1e-12 || math.Abs(a.DJS+b.DJS) > 1e-7 {
		t.Errorf("JS not symmetric: %+v vs %+v", a, b)
	}
}

func TestDivergencePanics(t *testing.T) {
	for name, f := range map[string]func(){
		"sigma zero":  func() { Gaussians(1, 0) },
		"sigma nan":   func() { Gaussians(1, math.NaN()) },
		"theta inf":   func() { Gaussians(math.Inf(1), 1) },
		"segment nan": func() { Segments(math.NaN()) },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Fatal("no panic")
				}
			}()
			f()
		})
	}
}

func BenchmarkGaussians(b *testing.B) {
	for b.Loop() {
		Gaussians(1.3, 1)
	}
}
