package toy2d

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Limits on the size of a user point set.
const (
	// MinPoints is the smallest accepted user point set.
	MinPoints = 8
	// MaxPoints is the largest accepted user point set.
	MaxPoints = 100000
)

// Points is a user-supplied point set used as a target distribution: the empirical measure
// (1/n) Σ δ_{p_i}. Create it with NewPoints, ReadCSV or ReadJSON.
type Points struct {
	pts [][2]float64
}

// NewPoints returns the dataset of a copy of pts. It returns an error if a coordinate is NaN
// or ±Inf or the set has fewer than MinPoints or more than MaxPoints points.
func NewPoints(pts [][2]float64) (*Points, error) {
	if err := checkCount(len(pts)); err != nil {
		return nil, err
	}
	for i, p := range pts {
		for c, v := range p {
			if err := checkFinite(v); err != nil {
				return nil, fmt.Errorf("toy2d: point at index %d: %s %w", i, axisName(c), err)
			}
		}
	}
	return &Points{pts: append([][2]float64(nil), pts...)}, nil
}

// Name returns "points".
func (*Points) Name() string { return "points" }

// Len returns the number of points in the set.
func (p *Points) Len() int { return len(p.pts) }

// Data returns a copy of the points.
func (p *Points) Data() [][2]float64 { return append([][2]float64(nil), p.pts...) }

// Modes returns nil: a user point set has no modes.
func (*Points) Modes() []Mode { return nil }

// Sample draws n points uniformly from the set, with replacement. It panics on a zero Points
// (no points); use NewPoints, ReadCSV or ReadJSON.
func (p *Points) Sample(rng *rand.Rand, n int) [][2]float64 {
	out := make([][2]float64, n)
	for i := range out {
		out[i] = p.pts[rng.IntN(len(p.pts))]
	}
	return out
}

// checkCount enforces MinPoints ≤ n ≤ MaxPoints.
func checkCount(n int) error {
	if n < MinPoints {
		return fmt.Errorf("toy2d: at least %d points needed, got %d", MinPoints, n)
	}
	if n > MaxPoints {
		return fmt.Errorf("toy2d: too many points: more than %d", MaxPoints)
	}
	return nil
}

// checkFinite returns an error naming the value if v is NaN or ±Inf.
func checkFinite(v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("is %v (NaN and Inf are not allowed)", v)
	}
	return nil
}

// axisName returns "x" for coordinate 0 and "y" for coordinate 1.
func axisName(c int) string {
	if c == 0 {
		return "x"
	}
	return "y"
}
