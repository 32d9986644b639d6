package dist

import (
	"errors"
	"fmt"
)

// errNoPoints is returned by SinkhornDivergence for an empty point set.
var errNoPoints = errors.New("dist: sinkhorn divergence: empty point set")

// SinkhornDivergence returns the debiased Sinkhorn divergence (Genevay et al. 2018; Feydy et
// al. 2019) between the weighted point sets (x, a) and (y, b) in R^d:
//
//	S_ε = OT_ε(a, b) − ½ OT_ε(a, a) − ½ OT_ε(b, b),
//
// where OT_ε is Result.OTeps of Sinkhorn with the ground cost selected by cost (Euclidean,
// the zero value, is the default so that S_ε can be compared with W_1; SquaredEuclidean
// compares with W_2²). S_ε is zero for identical inputs and tends to the exact OT cost as
// ε → 0. The entropy convention of OT_ε cancels out of S_ε. A nil weight slice means uniform
// weights. Errors from Sinkhorn (bad weights, ε ≤ 0, NaN coordinates) are returned, as are
// empty sets and mismatched lengths or dimensions.
func SinkhornDivergence(x, y [][]float64, a, b []float64, eps float64, cost CostKind, opts Options) (float64, error) {
	if len(x) == 0 || len(y) == 0 {
		return 0, errNoPoints
	}
	if cost != Euclidean && cost != SquaredEuclidean {
		return 0, fmt.Errorf("dist: sinkhorn divergence: unknown cost kind %d", int(cost))
	}
	d := len(x[0])
	for _, set := range [][][]float64{x, y} {
		for i, p := range set {
			if len(p) != d {
				return 0, fmt.Errorf("dist: sinkhorn divergence: point %d has dimension %d, want %d", i, len(p), d)
			}
		}
	}
	if a == nil {
		a = uniform(len(x))
	}
	if b == nil {
		b = uniform(len(y))
	}
	if len(a) != len(x) || len(b) != len(y) {
		return 0, fmt.Errorf("dist: sinkhorn divergence: %d and %d weights for %d and %d points", len(a), len(b), len(x), len(y))
	}
	ot := func(p, q [][]float64, wp, wq []float64) (float64, error) {
		r, err := Sinkhorn(wp, wq, CostMatrix(p, q, cost), eps, opts)
		return r.OTeps, err
	}
	xy, err := ot(x, y, a, b)
	if err != nil {
		return 0, err
	}
	xx, err := ot(x, x, a, a)
	if err != nil {
		return 0, err
	}
	yy, err := ot(y, y, b, b)
	if err != nil {
		return 0, err
	}
	return xy - 0.5*xx - 0.5*yy, nil
}

// uniform returns n weights equal to 1/n.
func uniform(n int) []float64 {
	w := make([]float64, n)
	for i := range w {
		w[i] = 1 / float64(n)
	}
	return w
}
