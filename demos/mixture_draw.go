package demos

import (
	"fmt"
	"image"
	"math"

	"github.com/ganplay/ganplay/models"
)

// StatusY is the top of the status line that the display layer prints at the bottom of
// the canvas (play state, fps, keys): the Mixture scene's layouts end above it.
const StatusY = Height - 16

// Layout of the Mixture scene alone.
var (
	mixPlot   = image.Rect(10, 26, 524, 540)
	mixCharts = image.Rect(540, 26, 950, 540)
)

// mixLayout places a Mixture scene's parts on the canvas: the whole canvas when alone,
// one half in compare mode.
type mixLayout struct {
	Plot   image.Rectangle // the data plot, [-2, 2]², square
	Charts image.Rectangle // the charts, in a grid of Cols columns
	Cols   int
	Title  image.Point // the title
	Line   image.Point // the line of numbers (W1, JS~, modes, hq)
	Prefix string      // before the title: "" alone, "A: " or "B: " in compare mode
}

// singleLayout is the layout of the Mixture scene alone: the plot on the left, the
// charts stacked on the right, the numbers above them.
var singleLayout = mixLayout{Plot: mixPlot, Charts: mixCharts, Cols: 1, Title: image.Pt(10, 6), Line: image.Pt(540, 6)}

// halfLayout is the layout of one run of compare mode in the canvas's half starting at x0:
// title and numbers on two lines, a 300×300 plot, the charts in a 2×2 grid below it.
func halfLayout(x0 int, prefix string) mixLayout {
	return mixLayout{Plot: image.Rect(x0+90, 42, x0+390, 342), Charts: image.Rect(x0+10, 350, x0+470, StatusY), Cols: 2,
		Title: image.Pt(x0+10, 4), Line: image.Pt(x0+10, 22), Prefix: prefix}
}

func (m *Mixture) frame() Frame {
	return Frame{Px: m.lay.Plot, X0: -plotExtent, X1: plotExtent, Y0: -plotExtent, Y1: plotExtent}
}

// Click adds a user point (with data=points; the target and model restart on the new set).
func (m *Mixture) Click(px, py float64) {
	if m.s.Data != DataPoints || !(image.Point{int(px), int(py)}.In(m.lay.Plot)) {
		return
	}
	x, y := m.frame().FromPx(px, py)
	m.AddPoint(x, y)
}

// AddPoint adds a point to the user's set; while the set is the default one, the first
// point drawn replaces it. The run restarts on the new set (same seed).
func (m *Mixture) AddPoint(x, y float64) {
	if m.s.Data != DataPoints {
		return
	}
	m.user = append(m.user, [2]float64{roundPoint(x), roundPoint(y)})
	m.s.Points = m.user
	m.reset()
}

// UserPoints returns the user's point set.
func (m *Mixture) UserPoints() [][2]float64 { return append([][2]float64(nil), m.user...) }

// Render reads back what the scene shows (when training changed it) and draws it.
func (m *Mixture) Render(c *Canvas) {
	c.Clear(colBG)
	m.draw(c)
}

// draw draws the scene into its layout's part of c.
func (m *Mixture) draw(c *Canvas) {
	m.refresh()
	m.trained = false
	v := &m.view
	mixPlot := m.lay.Plot
	s := m.s
	f := m.frame()
	c.FillRect(mixPlot, colPanel)
	if !s.Hidden("heatmap") {
		cw, ch := float64(mixPlot.Dx())/HeatN, float64(mixPlot.Dy())/HeatN
		for i := range HeatN {
			for j := range HeatN {
				r := image.Rect(mixPlot.Min.X+int(float64(j)*cw), mixPlot.Max.Y-int(float64(i+1)*ch),
					mixPlot.Min.X+int(float64(j+1)*cw), mixPlot.Max.Y-int(float64(i)*ch))
				c.FillRect(r, heatColour(v.Heat[i*HeatN+j]))
			}
		}
	}
	c.StrokeRect(mixPlot, colGrid)
	if !s.Hidden("manifold") {
		for i := range ManifoldN {
			for j := range ManifoldN {
				p := v.Manifold[i][j]
				x0, y0 := f.ToPx(p[0], p[1])
				if j+1 < ManifoldN {
					q := v.Manifold[i][j+1]
					x1, y1 := f.ToPx(q[0], q[1])
					c.Line(x0, y0, x1, y1, colMan, 0.45)
				}
				if i+1 < ManifoldN {
					q := v.Manifold[i+1][j]
					x1, y1 := f.ToPx(q[0], q[1])
					c.Line(x0, y0, x1, y1, colMan, 0.45)
				}
			}
		}
	}
	if !s.Hidden("real") {
		for _, p := range v.Real {
			x, y := f.ToPx(p[0], p[1])
			c.Disc(x, y, 2.5, colReal, 0.9)
		}
	}
	if !s.Hidden("fake") {
		for _, p := range v.Fake {
			x, y := f.ToPx(p[0], p[1])
			c.Disc(x, y, 2.5, colFake, 0.9)
		}
	}
	if !s.Hidden("arrows") {
		maxN := 0.0
		for _, a := range v.Arrows {
			maxN = max(maxN, math.Hypot(a[0], a[1]))
		}
		if maxN > 0 {
			for i, a := range v.Arrows {
				p := v.Fake[i]
				l := 0.25 / maxN
				x0, y0 := f.ToPx(p[0], p[1])
				x1, y1 := f.ToPx(p[0]+a[0]*l, p[1]+a[1]*l)
				c.Line(x0, y0, x1, y1, colArrow, 0.6)
			}
		}
	}
	title := fmt.Sprintf("%sMixture: %s on %s   step %d", m.lay.Prefix, s.Model, s.Data, v.Step)
	if m.lay.Prefix != "" {
		title = fmt.Sprintf("%s%s on %s   step %d", m.lay.Prefix, s.Model, s.Data, v.Step)
	}
	if m.err != nil {
		title += "   (diverged: press R to reset)"
	}
	c.Label(m.lay.Title.X, m.lay.Title.Y, title)
	m.renderCharts(c)
}

func (m *Mixture) renderCharts(c *Canvas) {
	h := m.tr.History
	var charts []Chart
	if !m.s.Hidden("losses") {
		ch := Chart{Title: "losses"}
		for k, name := range []string{"D", "G"} {
			sr := Series{Name: name, Col: []colorT{colReal, colFake}[k]}
			for _, r := range h {
				if v, ok := models.Lookup(r.Losses, name); ok {
					sr.X, sr.Y = append(sr.X, float64(r.Step)), append(sr.Y, v)
				}
			}
			ch.Series = append(ch.Series, sr)
		}
		charts = append(charts, ch)
	}
	if !m.s.Hidden("metrics") {
		series := func(name, label string, col colorT) Series {
			sr := Series{Name: label, Col: col}
			for _, r := range h {
				if v, ok := models.Lookup(r.Metrics, name); ok {
					sr.X, sr.Y = append(sr.X, float64(r.Step)), append(sr.Y, v)
				}
			}
			return sr
		}
		est := "js_est"
		if m.nets.Objective().IsWasserstein() {
			est = "w_est"
		}
		charts = append(charts, Chart{Title: "distance", Series: []Series{series("w1", "W1 exact", colGreen), series(est, est, colMan)}})
		if len(m.ds.Modes()) > 0 {
			charts = append(charts,
				Chart{Title: fmt.Sprintf("modes captured (of %d)", len(m.ds.Modes())), Series: []Series{series("modes", "modes", colReal)}, YMin: 0, YMax: float64(len(m.ds.Modes()))},
				Chart{Title: "high quality", Series: []Series{series("hq", "hq", colGreen)}, YMin: 0, YMax: 1})
		}
	}
	if len(charts) == 0 {
		return
	}
	// A grid of Cols columns: chart i in row i/Cols, column i%Cols, 6 px apart.
	area, cols := m.lay.Charts, max(m.lay.Cols, 1)
	rows := (len(charts) + cols - 1) / cols
	wid, hgt := (area.Dx()+6)/cols, area.Dy()/rows
	for i, ch := range charts {
		x, y := area.Min.X+(i%cols)*wid, area.Min.Y+(i/cols)*hgt
		ch.Draw(c, image.Rect(x, y, x+wid-6, y+hgt-6))
	}
	mt := m.metrics
	line := fmt.Sprintf("W1 %.3f", mt["w1"])
	if v, ok := mt["js_est"]; ok {
		line += fmt.Sprintf("  JS~ %.3f", v)
	}
	if v, ok := mt["w_est"]; ok {
		line += fmt.Sprintf("  W~ %.3f", v)
	}
	if v, ok := mt["modes"]; ok {
		line += fmt.Sprintf("  modes %.0f  hq %.0f%%", v, 100*mt["hq"])
	}
	c.Label(m.lay.Line.X, m.lay.Line.Y, line)
}
