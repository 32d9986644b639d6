package demos

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/ganplay/ganplay/models/toy2d"
)

// MaxURLPoints is the largest point set the page takes: the points live in the URL
// (points=), so that a link reproduces the run.
const MaxURLPoints = 2000

// PointStep is the grid that loaded and drawn points are rounded to: far below a pixel of
// the plot (4/520), and it keeps the URL short.
const PointStep = 1e-3

// FitExtent is the half-width of the box that loaded points are fitted into when they do
// not already lie in the plot's [-2, 2]².
const FitExtent = 1.8

// ParsePoints reads a user point set from CSV text with toy2d.ReadCSV (the parser that
// ganctl uses for --data FILE.csv): one "x,y" per line, an optional header, '#' comments.
// Points outside the plot's [-2, 2]² are fitted into it (FitPoints).
func ParsePoints(text string) ([][2]float64, error) {
	p, err := toy2d.ReadCSV(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("points CSV: %s", strings.TrimPrefix(err.Error(), "toy2d: "))
	}
	if p.Len() > MaxURLPoints {
		return nil, fmt.Errorf("points CSV: %d points; the page takes at most %d (they live in its URL)", p.Len(), MaxURLPoints)
	}
	return roundPoints(FitPoints(p.Data())), nil
}

// roundPoints rounds every coordinate to a multiple of PointStep.
func roundPoints(pts [][2]float64) [][2]float64 {
	out := make([][2]float64, len(pts))
	for i, p := range pts {
		out[i] = [2]float64{roundPoint(p[0]), roundPoint(p[1])}
	}
	return out
}

func roundPoint(v float64) float64 { return math.Round(v/PointStep) * PointStep }

// encodePoints writes a point set as points= holds it: "x,y x,y ..." (a space, which a
// URL spells '+', between points; ';' would split a query in Go) with the shortest
// decimal that reads back to the same float64; "" for nil (the default set).
func encodePoints(pts [][2]float64) string {
	var b strings.Builder
	for i, p := range pts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.FormatFloat(p[0], 'f', -1, 64))
		b.WriteByte(',')
		b.WriteString(strconv.FormatFloat(p[1], 'f', -1, 64))
	}
	return b.String()
}

// decodePoints reads points=: "" is the default set (nil); otherwise between
// toy2d.MinPoints and MaxURLPoints finite pairs "x,y" separated by spaces (or ';').
func decodePoints(v string) ([][2]float64, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil, nil
	}
	parts := strings.Fields(strings.ReplaceAll(v, ";", " "))
	if len(parts) > MaxURLPoints {
		return nil, fmt.Errorf("%d points; at most %d", len(parts), MaxURLPoints)
	}
	pts := make([][2]float64, len(parts))
	for i, p := range parts {
		xy := strings.Split(p, ",")
		if len(xy) != 2 {
			return nil, fmt.Errorf("point %d %q: want x,y", i+1, p)
		}
		for k := range 2 {
			f, err := strconv.ParseFloat(strings.TrimSpace(xy[k]), 64)
			if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
				return nil, fmt.Errorf("point %d %q: %q is not a finite number", i+1, p, xy[k])
			}
			pts[i][k] = f
		}
	}
	if _, err := toy2d.NewPoints(pts); err != nil {
		return nil, fmt.Errorf("%s", strings.TrimPrefix(err.Error(), "toy2d: "))
	}
	return pts, nil
}

// FitPoints returns pts unchanged when they all lie in [-2, 2]², and otherwise moved and
// scaled uniformly (the shape kept) so that their bounding box is centred at the origin
// with its longer side 2·FitExtent:
//
//	p' = (p - c) · FitExtent / h,  c = the box's centre, h = half its longer side.
func FitPoints(pts [][2]float64) [][2]float64 {
	lo := [2]float64{math.Inf(1), math.Inf(1)}
	hi := [2]float64{math.Inf(-1), math.Inf(-1)}
	for _, p := range pts {
		for k := range 2 {
			lo[k], hi[k] = min(lo[k], p[k]), max(hi[k], p[k])
		}
	}
	if lo[0] >= -plotExtent && lo[1] >= -plotExtent && hi[0] <= plotExtent && hi[1] <= plotExtent {
		return pts
	}
	c := [2]float64{(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2}
	h := max(hi[0]-lo[0], hi[1]-lo[1]) / 2
	out := make([][2]float64, len(pts))
	for i, p := range pts {
		out[i] = [2]float64{(p[0] - c[0]) * FitExtent / h, (p[1] - c[1]) * FitExtent / h}
	}
	return out
}

// loadCSV makes the points of a CSV the Mixture scene's target (data=points) and restarts
// the run on them. A malformed CSV changes nothing and its message, naming the line, joins
// the snapshot's Errors.
func (a *App) loadCSV(text string) {
	pts, err := ParsePoints(text)
	a.paramErr = a.paramErr[:0]
	if err != nil {
		a.paramErr = append(a.paramErr, err.Error())
		return
	}
	a.s.Points, a.s.Data, a.s.Scene = pts, DataPoints, SceneMixture
	if err := a.reset(); err != nil {
		a.paramErr = append(a.paramErr, fmt.Sprintf("points rejected: %v", err))
	}
}

// keepPoints copies the user points of the current scene (after a click added one) into
// the settings, so that the URL holds them and a restart keeps them.
func (a *App) keepPoints() {
	if up, ok := a.scene.(interface{ UserPoints() [][2]float64 }); ok && a.s.Data == DataPoints {
		a.s.Points = up.UserPoints()
	}
}
