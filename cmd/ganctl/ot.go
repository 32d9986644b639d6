package main

import (
	"flag"
	"fmt"
	"io"
	"math"

	"github.com/ganplay/ganplay/models/dist"
)

// Size limits of ganctl ot: the assignment solver is O(n³) and Sinkhorn keeps n×m numbers.
const (
	maxExactPoints   = 2000
	maxSinkhornCells = 4_000_000
)

// runOT implements ganctl ot: exact W_1 (equal sizes) and Sinkhorn values between two
// point sets read from CSV or JSON files.
func runOT(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("ot", flag.ContinueOnError)
	pathA := fs.String("a", "", "first point set (`FILE`.csv or .json)")
	pathB := fs.String("b", "", "second point set (`FILE`.csv or .json)")
	eps := fs.Float64("eps", 0.05, "entropic regularisation ε of Sinkhorn")
	if err := parse(fs, args, stdout); err != nil {
		return helpOK(err)
	}
	if *pathA == "" || *pathB == "" {
		return usagef("ot: --a and --b are required")
	}
	if !(*eps > 0) || math.IsInf(*eps, 0) {
		return usagef("ot: --eps %v must be a finite number > 0", *eps)
	}
	pa, err := loadPoints(*pathA)
	if err != nil {
		return err
	}
	pb, err := loadPoints(*pathB)
	if err != nil {
		return err
	}
	a, b := rows(pa.Data()), rows(pb.Data())
	n, m := len(a), len(b)
	if n*m > maxSinkhornCells {
		return usagef("ot: %d × %d points is too large (at most %d pairs)", n, m, maxSinkhornCells)
	}
	fmt.Fprintf(stdout, "a: %d points, b: %d points\n", n, m)
	switch {
	case n != m:
		fmt.Fprintf(stdout, "exact W_1: needs equal sizes (%d and %d)\n", n, m)
	case n > maxExactPoints:
		fmt.Fprintf(stdout, "exact W_1: skipped, more than %d points\n", maxExactPoints)
	default:
		fmt.Fprintf(stdout, "exact W_1 = %.6f\n", dist.W1Exact(a, b))
	}
	res, err := dist.Sinkhorn(uniform(n), uniform(m), dist.CostMatrix(a, b, dist.Euclidean), *eps, dist.Options{})
	if err != nil {
		return usagef("ot: %v", err)
	}
	fmt.Fprintf(stdout, "sinkhorn (ε = %g): <P, C> = %.6f, OT_ε = %.6f, %d iterations, %s, marginal error %.2g\n",
		*eps, res.Cost, res.OTeps, res.Iterations, res.Stop, res.MarginalError)
	s, err := dist.SinkhornDivergence(a, b, nil, nil, *eps, dist.Euclidean, dist.Options{})
	if err != nil {
		return usagef("ot: %v", err)
	}
	fmt.Fprintf(stdout, "sinkhorn divergence S_ε = %.6f\n", s)
	return nil
}

func rows(pts [][2]float64) [][]float64 {
	out := make([][]float64, len(pts))
	for i, p := range pts {
		out[i] = []float64{p[0], p[1]}
	}
	return out
}

func uniform(n int) []float64 {
	w := make([]float64, n)
	for i := range w {
		w[i] = 1 / float64(n)
	}
	return w
}
