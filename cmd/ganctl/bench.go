package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/ganplay/ganplay/bench"
	"github.com/ganplay/ganplay/engine/webgpu"
)

// runBench implements ganctl bench: the workloads of window.ganplay.benchmark (bench.Run)
// natively on the chosen backend, one line per workload in `go test -bench` format (so that
// bench/compare and benchstat read it), for machines where `go test` is not at hand (the
// GPU machine gets a prebuilt ganctl).
func runBench(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	workloads := fs.String("workload", strings.Join(bench.Workloads, ","), "comma-separated workloads: "+strings.Join(bench.Workloads, ", "))
	seconds := fs.Float64("seconds", 3, "how long to time each workload, in seconds")
	seed := fs.Uint64("seed", 1, "seeds the models' and data's random draws")
	profile := fs.Bool("profile", false, "on webgpu, then time each dispatch alone over a short run and print the kernels that took longest")
	backend := backendFlag(fs)
	if err := parse(fs, args, stdout); err != nil {
		return helpOK(err)
	}
	if err := checkBackend(*backend); err != nil {
		return err
	}
	var opts []bench.RunOptions
	for _, w := range strings.Split(*workloads, ",") {
		o := bench.RunOptions{Workload: strings.TrimSpace(w), Seconds: *seconds, Seed: *seed}
		if err := o.Check(); err != nil {
			return usagef("%v", err)
		}
		opts = append(opts, o)
	}
	be, closeFn, err := openBackend(*backend, stdout)
	if err != nil {
		return err
	}
	defer closeFn()
	gb, _ := be.(*webgpu.Backend)
	for _, o := range opts {
		var s0 webgpu.Stats
		if gb != nil {
			s0 = gb.Stats()
		}
		r, err := bench.Run(context.Background(), be, o)
		if err != nil {
			return fmt.Errorf("bench %s on %s: %w", o.Workload, be.Name(), err)
		}
		fmt.Fprintf(stdout, "BenchmarkRun/%s/%s\t%d\t%.0f ns/op\t%.2f iter/s\n",
			o.Workload, be.Name(), r.Iterations, r.MedianMs*1e6, 1000/r.MedianMs)
		if gb == nil {
			continue
		}
		// Per iteration, the warm-up included.
		s1, n := gb.Stats(), float64(r.Iterations+1)
		fmt.Fprintf(stdout, "#   per iteration: %.1f submissions, %.1f dispatches, %.1f uploads, %.1f bind groups created\n",
			float64(s1.Submissions-s0.Submissions)/n, float64(s1.Dispatches-s0.Dispatches)/n,
			float64(s1.Uploads-s0.Uploads)/n, float64(s1.BindGroups-s0.BindGroups)/n)
		if *profile {
			if err := profileRun(gb, o, stdout); err != nil {
				return err
			}
		}
	}
	return nil
}

// profileRun runs o briefly with every dispatch timed alone (webgpu.SetProfiling) and prints
// the kernels that took longest, per iteration (the warm-up included).
func profileRun(gb *webgpu.Backend, o bench.RunOptions, stdout io.Writer) error {
	o.Seconds = bench.MinSeconds
	gb.SetProfiling(true)
	defer gb.SetProfiling(false)
	r, err := bench.Run(context.Background(), gb, o)
	if err != nil {
		return fmt.Errorf("profile %s: %w", o.Workload, err)
	}
	n := float64(r.Iterations + 1)
	rows := gb.Profile()
	var total float64
	for _, k := range rows {
		total += k.Total.Seconds() * 1000 / n
	}
	fmt.Fprintf(stdout, "#   profile (each dispatch alone, round trips included): %.1f ms per iteration\n", total)
	for i, k := range rows {
		if i == 15 {
			break
		}
		fmt.Fprintf(stdout, "#     %-14s groups %-16v %6.1f per it  %8.2f ms per it\n", k.Kernel, k.Groups, float64(k.Count)/n, k.Total.Seconds()*1000/n)
	}
	return nil
}
