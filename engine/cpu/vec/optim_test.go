package vec

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// The references below repeat the documented formulas in float32, rounding
// every product before it is added; the kernels must match them bit for bit.
// Each is also checked against the same update in float64, to a relative
// tolerance of 1e-5 of the step, which guards the formulas themselves.

func refAdam(w, g, m, v float32, b1, b2, lr, sc, eps float32) (float32, float32, float32) {
	m = float32(b1*m) + float32((1-b1)*g)
	v = float32(b2*v) + float32(float32((1-b2)*g)*g)
	w -= float32(lr*m) / (float32(float32(math.Sqrt(float64(v)))*sc) + eps)
	return w, m, v
}

func close64(got float32, want, scale float64) bool {
	return math.Abs(float64(got)-want) <= 1e-5*scale+1e-30
}

// optimData returns w, g and two state slices with v non-negative.
func optimData(r *rand.Rand, n int) (w, g, m, v []float32) {
	w, g, m = data(r, n, false), data(r, n, false), data(r, n, false)
	v = data(r, n, false)
	for i := range v {
		v[i] *= v[i]
		if i%13 == 0 {
			g[i] = 0 // exercises a zero second moment
			v[i] = 0
		}
	}
	return
}

func TestAdam(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	var b1, b2, lr, sc, eps float32 = 0.9, 0.999, 1e-3, 1.7, 1e-8
	f := func(x float32) float64 { return float64(x) }
	for _, k := range kernels() {
		for _, n := range lengths {
			w, g, m, v := optimData(r, n)
			ww, wm, wv := make([]float32, n), make([]float32, n), make([]float32, n)
			for i := range w {
				ww[i], wm[i], wv[i] = refAdam(w[i], g[i], m[i], v[i], b1, b2, lr, sc, eps)
				mAbs := f(b1)*math.Abs(f(m[i])) + (1-f(b1))*math.Abs(f(g[i]))
				m64 := f(b1)*f(m[i]) + (1-f(b1))*f(g[i])
				v64 := f(b2)*f(v[i]) + (1-f(b2))*f(g[i])*f(g[i])
				den := math.Sqrt(v64)*f(sc) + f(eps)
				step := f(lr) * m64 / den
				if !close64(wm[i], m64, mAbs) || !close64(wv[i], v64, v64) ||
					!close64(ww[i], f(w[i])-step, f(lr)*mAbs/den+math.Abs(f(w[i]))) {
					t.Fatalf("reference Adam disagrees with float64 at %d", i)
				}
			}
			k.Adam(w, g, m, v, b1, b2, lr, sc, eps)
			what := fmt.Sprintf("%s Adam n %d", k.name, n)
			compare(t, what+" w", w, ww)
			compare(t, what+" m", m, wm)
			compare(t, what+" v", v, wv)
		}
	}
}

func TestSGD(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 24))
	var lr float32 = 0.05
	for _, k := range kernels() {
		for _, mu := range []float32{0, 0.9} {
			for _, n := range lengths {
				w, g, vel, _ := optimData(r, n)
				ww, wv := make([]float32, n), clone(vel)
				for i := range w {
					if mu == 0 {
						ww[i] = w[i] - float32(lr*g[i])
						continue
					}
					wv[i] = float32(mu*vel[i]) + g[i]
					ww[i] = w[i] - float32(lr*wv[i])
					v64 := float64(mu)*float64(vel[i]) + float64(g[i])
					if !close64(wv[i], v64, math.Abs(v64)+math.Abs(float64(g[i]))) {
						t.Fatalf("reference momentum disagrees with float64 at %d", i)
					}
				}
				velArg := vel
				if mu == 0 && n > 0 {
					velArg = nil // not read when there is no momentum
				}
				k.SGD(w, g, velArg, lr, mu)
				what := fmt.Sprintf("%s SGD(μ=%v) n %d", k.name, mu, n)
				compare(t, what+" w", w, ww)
				compare(t, what+" vel", vel, wv)
			}
		}
	}
}

func TestRMSProp(t *testing.T) {
	r := rand.New(rand.NewPCG(25, 26))
	var lr, alpha, eps float32 = 1e-2, 0.99, 1e-8
	for _, k := range kernels() {
		for _, n := range lengths {
			w, g, _, s := optimData(r, n)
			ww, ws := make([]float32, n), make([]float32, n)
			for i := range w {
				ws[i] = float32(alpha*s[i]) + float32(float32((1-alpha)*g[i])*g[i])
				ww[i] = w[i] - float32(lr*g[i])/(float32(math.Sqrt(float64(ws[i])))+eps)
				a64, lr64 := float64(alpha), float64(lr)
				s64 := a64*float64(s[i]) + (1-a64)*float64(g[i])*float64(g[i])
				step := lr64 * float64(g[i]) / (math.Sqrt(s64) + float64(eps))
				if !close64(ws[i], s64, s64) ||
					!close64(ww[i], float64(w[i])-step, math.Abs(step)+math.Abs(float64(w[i]))) {
					t.Fatalf("reference RMSProp disagrees with float64 at %d", i)
				}
			}
			k.RMSProp(w, g, s, lr, alpha, eps)
			what := fmt.Sprintf("%s RMSProp n %d", k.name, n)
			compare(t, what+" w", w, ww)
			compare(t, what+" s", s, ws)
		}
	}
}
