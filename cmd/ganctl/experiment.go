package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime"

	"github.com/ganplay/ganplay/models/experiment"
)

// runExperiment implements ganctl experiment <name>.
func runExperiment(args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "mode-collapse" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
			fmt.Fprintln(stdout, "usage: ganctl experiment mode-collapse [--quick] [--seeds N] [--steps N] [--workers W]")
			return nil
		}
		return usagef("experiment: want an experiment name: mode-collapse")
	}
	return runModeCollapse(args[1:], stdout)
}

// runModeCollapse implements ganctl experiment mode-collapse: the VEEGAN/PacGAN-style table
// of THEORY.md section 7.
func runModeCollapse(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("experiment mode-collapse", flag.ContinueOnError)
	quick := fs.Bool("quick", false, "tiny preset for smoke tests (its numbers measure nothing)")
	seeds := fs.Int("seeds", 0, "number of seeds, 1..N (default 5, or 2 with --quick)")
	steps := fs.Int("steps", 0, "G steps per run (default: the preset's)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "runs trained at once")
	verbose := fs.Bool("v", false, "print each run as it finishes")
	if err := parse(fs, args, stdout); err != nil {
		return helpOK(err)
	}
	p, n := experiment.Full(), 5
	if *quick {
		p, n = experiment.Quick(), 2
	}
	set := setFlags(fs)
	if set["seeds"] {
		n = *seeds
	}
	if set["steps"] {
		p.Steps = *steps
	}
	if n < 1 || p.Steps < 1 || *workers < 1 {
		return usagef("experiment mode-collapse: --seeds %d, --steps %d and --workers %d must be ≥ 1", n, p.Steps, *workers)
	}
	mc := experiment.ModeCollapse{Preset: p, Workers: *workers}
	for s := 1; s <= n; s++ {
		mc.Seeds = append(mc.Seeds, uint64(s))
	}
	if *verbose {
		mc.Progress = func(r experiment.Run) {
			fmt.Fprintf(stdout, "%-22s %-7s seed %d: modes %d, high quality %.1f%%, reverse KL %.3f (%s)\n",
				r.Method, r.Dataset, r.Seed, r.Metrics.ModesCaptured, 100*r.Metrics.HighQuality, r.Metrics.ReverseKL, r.Elapsed.Round(1e8))
		}
	}
	t, err := mc.Run(context.Background())
	if err != nil {
		return err
	}
	return t.WriteMarkdown(stdout)
}
