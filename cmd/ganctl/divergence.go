package main

import (
	"flag"
	"fmt"
	"io"
	"math"

	"github.com/ganplay/ganplay/models/dist"
)

// runDivergence implements ganctl divergence: the θ demo's values for the two segments
// {0}×[0,1] and {θ}×[0,1] and for N(0, σ²) and N(θ, σ²), with their θ-derivatives.
func runDivergence(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("divergence", flag.ContinueOnError)
	theta := fs.Float64("theta", 0, "shift θ of the second distribution")
	sigma := fs.Float64("sigma", 1, "standard deviation σ of the two Gaussians")
	if err := parse(fs, args, stdout); err != nil {
		return helpOK(err)
	}
	if !setFlags(fs)["theta"] {
		return usagef("divergence: --theta is required")
	}
	if math.IsNaN(*theta) || math.IsInf(*theta, 0) {
		return usagef("divergence: --theta %v must be finite", *theta)
	}
	if !(*sigma > 0) || math.IsInf(*sigma, 0) {
		return usagef("divergence: --sigma %v must be a finite number > 0", *sigma)
	}
	fmt.Fprintf(stdout, "θ = %g, σ = %g\n", *theta, *sigma)
	fmt.Fprintf(stdout, "%-34s %12s %12s %12s %12s %12s\n", "", "JS", "KL(Pθ‖P0)", "KL(P0‖Pθ)", "TV", "W_1")
	for _, c := range []struct {
		name string
		d    dist.Divergences
	}{
		{"segments {0}×[0,1], {θ}×[0,1]", dist.Segments(*theta)},
		{"Gaussians N(0, σ²), N(θ, σ²)", dist.Gaussians(*theta, *sigma)},
	} {
		d := c.d
		fmt.Fprintf(stdout, "%-34s %12.6g %12.6g %12.6g %12.6g %12.6g\n", c.name, d.JS, d.KLForward, d.KLReverse, d.TV, d.W1)
		fmt.Fprintf(stdout, "%-34s %12.6g %12.6g %12.6g %12.6g %12.6g\n", "  d/dθ", d.DJS, d.DKLF, d.DKLR, d.DTV, d.DW1)
	}
	return nil
}
