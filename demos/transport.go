package demos

import (
	"fmt"
	"image"
	"math"
	"math/rand/v2"

	"github.com/ganplay/ganplay/models/dist"
)

// TransportN is the number of points in each cloud of the Transport scene.
const TransportN = 24

// Transport is the optimal-transport scene: two point clouds, the Sinkhorn plan between them
// (ε = Settings.Eps, at most Settings.Iters iterations) and the exact OT cost beside the
// Sinkhorn cost.
type Transport struct {
	s      Settings
	A, B   [][2]float64
	Result dist.Result
	Exact  float64 // exact W_1 of the two clouds (an assignment problem)
	Perm   []int   // the exact optimal assignment
	err    error
	t      float64 // animation phase when playing
}

// NewTransport samples the clouds from s.Seed and solves both problems.
func NewTransport(s Settings) *Transport {
	rng := rand.New(rand.NewPCG(s.Seed, 0x6f74))
	tr := &Transport{s: s}
	for i := range TransportN {
		tr.A = append(tr.A, [2]float64{-1.1 + 0.35*rng.NormFloat64(), 0.45 * rng.NormFloat64()})
		a := 2 * math.Pi * float64(i) / TransportN
		tr.B = append(tr.B, [2]float64{1 + 0.7*math.Cos(a) + 0.05*rng.NormFloat64(), 0.7*math.Sin(a) + 0.05*rng.NormFloat64()})
	}
	tr.solve()
	return tr
}

// Retune re-solves with a new ε or iteration cap on the same (possibly moved) clouds.
func (t *Transport) Retune(s Settings) bool {
	if !sameExcept(t.s, s, "hide", "speed", "autoplay", "eps", "iters", "theta") {
		return false
	}
	resolve := s.Eps != t.s.Eps || s.Iters != t.s.Iters
	t.s = s
	if resolve {
		t.solve()
	}
	return true
}

// Kind returns SceneTransport.
func (t *Transport) Kind() SceneKind { return SceneTransport }

// Err returns the Sinkhorn error, if any.
func (t *Transport) Err() error { return t.err }

func rowsOf(p [][2]float64) [][]float64 {
	out := make([][]float64, len(p))
	for i := range p {
		out[i] = []float64{p[i][0], p[i][1]}
	}
	return out
}

func (t *Transport) solve() {
	x, y := rowsOf(t.A), rowsOf(t.B)
	C := dist.CostMatrix(x, y, dist.Euclidean)
	u := make([]float64, TransportN)
	for i := range u {
		u[i] = 1.0 / TransportN
	}
	t.Result, t.err = dist.Sinkhorn(u, u, C, t.s.Eps, dist.Options{MaxIter: t.s.Iters, NoAnneal: true})
	var total float64
	t.Perm, total = dist.Assignment(C)
	t.Exact = total / TransportN
}

// Update rotates the target ring slowly when playing, so the plan can be watched adapting.
func (t *Transport) Update(playing bool) error {
	if playing {
		return t.Step(1)
	}
	return nil
}

// Step rotates the target cloud by n small steps around its centre and re-solves.
func (t *Transport) Step(n int) error {
	a := 0.004 * float64(n) * t.s.Speed
	ca, sa := math.Cos(a), math.Sin(a)
	for i, p := range t.B {
		dx, dy := p[0]-1, p[1]
		t.B[i] = [2]float64{1 + ca*dx - sa*dy, sa*dx + ca*dy}
	}
	t.solve()
	return nil
}

// Move puts point i of cloud A (b false) or B (b true) at (x, y) and re-solves.
func (t *Transport) Move(b bool, i int, x, y float64) {
	if b {
		t.B[i] = [2]float64{x, y}
	} else {
		t.A[i] = [2]float64{x, y}
	}
	t.solve()
}

// Metrics returns the costs.
func (t *Transport) Metrics() map[string]float64 {
	return map[string]float64{"exact": t.Exact, "sinkhorn_cost": t.Result.Cost, "ot_eps": t.Result.OTeps,
		"iterations": float64(t.Result.Iterations), "marginal_error": t.Result.MarginalError, "eps": t.s.Eps}
}

var trPlot = image.Rect(10, 30, 950, 550)

func (t *Transport) frame() Frame {
	return Frame{Px: trPlot, X0: -2.9, X1: 2.9, Y0: -1.6, Y1: 1.6}
}

// Click moves the nearest point of either cloud to the click.
func (t *Transport) Click(px, py float64) {
	if !(image.Point{int(px), int(py)}.In(trPlot)) {
		return
	}
	f := t.frame()
	x, y := f.FromPx(px, py)
	best, bi, bb := math.Inf(1), 0, false
	for k, cloud := range [][][2]float64{t.A, t.B} {
		for i, p := range cloud {
			if d := math.Hypot(p[0]-x, p[1]-y); d < best {
				best, bi, bb = d, i, k == 1
			}
		}
	}
	t.Move(bb, bi, x, y)
}

// Render draws the plan as lines whose opacity is the mass, then the clouds.
func (t *Transport) Render(c *Canvas) {
	c.Clear(colBG)
	c.FillRect(trPlot, colPanel)
	c.StrokeRect(trPlot, colGrid)
	f := t.frame()
	if t.err == nil {
		maxP := 0.0
		for _, row := range t.Result.Plan {
			for _, p := range row {
				maxP = max(maxP, p)
			}
		}
		for i, row := range t.Result.Plan {
			for j, p := range row {
				if a := p / maxP; a > 0.02 {
					x0, y0 := f.ToPx(t.A[i][0], t.A[i][1])
					x1, y1 := f.ToPx(t.B[j][0], t.B[j][1])
					c.Line(x0, y0, x1, y1, colArrow, a)
				}
			}
		}
	}
	for _, p := range t.A {
		x, y := f.ToPx(p[0], p[1])
		c.Disc(x, y, 5, colReal, 1)
	}
	for _, p := range t.B {
		x, y := f.ToPx(p[0], p[1])
		c.Disc(x, y, 5, colFake, 1)
	}
	msg := fmt.Sprintf("Transport: eps = %g, iterations %d of %d   Sinkhorn cost <P,C> = %.4f   exact OT (W1) = %.4f   marginal error %.1e",
		t.s.Eps, t.Result.Iterations, t.s.Iters, t.Result.Cost, t.Exact, t.Result.MarginalError)
	if t.err != nil {
		msg = "Transport: " + t.err.Error()
	}
	c.Label(10, 8, msg)
}
