package demos

import (
	"fmt"
	"math"
	"strings"

	"github.com/ganplay/ganplay/models/toy2d"
)

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
	return FitPoints(p.Data()), nil
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
	a.scene = nil // the new points replace the scene's own
	if err := a.reset(); err != nil {
		a.paramErr = append(a.paramErr, fmt.Sprintf("points rejected: %v", err))
	}
}

// keepPoints copies the user points of the current scene (drawn with clicks since it
// started) into the settings, so that a restart keeps them.
func (a *App) keepPoints() {
	if up, ok := a.scene.(interface{ UserPoints() [][2]float64 }); ok {
		a.s.Points = up.UserPoints()
	}
}
