package dist

import (
	"fmt"
	"math"
)

// CostKind selects the ground cost c(x, y) between two points of R^d.
type CostKind int

const (
	// Euclidean is the cost c(x, y) = ||x − y||_2, the cost of W_1. It is the zero value and
	// therefore the default.
	Euclidean CostKind = iota
	// SquaredEuclidean is the cost c(x, y) = ||x − y||_2², the cost of W_2².
	SquaredEuclidean
)

// String returns "euclidean" or "squared-euclidean".
func (k CostKind) String() string {
	switch k {
	case Euclidean:
		return "euclidean"
	case SquaredEuclidean:
		return "squared-euclidean"
	}
	return fmt.Sprintf("CostKind(%d)", int(k))
}

// Cost returns c(x, y) for the cost kind k: ||x − y||_2 for Euclidean and ||x − y||_2² for
// SquaredEuclidean. It panics if x and y differ in length or k is unknown.
func (k CostKind) Cost(x, y []float64) float64 {
	if len(x) != len(y) {
		panic(fmt.Sprintf("dist: points of dimension %d and %d", len(x), len(y)))
	}
	s := 0.0
	for i, xi := range x {
		d := xi - y[i]
		s += d * d
	}
	switch k {
	case Euclidean:
		return math.Sqrt(s)
	case SquaredEuclidean:
		return s
	}
	panic(fmt.Sprintf("dist: unknown cost kind %d", int(k)))
}

// CostMatrix returns the n×m matrix C[i][j] = c(x[i], y[j]) for the cost kind k. It panics if
// the points do not all have the same dimension or k is unknown.
func CostMatrix(x, y [][]float64, k CostKind) [][]float64 {
	c := make([][]float64, len(x))
	flat := make([]float64, len(x)*len(y))
	for i, xi := range x {
		c[i] = flat[i*len(y) : (i+1)*len(y) : (i+1)*len(y)]
		for j, yj := range y {
			c[i][j] = k.Cost(xi, yj)
		}
	}
	return c
}
