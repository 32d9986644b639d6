package demos

import (
	"image"
	"image/color"
	"math"
)

// Canvas is an RGBA frame that scenes draw into in plain Go, plus the text labels that the
// display layer prints on top (Ebiten's debug font natively and in the browser).
type Canvas struct {
	*image.RGBA
	Texts []Text
}

// Text is a label at pixel (X, Y), its top-left corner.
type Text struct {
	X, Y int
	S    string
}

// NewCanvas returns a w×h canvas.
func NewCanvas(w, h int) *Canvas { return &Canvas{RGBA: image.NewRGBA(image.Rect(0, 0, w, h))} }

// Clear fills the canvas with c and drops the labels.
func (c *Canvas) Clear(col color.RGBA) {
	c.FillRect(c.Rect, col)
	c.Texts = c.Texts[:0]
}

// Label adds a text label.
func (c *Canvas) Label(x, y int, s string) { c.Texts = append(c.Texts, Text{x, y, s}) }

// Blend draws col over pixel (x, y) with opacity alpha in [0, 1].
func (c *Canvas) Blend(x, y int, col color.RGBA, alpha float64) {
	if x < c.Rect.Min.X || y < c.Rect.Min.Y || x >= c.Rect.Max.X || y >= c.Rect.Max.Y || !(alpha > 0) {
		return
	}
	a := uint32(min(alpha, 1)*256 + 0.5)
	i := (y-c.Rect.Min.Y)*c.Stride + (x-c.Rect.Min.X)*4
	p := c.Pix[i : i+4 : i+4]
	p[0] = uint8((uint32(p[0])*(256-a) + uint32(col.R)*a) >> 8)
	p[1] = uint8((uint32(p[1])*(256-a) + uint32(col.G)*a) >> 8)
	p[2] = uint8((uint32(p[2])*(256-a) + uint32(col.B)*a) >> 8)
	p[3] = 255
}

// FillRect fills r with col.
func (c *Canvas) FillRect(r image.Rectangle, col color.RGBA) {
	r = r.Intersect(c.Rect)
	if r.Empty() {
		return
	}
	first := c.PixOffset(r.Min.X, r.Min.Y)
	row := c.Pix[first : first+4*r.Dx()]
	for i := 0; i < len(row); i += 4 {
		row[i], row[i+1], row[i+2], row[i+3] = col.R, col.G, col.B, col.A
	}
	for y := r.Min.Y + 1; y < r.Max.Y; y++ {
		o := c.PixOffset(r.Min.X, y)
		copy(c.Pix[o:o+len(row)], row)
	}
}

// StrokeRect draws the outline of r.
func (c *Canvas) StrokeRect(r image.Rectangle, col color.RGBA) {
	for x := r.Min.X; x < r.Max.X; x++ {
		c.Blend(x, r.Min.Y, col, 1)
		c.Blend(x, r.Max.Y-1, col, 1)
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		c.Blend(r.Min.X, y, col, 1)
		c.Blend(r.Max.X-1, y, col, 1)
	}
}

// Disc fills a disc of radius r around (x, y).
func (c *Canvas) Disc(x, y, r float64, col color.RGBA, alpha float64) {
	for py := int(math.Floor(y - r)); py <= int(math.Ceil(y+r)); py++ {
		for px := int(math.Floor(x - r)); px <= int(math.Ceil(x+r)); px++ {
			dx, dy := float64(px)+0.5-x, float64(py)+0.5-y
			if dx*dx+dy*dy <= r*r {
				c.Blend(px, py, col, alpha)
			}
		}
	}
}

// Line draws a segment from (x0, y0) to (x1, y1) with opacity alpha.
func (c *Canvas) Line(x0, y0, x1, y1 float64, col color.RGBA, alpha float64) {
	if anyBad(x0, y0, x1, y1) {
		return
	}
	n := int(math.Max(math.Abs(x1-x0), math.Abs(y1-y0))) + 1
	if n > 4000 {
		n = 4000
	}
	for i := 0; i <= n; i++ {
		t := float64(i) / float64(n)
		c.Blend(int(x0+t*(x1-x0)), int(y0+t*(y1-y0)), col, alpha)
	}
}

func anyBad(v ...float64) bool {
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > 1e6 {
			return true
		}
	}
	return false
}

// Frame maps a data rectangle [X0, X1]×[Y0, Y1] onto a pixel rectangle, y pointing up.
type Frame struct {
	Px             image.Rectangle
	X0, X1, Y0, Y1 float64
}

// ToPx returns the pixel coordinates of the data point (x, y).
func (f Frame) ToPx(x, y float64) (float64, float64) {
	px := float64(f.Px.Min.X) + (x-f.X0)/(f.X1-f.X0)*float64(f.Px.Dx())
	py := float64(f.Px.Max.Y) - (y-f.Y0)/(f.Y1-f.Y0)*float64(f.Px.Dy())
	return px, py
}

// FromPx returns the data point at pixel (px, py).
func (f Frame) FromPx(px, py float64) (float64, float64) {
	x := f.X0 + (px-float64(f.Px.Min.X))/float64(f.Px.Dx())*(f.X1-f.X0)
	y := f.Y0 + (float64(f.Px.Max.Y)-py)/float64(f.Px.Dy())*(f.Y1-f.Y0)
	return x, y
}

// Series is one curve of a chart.
type Series struct {
	Name  string
	Col   color.RGBA
	X, Y  []float64
	Style int // 0 line, 1 dots
}

// Chart is a line chart: its series, an optional vertical marker and fixed y limits (when
// YMax > YMin; otherwise the range of the data).
type Chart struct {
	Title      string
	Series     []Series
	MarkX      float64
	HasMark    bool
	YMin, YMax float64
}

// Draw draws the chart into r.
func (ch Chart) Draw(c *Canvas, r image.Rectangle) {
	c.FillRect(r, colPanel)
	c.StrokeRect(r, colGrid)
	c.Label(r.Min.X+4, r.Min.Y+2, ch.Title)
	x0, x1 := math.Inf(1), math.Inf(-1)
	y0, y1 := ch.YMin, ch.YMax
	auto := !(ch.YMax > ch.YMin)
	if auto {
		y0, y1 = math.Inf(1), math.Inf(-1)
	}
	for _, s := range ch.Series {
		for i, x := range s.X {
			if math.IsNaN(s.Y[i]) || math.IsInf(s.Y[i], 0) {
				continue
			}
			x0, x1 = min(x0, x), max(x1, x)
			if auto {
				y0, y1 = min(y0, s.Y[i]), max(y1, s.Y[i])
			}
		}
	}
	if math.IsInf(x0, 0) {
		return
	}
	if x1 == x0 {
		x1 = x0 + 1
	}
	if y1 <= y0 {
		y0, y1 = y0-0.5, y0+0.5
	}
	pad := (y1 - y0) * 0.05
	f := Frame{Px: image.Rect(r.Min.X+4, r.Min.Y+16, r.Max.X-4, r.Max.Y-4), X0: x0, X1: x1, Y0: y0 - pad, Y1: y1 + pad}
	if f.Y0 < 0 && f.Y1 > 0 {
		_, zy := f.ToPx(0, 0)
		c.Line(float64(f.Px.Min.X), zy, float64(f.Px.Max.X), zy, colGrid, 1)
	}
	if ch.HasMark {
		mx, _ := f.ToPx(ch.MarkX, 0)
		c.Line(mx, float64(f.Px.Min.Y), mx, float64(f.Px.Max.Y), colMark, 0.8)
	}
	lx := r.Max.X - 4
	for k := len(ch.Series) - 1; k >= 0; k-- {
		s := ch.Series[k]
		lx -= 7*len(s.Name) + 14
		c.FillRect(image.Rect(lx, r.Min.Y+6, lx+8, r.Min.Y+12), s.Col)
		c.Label(lx+10, r.Min.Y+2, s.Name)
		clampY := func(y float64) float64 { return min(max(y, f.Y0), f.Y1) }
		for i := range s.X {
			if math.IsNaN(s.Y[i]) {
				continue
			}
			px, py := f.ToPx(s.X[i], clampY(s.Y[i]))
			if s.Style == 1 || i == 0 {
				c.Disc(px, py, 1.5, s.Col, 1)
				continue
			}
			if math.IsNaN(s.Y[i-1]) {
				continue
			}
			qx, qy := f.ToPx(s.X[i-1], clampY(s.Y[i-1]))
			c.Line(qx, qy, px, py, s.Col, 1)
		}
	}
}

// Colours shared by the scenes.
var (
	colBG    = color.RGBA{0x14, 0x17, 0x1f, 0xff}
	colPanel = color.RGBA{0x1d, 0x22, 0x2d, 0xff}
	colGrid  = color.RGBA{0x3a, 0x41, 0x52, 0xff}
	colMark  = color.RGBA{0xff, 0xff, 0xff, 0xff}
	colReal  = color.RGBA{0x2e, 0xa0, 0xff, 0xff} // blue
	colFake  = color.RGBA{0xff, 0x8c, 0x1a, 0xff} // orange
	colMan   = color.RGBA{0xc8, 0x8c, 0xff, 0xff}
	colArrow = color.RGBA{0xff, 0xe0, 0x60, 0xff}
	colGreen = color.RGBA{0x4c, 0xd1, 0x7a, 0xff}
	colRed   = color.RGBA{0xff, 0x5a, 0x5a, 0xff}
)

// heatColour maps v in [0, 1] to a diverging colour: purple where D says fake (0), slate
// at 0.5, teal where D says real (1). A square root stretches small departures from 0.5.
func heatColour(v float64) color.RGBA {
	v = min(max(v, 0), 1)
	lo := [3]float64{0x70, 0x24, 0x78}
	mid := [3]float64{0x2a, 0x31, 0x44}
	hi := [3]float64{0x10, 0x86, 0x74}
	d := 2 * (v - 0.5)
	end := hi
	if d < 0 {
		end, d = lo, -d
	}
	t := math.Sqrt(d)
	return color.RGBA{uint8(mid[0] + t*(end[0]-mid[0])), uint8(mid[1] + t*(end[1]-mid[1])), uint8(mid[2] + t*(end[2]-mid[2])), 0xff}
}

type colorT = color.RGBA
