package demos

import (
	"fmt"
	"image"
	"math"

	"github.com/ganplay/ganplay/models/dist"
)

// Sizes and ranges of the Divergence scene.
const (
	ThetaN       = 81  // θ samples of each curve over [-2, 2]
	DivSigma     = 0.5 // σ of the two Gaussians
	sinkPoints   = 24  // quantile points per distribution for the Sinkhorn divergence
	sweepPerTick = 0.01
	sinkMaxIter  = 2000
)

// Curves are the distances between P_0 and P_θ at each θ of Theta, with their θ-derivatives.
// KL is KL(P_θ ‖ P_0) (+Inf where the supports differ). Sinkhorn is the Sinkhorn divergence
// S_ε between quantile samples of the two distributions, its derivative by central
// differences of the curve.
type Curves struct {
	Theta                   []float64
	JS, KL, TV, W1, Sink    []float64
	DJS, DKL, DTV, DW1, DSk []float64
}

// Divergence is the θ scene: the segments and the Gaussians of THEORY.md section 2.
type Divergence struct {
	s         Settings
	Segments  Curves
	Gaussians Curves
	eps       float64
}

// NewDivergence computes the curves for s.Eps.
func NewDivergence(s Settings) *Divergence {
	d := &Divergence{s: s}
	d.compute()
	return d
}

// Kind returns SceneDivergence.
func (d *Divergence) Kind() SceneKind { return SceneDivergence }

// Retune moves θ, the speed or the layers without recomputing the curves (a new ε does).
func (d *Divergence) Retune(s Settings) bool {
	if !sameExcept(d.s, s, "hide", "speed", "autoplay", "theta") {
		return false
	}
	d.s = s
	return true
}

// Theta returns the current θ.
func (d *Divergence) Theta() float64 { return d.s.Theta }

// SetTheta moves θ (clamped to [-2, 2]).
func (d *Divergence) SetTheta(t float64) { d.s.Theta = min(max(t, -2), 2) }

func thetas() []float64 {
	t := make([]float64, ThetaN)
	for i := range t {
		t[i] = -2 + 4*float64(i)/(ThetaN-1)
	}
	return t
}

// segmentPoints returns quantile points of the segment {θ}×[0,1].
func segmentPoints(theta float64) [][]float64 {
	p := make([][]float64, sinkPoints)
	for k := range p {
		p[k] = []float64{theta, (float64(k) + 0.5) / sinkPoints}
	}
	return p
}

// gaussianPoints returns quantile points of N(θ, σ²) on the line.
func gaussianPoints(theta float64) [][]float64 {
	p := make([][]float64, sinkPoints)
	for k := range p {
		q := (float64(k) + 0.5) / sinkPoints
		p[k] = []float64{theta + DivSigma*math.Sqrt2*math.Erfinv(2*q-1)}
	}
	return p
}

func sinkhornCurve(ts []float64, pts func(float64) [][]float64, eps float64) []float64 {
	out := make([]float64, len(ts))
	p0 := pts(0)
	for i, t := range ts {
		v, err := dist.SinkhornDivergence(p0, pts(t), nil, nil, eps, dist.Euclidean, dist.Options{MaxIter: sinkMaxIter, Tol: 1e-5})
		if err != nil {
			v = math.NaN()
		}
		out[i] = v
	}
	return out
}

// gradient returns the central differences of y over x (one-sided at the ends).
func gradient(x, y []float64) []float64 {
	d := make([]float64, len(y))
	for i := range y {
		lo, hi := max(i-1, 0), min(i+1, len(y)-1)
		d[i] = (y[hi] - y[lo]) / (x[hi] - x[lo])
	}
	return d
}

func (d *Divergence) compute() {
	d.eps = d.s.Eps
	ts := thetas()
	fill := func(f func(float64) dist.Divergences, pts func(float64) [][]float64) Curves {
		c := Curves{Theta: ts}
		for _, t := range ts {
			v := f(t)
			c.JS, c.KL, c.TV, c.W1 = append(c.JS, v.JS), append(c.KL, v.KLForward), append(c.TV, v.TV), append(c.W1, v.W1)
			c.DJS, c.DKL, c.DTV, c.DW1 = append(c.DJS, v.DJS), append(c.DKL, v.DKLF), append(c.DTV, v.DTV), append(c.DW1, v.DW1)
		}
		c.Sink = sinkhornCurve(ts, pts, d.eps)
		c.DSk = gradient(ts, c.Sink)
		return c
	}
	d.Segments = fill(dist.Segments, segmentPoints)
	d.Gaussians = fill(func(t float64) dist.Divergences { return dist.Gaussians(t, DivSigma) }, gaussianPoints)
}

// Update sweeps θ when playing (back and forth over [-2, 2]).
func (d *Divergence) Update(playing bool) error {
	if playing {
		d.Step(1)
	}
	return nil
}

// Step moves θ by n sweep steps.
func (d *Divergence) Step(n int) error {
	for range n {
		t := d.s.Theta + sweepPerTick*d.s.Speed
		if t > 2 {
			t = -2
		}
		d.s.Theta = t
	}
	return nil
}

// Values returns the distances at the current θ: segments first, then the Gaussians.
func (d *Divergence) Values() (seg, gauss dist.Divergences) {
	return dist.Segments(d.s.Theta), dist.Gaussians(d.s.Theta, DivSigma)
}

// Metrics returns the values at the current θ.
func (d *Divergence) Metrics() map[string]float64 {
	seg, g := d.Values()
	finite := func(v float64) float64 {
		if math.IsInf(v, 1) {
			return math.MaxFloat64
		}
		return v
	}
	return map[string]float64{"theta": d.s.Theta, "eps": d.eps,
		"seg_js": seg.JS, "seg_kl": finite(seg.KLForward), "seg_tv": seg.TV, "seg_w1": seg.W1,
		"gauss_js": g.JS, "gauss_kl": g.KLForward, "gauss_tv": g.TV, "gauss_w1": g.W1,
		"seg_sinkhorn":   interp(d.Segments.Theta, d.Segments.Sink, d.s.Theta),
		"gauss_sinkhorn": interp(d.Gaussians.Theta, d.Gaussians.Sink, d.s.Theta)}
}

func interp(x, y []float64, t float64) float64 {
	for i := 1; i < len(x); i++ {
		if t <= x[i] {
			a := (t - x[i-1]) / (x[i] - x[i-1])
			return y[i-1] + a*(y[i]-y[i-1])
		}
	}
	return y[len(y)-1]
}

// Click sets θ from the x position on a chart.
func (d *Divergence) Click(px, py float64) {
	if px >= 10 && px <= 950 {
		col := image.Rect(10, 0, 475, 0)
		if px > 480 {
			col = image.Rect(485, 0, 950, 0)
		}
		d.SetTheta(-2 + 4*(px-float64(col.Min.X))/float64(col.Dx()))
	}
}

// Render draws both families: values on top, derivatives below.
func (d *Divergence) Render(c *Canvas) {
	c.Clear(colBG)
	seg, g := d.Values()
	c.Label(10, 8, fmt.Sprintf("Divergences: theta = %+.2f   eps = %g   segments: JS %.3f KL %s TV %.2f W1 %.3f   Gaussians: JS %.3f W1 %.3f",
		d.s.Theta, d.eps, seg.JS, klText(seg.KLForward), seg.TV, seg.W1, g.JS, g.W1))
	for k, cv := range []Curves{d.Segments, d.Gaussians} {
		name := []string{"segments", "Gaussians (sigma 0.5)"}[k]
		x0 := 10 + k*475
		top := Chart{Title: name + ": distance vs theta", HasMark: true, MarkX: d.s.Theta, YMin: 0, YMax: 2,
			Series: []Series{
				{Name: "JS", Col: colFake, X: cv.Theta, Y: cv.JS},
				{Name: "KL", Col: colRed, X: cv.Theta, Y: cv.KL},
				{Name: "TV", Col: colMan, X: cv.Theta, Y: cv.TV},
				{Name: "W1", Col: colGreen, X: cv.Theta, Y: cv.W1},
				{Name: "Sinkhorn", Col: colReal, X: cv.Theta, Y: cv.Sink, Style: 1},
			}}
		bottom := Chart{Title: name + ": d/dtheta", HasMark: true, MarkX: d.s.Theta, YMin: -1.5, YMax: 1.5,
			Series: []Series{
				{Name: "JS'", Col: colFake, X: cv.Theta, Y: cv.DJS},
				{Name: "TV'", Col: colMan, X: cv.Theta, Y: cv.DTV},
				{Name: "W1'", Col: colGreen, X: cv.Theta, Y: cv.DW1},
				{Name: "S'", Col: colReal, X: cv.Theta, Y: cv.DSk, Style: 1},
			}}
		top.Draw(c, image.Rect(x0, 30, x0+465, 300))
		bottom.Draw(c, image.Rect(x0, 310, x0+465, 550))
	}
}

func klText(v float64) string {
	if math.IsInf(v, 1) {
		return "inf"
	}
	return fmt.Sprintf("%.3f", v)
}
