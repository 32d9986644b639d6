package demos

import (
	"image"
	"image/color"
	"net/url"
	"strings"
	"testing"

	"github.com/ganplay/ganplay/engine/cpu"
)

// TestCompare checks compare mode: two runs on the same data and seed, A with the URL's
// model and B with compare's, both stepped together, both drawn, each with its metrics;
// the same link gives the same pair of runs.
func TestCompare(t *testing.T) {
	t.Parallel()
	q := "data=ring&width=16&batch=32&compare=wgan-gp&seed=5"
	sc, err := NewScene(cpu.New(), testSettings(q))
	if err != nil {
		t.Fatal(err)
	}
	c, ok := sc.(*Compare)
	if !ok {
		t.Fatalf("compare=wgan-gp built %T", sc)
	}
	if c.A.Model().Name() != "gan" || c.B.Model().Name() != "wgan-gp" {
		t.Errorf("models %s, %s; want gan, wgan-gp", c.A.Model().Name(), c.B.Model().Name())
	}
	if !same(c.A.View().Real, c.B.View().Real) {
		t.Error("the two runs show different real data")
	}
	if err := c.Step(2 * RecordEach); err != nil {
		t.Fatal(err)
	}
	mt := c.Metrics()
	if mt["step"] != 2*RecordEach || mt["b.step"] != 2*RecordEach {
		t.Errorf("steps %v, %v; want %d each", mt["step"], mt["b.step"], 2*RecordEach)
	}
	// WGAN-GP's critic takes 5 steps per G step; the GAN's D one.
	if mt["steps_D"] != 2*RecordEach || mt["b.steps_D"] != 5*2*RecordEach {
		t.Errorf("D steps %v, %v", mt["steps_D"], mt["b.steps_D"])
	}
	for _, k := range []string{"loss_D", "loss_G", "w1"} {
		a, okA := mt[k]
		b, okB := mt["b."+k]
		if !okA || !okB || a == b {
			t.Errorf("%s: A %v (%v), B %v (%v); want both, different", k, a, okA, b, okB)
		}
	}
	if _, ok := mt["js_est"]; !ok {
		t.Error("A (a GAN) has no js_est")
	}
	if _, ok := mt["b.w_est"]; !ok {
		t.Error("B (WGAN-GP) has no w_est")
	}
	// Step D moves both critics only.
	c.StepPhase(PhaseD, 1)
	if mt2 := c.Metrics(); mt2["steps_D"] != mt["steps_D"]+1 || mt2["b.steps_D"] != mt["b.steps_D"]+1 || mt2["b.steps_G"] != mt["b.steps_G"] {
		t.Errorf("step D in compare mode: %v → %v", mt, mt2)
	}

	cv := NewCanvas(Width, Height)
	c.Render(cv)
	left, right := image.Rect(0, 0, Width/2, Height), image.Rect(Width/2, 0, Width, Height)
	for name, half := range map[string]image.Rectangle{"left": left, "right": right} {
		if n := countNearIn(cv, half, colReal, 30); n < 100 {
			t.Errorf("%s half: %d real-coloured pixels; want ≥ 100", name, n)
		}
		if n := countNearIn(cv, half, colFake, 30); n < 50 {
			t.Errorf("%s half: %d fake-coloured pixels; want ≥ 50", name, n)
		}
	}
	var titles []string
	for _, tx := range cv.Texts {
		if strings.HasPrefix(tx.S, "A: ") || strings.HasPrefix(tx.S, "B: ") {
			titles = append(titles, tx.S)
		}
	}
	if len(titles) != 2 || !strings.Contains(titles[0], "gan") || !strings.Contains(titles[1], "wgan-gp") {
		t.Errorf("titles %q; want A: gan ..., B: wgan-gp ...", titles)
	}

	// The same link, the same pair of runs.
	c2, _ := NewScene(cpu.New(), testSettings(q))
	c2.Step(2 * RecordEach)
	m2 := c2.Metrics()
	if m2["b.w1"] != mt["b.w1"] || m2["w1"] != mt["w1"] {
		t.Errorf("same link, different metrics: %v vs %v", m2, mt)
	}
}

// TestCompareApp checks compare mode through the App: set, retune without restart, off.
func TestCompareApp(t *testing.T) {
	t.Parallel()
	s, _ := Parse("width=16&batch=16&autoplay=0")
	a, err := NewApp(cpu.New(), s, nil)
	if err != nil {
		t.Fatal(err)
	}
	a.SetParams(url.Values{"compare": {"wgan"}})
	c, ok := a.Scene().(*Compare)
	if !ok || a.Settings().Values().Get("compare") != "wgan" {
		t.Fatalf("compare=wgan: scene %T, state %s", a.Scene(), a.Settings().Encode())
	}
	a.Send(Command{Kind: CmdStep, N: 2})
	a.Update()
	if sn := a.Snapshot(); sn.Metrics["b.step"] != 2 || sn.Metrics["step"] != 2 {
		t.Errorf("metrics after step 2: %v", sn.Metrics)
	}
	a.SetParams(url.Values{"hide": {"arrows"}})
	if a.Scene() != c || !c.B.s.Hidden("arrows") {
		t.Error("hiding a layer restarted compare mode or missed run B")
	}
	a.SetParams(url.Values{"compare": {"none"}})
	if _, ok := a.Scene().(*Mixture); !ok {
		t.Errorf("compare=none: scene %T", a.Scene())
	}
	if _, bad := Parse("compare=vae"); len(bad) != 1 || !strings.Contains(bad[0].Error(), "compare") || !strings.Contains(bad[0].Error(), "wgan-gp") {
		t.Errorf("compare=vae: %v", bad)
	}
}

// TestLayouts checks that no part of the Mixture scene's layouts overlaps another: the
// plot, the charts and the two text lines, alone and in each half of compare mode.
func TestLayouts(t *testing.T) {
	t.Parallel()
	text := func(p image.Point, chars int) image.Rectangle { return image.Rect(p.X, p.Y, p.X+6*chars, p.Y+16) }
	for name, l := range map[string]mixLayout{"single": singleLayout, "A": halfLayout(0, "A: "), "B": halfLayout(Width/2, "B: ")} {
		if l.Plot.Dx() != l.Plot.Dy() {
			t.Errorf("%s: plot %v is not square", name, l.Plot)
		}
		parts := map[string]image.Rectangle{"plot": l.Plot, "charts": l.Charts,
			"title": text(l.Title, 40), "numbers": text(l.Line, 50), "status line": image.Rect(0, StatusY, Width, Height)}
		for a, ra := range parts {
			if !ra.In(image.Rect(0, 0, Width, Height)) {
				t.Errorf("%s: %s %v leaves the canvas", name, a, ra)
			}
			for b, rb := range parts {
				if a < b && ra.Overlaps(rb) {
					t.Errorf("%s: %s %v overlaps %s %v", name, a, ra, b, rb)
				}
			}
		}
	}
	if halfLayout(0, "").Charts.Max.X > Width/2 {
		t.Error("A's charts cross into B's half")
	}
}

// countNearIn counts the pixels of r within tol of col in each channel.
func countNearIn(c *Canvas, r image.Rectangle, col color.RGBA, tol int) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			p := c.RGBAAt(x, y)
			if abs(int(p.R)-int(col.R)) <= tol && abs(int(p.G)-int(col.G)) <= tol && abs(int(p.B)-int(col.B)) <= tol {
				n++
			}
		}
	}
	return n
}

// TestLabelsDoNotOverlap renders the Mixture scene alone and in compare mode and checks
// that no two labels overlap (Ebiten's debug font: 6×16 pixels a character).
func TestLabelsDoNotOverlap(t *testing.T) {
	t.Parallel()
	for _, q := range []string{"data=grid&width=16", "data=grid&width=16&compare=wgan-gp", "data=ring&width=16&model=wgan-gp&compare=gan-minimax"} {
		sc, err := NewScene(cpu.New(), testSettings(q))
		if err != nil {
			t.Fatal(err)
		}
		sc.Step(RecordEach)
		c := NewCanvas(Width, Height)
		sc.Render(c)
		box := func(tx Text) image.Rectangle { return image.Rect(tx.X, tx.Y, tx.X+6*len([]rune(tx.S)), tx.Y+16) }
		for i, a := range c.Texts {
			if !box(a).In(c.Rect) {
				t.Errorf("%s: label %q at (%d, %d) leaves the canvas", q, a.S, a.X, a.Y)
			}
			for _, b := range c.Texts[i+1:] {
				if box(a).Overlaps(box(b)) {
					t.Errorf("%s: labels %q at (%d, %d) and %q at (%d, %d) overlap", q, a.S, a.X, a.Y, b.S, b.X, b.Y)
				}
			}
		}
	}
}
