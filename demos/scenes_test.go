package demos

import (
	"image/color"
	"math"
	"net/url"
	"strings"
	"testing"

	"github.com/ganplay/ganplay/engine/cpu"
)

func testSettings(q string) Settings {
	s, bad := Parse(q)
	if len(bad) > 0 {
		panic(bad[0].Error())
	}
	return s
}

// countNear counts pixels within tol of col in each channel.
func countNear(c *Canvas, col color.RGBA, tol int) int {
	n := 0
	for i := 0; i < len(c.Pix); i += 4 {
		if abs(int(c.Pix[i])-int(col.R)) <= tol && abs(int(c.Pix[i+1])-int(col.G)) <= tol && abs(int(c.Pix[i+2])-int(col.B)) <= tol {
			n++
		}
	}
	return n
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func TestMixtureView(t *testing.T) {
	t.Parallel()
	m, err := NewMixture(cpu.New(), testSettings("data=ring&width=32&batch=32&seed=3"))
	if err != nil {
		t.Fatal(err)
	}
	v := m.View()
	if len(v.Real) != ShowN || len(v.Fake) != ShowN || len(v.Arrows) != ShowN {
		t.Fatalf("view sizes real %d fake %d arrows %d; want %d", len(v.Real), len(v.Fake), len(v.Arrows), ShowN)
	}
	if len(v.Heat) != HeatN*HeatN || len(v.Manifold) != ManifoldN || len(v.Manifold[0]) != ManifoldN {
		t.Fatalf("heat %d manifold %d", len(v.Heat), len(v.Manifold))
	}
	for i, h := range v.Heat {
		if !(h >= 0 && h <= 1) {
			t.Fatalf("Heat[%d] = %v; want [0, 1]", i, h)
		}
	}
	// The real points are the ring: every one near radius √2.
	for _, p := range v.Real {
		if r := math.Hypot(p[0], p[1]); math.Abs(r-math.Sqrt2) > 0.2 {
			t.Fatalf("real point %v at radius %v; want about √2", p, r)
		}
	}
	fake0 := append([][2]float64(nil), v.Fake...)
	heat0 := append([]float64(nil), v.Heat...)
	if err := m.Step(2 * RecordEach); err != nil {
		t.Fatal(err)
	}
	if m.Steps() != 2*RecordEach || v.Step != 2*RecordEach {
		t.Errorf("after Step(%d): Steps() = %d, view step %d", 2*RecordEach, m.Steps(), v.Step)
	}
	if same(fake0, v.Fake) {
		t.Error("the fakes did not change after training")
	}
	if sameF(heat0, v.Heat) {
		t.Error("the heat map did not change after training")
	}
	mt := m.Metrics()
	for _, k := range []string{"step", "loss_D", "loss_G", "w1", "js_est", "modes", "hq"} {
		if _, ok := mt[k]; !ok {
			t.Errorf("Metrics() lacks %q: %v", k, mt)
		}
	}
	if w := mt["w1"]; !(w > 0) {
		t.Errorf("w1 = %v; want > 0", w)
	}
	if h := len(m.History()); h != 2 {
		t.Errorf("History() has %d records; want 2", h)
	}

	// The same seed gives the same run.
	m2, _ := NewMixture(cpu.New(), testSettings("data=ring&width=32&batch=32&seed=3"))
	m2.Step(2 * RecordEach)
	if !same(m2.View().Fake, v.Fake) {
		t.Error("two runs with the same seed differ")
	}
}

func same(a, b [][2]float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func sameF(a, b []float64) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

func TestMixtureModels(t *testing.T) {
	t.Parallel()
	for _, model := range modelNames {
		m, err := NewMixture(cpu.New(), testSettings("width=16&batch=16&k=1&model="+model+"&data=bimodal"))
		if err != nil {
			t.Fatalf("%s: %v", model, err)
		}
		if err := m.Step(3); err != nil {
			t.Errorf("%s: Step: %v", model, err)
		}
		if got := m.Model().Name(); !strings.HasPrefix(got, strings.TrimSuffix(model, "-minimax")) {
			t.Errorf("model=%s built %s", model, got)
		}
	}
}

func TestMixtureRender(t *testing.T) {
	t.Parallel()
	m, err := NewMixture(cpu.New(), testSettings("data=grid&width=32"))
	if err != nil {
		t.Fatal(err)
	}
	m.Step(RecordEach)
	c := NewCanvas(Width, Height)
	m.Render(c)
	if n := countNear(c, colReal, 40); n < 200 {
		t.Errorf("%d real-coloured pixels; want ≥ 200", n)
	}
	if n := countNear(c, colFake, 40); n < 200 {
		t.Errorf("%d fake-coloured pixels; want ≥ 200", n)
	}
	// The heat map covers the plot: most of its pixels differ from the panel colour.
	heat := 0
	for y := mixPlot.Min.Y + 2; y < mixPlot.Max.Y-2; y += 4 {
		for x := mixPlot.Min.X + 2; x < mixPlot.Max.X-2; x += 4 {
			if c.RGBAAt(x, y) != colPanel {
				heat++
			}
		}
	}
	if heat < 10000 {
		t.Errorf("%d heat-map pixels; want ≥ 10000", heat)
	}
	if len(c.Texts) == 0 || !strings.Contains(c.Texts[0].S, "Mixture") {
		t.Errorf("labels %v; want a title", c.Texts)
	}
	// Hidden layers are not drawn.
	m2, _ := NewMixture(cpu.New(), testSettings("data=grid&width=32&hide=real,fake,arrows,manifold"))
	m2.Render(c)
	if n := countNear(c, colReal, 10); n > 50 {
		t.Errorf("hide=real: %d real-coloured pixels", n)
	}
}

func TestMixtureUserPoints(t *testing.T) {
	t.Parallel()
	m, err := NewMixture(cpu.New(), testSettings("data=points&width=16"))
	if err != nil {
		t.Fatal(err)
	}
	n := len(m.UserPoints())
	x, y := m.frame().ToPx(1.5, 1.5)
	m.Click(x, y)
	pts := m.UserPoints()
	if len(pts) != n+1 || math.Abs(pts[n][0]-1.5) > 0.02 || math.Abs(pts[n][1]-1.5) > 0.02 {
		t.Errorf("after a click at (1.5, 1.5): %d points, last %v", len(pts), pts[len(pts)-1])
	}
}

func TestDivergenceCurves(t *testing.T) {
	t.Parallel()
	d := NewDivergence(testSettings("scene=divergence&theta=0.5&eps=0.05"))
	for _, cv := range []Curves{d.Segments, d.Gaussians} {
		if len(cv.Theta) != ThetaN || len(cv.JS) != ThetaN || len(cv.Sink) != ThetaN || len(cv.DSk) != ThetaN {
			t.Fatalf("curve lengths %d %d %d", len(cv.Theta), len(cv.JS), len(cv.Sink))
		}
	}
	s := d.Segments
	for i, th := range s.Theta {
		if math.Abs(th) < 1e-9 {
			continue
		}
		if math.Abs(s.JS[i]-math.Ln2) > 1e-6 || math.Abs(s.TV[i]-1) > 1e-6 || !math.IsInf(s.KL[i], 1) {
			t.Errorf("segments at θ=%v: JS %v TV %v KL %v; want log 2, 1, +Inf", th, s.JS[i], s.TV[i], s.KL[i])
		}
		if math.Abs(s.W1[i]-math.Abs(th)) > 1e-6 || math.Abs(s.DW1[i]-math.Copysign(1, th)) > 1e-6 || s.DJS[i] != 0 {
			t.Errorf("segments at θ=%v: W1 %v W1' %v JS' %v; want |θ|, sign θ, 0", th, s.W1[i], s.DW1[i], s.DJS[i])
		}
		// The Sinkhorn divergence tracks W_1 at small ε.
		if math.Abs(s.Sink[i]-math.Abs(th)) > 0.1*math.Abs(th)+0.05 {
			t.Errorf("segments at θ=%v: Sinkhorn %v; want about %v", th, s.Sink[i], math.Abs(th))
		}
	}
	g := d.Gaussians
	last := len(g.Theta) - 1
	if !(g.JS[last] < math.Ln2 && g.JS[last] > 0.6) || math.Abs(g.W1[last]-2) > 1e-6 {
		t.Errorf("Gaussians at θ=2: JS %v W1 %v; want near log 2 and 2", g.JS[last], g.W1[last])
	}
	mt := d.Metrics()
	if mt["theta"] != 0.5 || math.Abs(mt["seg_w1"]-0.5) > 1e-6 || math.Abs(mt["seg_js"]-math.Ln2) > 1e-6 {
		t.Errorf("Metrics() = %v", mt)
	}
	d.Step(10)
	if math.Abs(d.Theta()-(0.5+10*sweepPerTick*d.s.Speed)) > 1e-9 {
		t.Errorf("θ after 10 sweep steps = %v", d.Theta())
	}
	c := NewCanvas(Width, Height)
	d.Render(c)
	if n := countNear(c, colGreen, 30); n < 100 {
		t.Errorf("%d W1-coloured pixels; want ≥ 100", n)
	}
}

func TestTransport(t *testing.T) {
	t.Parallel()
	tr := NewTransport(testSettings("scene=transport&eps=0.02&iters=2000"))
	if tr.Err() != nil {
		t.Fatal(tr.Err())
	}
	P := tr.Result.Plan
	for i := range P {
		s := 0.0
		for _, p := range P[i] {
			s += p
		}
		if math.Abs(s-1.0/TransportN) > 1e-3 {
			t.Errorf("row %d of the plan sums to %v; want %v", i, s, 1.0/TransportN)
		}
	}
	if !(tr.Result.Cost >= tr.Exact-1e-9) || tr.Result.Cost-tr.Exact > 0.1 {
		t.Errorf("Sinkhorn cost %v, exact %v; want cost ≥ exact and close at small ε", tr.Result.Cost, tr.Exact)
	}
	before := tr.Metrics()["exact"]
	tr.Move(false, 0, 2, 1)
	if tr.Metrics()["exact"] == before {
		t.Error("moving a point did not change the exact cost")
	}
	c := NewCanvas(Width, Height)
	tr.Render(c)
	if countNear(c, colReal, 10) < 500 || countNear(c, colFake, 10) < 500 {
		t.Error("the clouds are not drawn")
	}
	// Few iterations at a large ε: a blurrier plan that costs more.
	blur := NewTransport(testSettings("scene=transport&eps=1&iters=5"))
	if blur.Result.Iterations > 5 || !(blur.Result.Cost > tr.Result.Cost) {
		t.Errorf("eps=1 iters=5: %d iterations, cost %v; want ≤ 5 and above %v", blur.Result.Iterations, blur.Result.Cost, tr.Result.Cost)
	}
}

func TestApp(t *testing.T) {
	t.Parallel()
	s, bad := Parse("width=16&batch=16&autoplay=0&bogus=1")
	a, err := NewApp(cpu.New(), s, bad)
	if err != nil {
		t.Fatal(err)
	}
	if sn := a.Snapshot(); len(sn.Errors) != 1 || !strings.Contains(sn.Errors[0], "bogus") {
		t.Errorf("Snapshot().Errors = %v; want the bogus parameter", sn.Errors)
	}
	a.Update()
	a.Render()
	if a.Snapshot().Metrics["step"] != 0 {
		t.Error("a paused app trained")
	}
	var got Snapshot
	a.Send(Command{Kind: CmdStep, N: 5, Done: func(s Snapshot) { got = s }})
	a.Update()
	if got.Metrics["step"] != 5 {
		t.Errorf("after step 5: metrics %v", got.Metrics)
	}
	a.Send(Command{Kind: CmdPlay})
	a.Update()
	a.Render()
	if !a.Playing() || a.Snapshot().Metrics["step"] <= 5 {
		t.Errorf("play: playing %v, step %v", a.Playing(), a.Snapshot().Metrics["step"])
	}
	a.Send(Command{Kind: CmdSet, Params: url.Values{"scene": {"divergence"}, "theta": {"1.5"}, "k": {"x"}}})
	a.Update()
	sn := a.Snapshot()
	if a.Scene().Kind() != SceneDivergence || sn.Values.Get("scene") != "divergence" || sn.Values.Get("theta") != "1.5" {
		t.Errorf("after set: scene %v, state %s", a.Scene().Kind(), sn.Query)
	}
	if len(sn.Errors) != 1 || !strings.Contains(sn.Errors[0], "k=") {
		t.Errorf("after set with k=x: errors %v", sn.Errors)
	}
	a.GoTo(SceneTransport)
	a.Update()
	if a.Scene().Kind() != SceneTransport || a.Canvas().RGBAAt(0, 0) != colBG {
		t.Errorf("GoTo(transport): scene %v", a.Scene().Kind())
	}
	// Send never blocks, even when nobody drains.
	for range 1000 {
		a.Send(Command{Kind: CmdPause})
	}
}

func TestAppRetune(t *testing.T) {
	t.Parallel()
	s, _ := Parse("width=16&batch=16&autoplay=0")
	a, err := NewApp(cpu.New(), s, nil)
	if err != nil {
		t.Fatal(err)
	}
	a.Send(Command{Kind: CmdStep, N: 3})
	a.Update()
	sc := a.Scene()
	// Hiding a layer or changing the speed keeps the run.
	a.SetParams(url.Values{"hide": {"heatmap"}, "speed": {"2"}})
	if a.Scene() != sc || !a.Settings().Hidden("heatmap") || a.Settings().Speed != 2 {
		t.Errorf("hide/speed restarted the scene or were not applied: %+v", a.Settings())
	}
	// A new seed restarts it.
	a.SetParams(url.Values{"seed": {"9"}})
	if a.Scene() == sc {
		t.Error("a new seed did not restart the scene")
	}
	// The transport plan re-solves on a new ε without new clouds.
	a.SetParams(url.Values{"scene": {"transport"}})
	tr := a.Scene().(*Transport)
	tr.Move(false, 0, 0, 0)
	cost := tr.Result.Cost
	a.SetParams(url.Values{"eps": {"1"}})
	if a.Scene() != tr || tr.A[0] != [2]float64{0, 0} || tr.Result.Cost == cost {
		t.Errorf("eps=1: scene kept %v, moved point %v, cost %v → %v", a.Scene() == tr, tr.A[0], cost, tr.Result.Cost)
	}
}
