//go:build js && wasm

package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"syscall/js"
	"time"

	"github.com/ganplay/ganplay/bench"
	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/engine/cpu/gemm"
	"github.com/ganplay/ganplay/engine/webgpu"
)

// benchmarkDefaultSeconds is how long benchmark() times iterations when no seconds is given.
const benchmarkDefaultSeconds = 3

// publishBenchmark sets window.ganplay.benchmark:
//
//	benchmark({workload: "toygan" | "matmul256" | "pix2pix64" | "cyclegan64", backend: "webgpu" | "cpu", seconds: 3})
//	  => Promise of {workload, backend, adapter, iterations, median_ms, times_ms}
//
// Each call builds the workload on a backend of its own (never the demo's), runs it in a
// goroutine (see bench.Run) and settles the promise from there; bad options and a missing
// WebGPU adapter reject it with an Error. Calls run one at a time, in the order made. The
// demo's frames are held meanwhile (see frameHold) unless the options say hold: false;
// profile: true (webgpu) adds per-kernel times over the timed iterations, {kernel, groups,
// count, total_ms}, from dispatches run one by one; started, a function, is called (not awaited) once the
// warm-up iteration is done.
func publishBenchmark(api js.Value) {
	publishHoldFrames(api)
	queue := make(chan func(), 16)
	go func() {
		for job := range queue {
			job()
		}
	}()
	api.Set("benchmark", js.FuncOf(func(_ js.Value, args []js.Value) any {
		var res, rej js.Value
		executor := js.FuncOf(func(_ js.Value, a []js.Value) any {
			res, rej = a[0], a[1]
			return nil
		})
		p := js.Global().Get("Promise").New(executor) // runs the executor at once
		executor.Release()
		reject := func(err error) { rej.Invoke(js.Global().Get("Error").New("ganplay.benchmark: " + err.Error())) }
		var opts js.Value
		if len(args) > 0 {
			opts = args[0]
		}
		a, err := benchmarkOptions(opts)
		if err != nil {
			reject(err)
			return p
		}
		job := func() {
			// A failure inside the engine must reject this promise, not end the program
			// (and the demo with it).
			defer func() {
				if r := recover(); r != nil {
					reject(fmt.Errorf("failed: %v", r))
				}
			}()
			out, err := runBenchmark(a)
			if err != nil {
				reject(err)
				return
			}
			res.Invoke(out)
		}
		select {
		case queue <- job:
		default:
			reject(errors.New("too many benchmarks queued"))
		}
		return p
	}))
}

// benchmarkOptions reads and checks benchmark()'s argument.
func benchmarkOptions(v js.Value) (benchArgs, error) {
	o, backend, err := benchmarkRunOptions(v)
	a := benchArgs{RunOptions: o, backend: backend, hold: true}
	if err != nil {
		return a, err
	}
	if f := v.Get("started"); f.Type() == js.TypeFunction {
		a.Started = func() { f.Invoke() }
	} else if !f.IsUndefined() {
		return a, fmt.Errorf("started must be a function; got %s", f.Type())
	}
	if h := v.Get("hold"); !h.IsUndefined() {
		a.hold = h.Truthy()
	}
	if v.Get("profile").Truthy() {
		if backend != "webgpu" {
			return a, fmt.Errorf("profile is for the webgpu backend only")
		}
		a.profile = true
	}
	return a, nil
}

// benchArgs are benchmark()'s options: bench.Run's, the backend, hold (false: let the
// demo draw during the run) and profile (webgpu: add per-kernel times to the result).
type benchArgs struct {
	bench.RunOptions
	backend       string
	hold, profile bool
}

// benchmarkRunOptions reads workload, backend and seconds.
func benchmarkRunOptions(v js.Value) (bench.RunOptions, string, error) {
	o := bench.RunOptions{Seconds: benchmarkDefaultSeconds, Seed: 1}
	if v.Type() != js.TypeObject {
		return o, "", fmt.Errorf("want an options object {workload, backend, seconds}; got %s", v.Type())
	}
	str := func(name string) (string, error) {
		f := v.Get(name)
		if f.Type() != js.TypeString {
			return "", fmt.Errorf("%s must be a string; got %s", name, f.Type())
		}
		return f.String(), nil
	}
	var err error
	if o.Workload, err = str("workload"); err != nil {
		return o, "", err
	}
	backend, err := str("backend")
	if err != nil {
		return o, "", err
	}
	if backend != "webgpu" && backend != "cpu" {
		return o, "", fmt.Errorf("unknown backend %q (want \"webgpu\" or \"cpu\")", backend)
	}
	switch s := v.Get("seconds"); s.Type() {
	case js.TypeUndefined:
	case js.TypeNumber:
		o.Seconds = s.Float()
	default:
		return o, "", fmt.Errorf("seconds must be a number; got %s", s.Type())
	}
	if err := o.Check(); err != nil {
		return o, "", errors.New(strings.TrimPrefix(err.Error(), bench.ErrOptions.Error()+": "))
	}
	return o, backend, nil
}

// runBenchmark builds the backend, runs the workload and returns the result object. It
// waits on JS promises, so it must run on a goroutine, never in a JS callback.
func runBenchmark(a benchArgs) (map[string]any, error) {
	o, backend, profile := a.RunOptions, a.backend, a.profile
	ctx := context.Background()
	var gpu *webgpu.Backend // set when profiling
	var be engine.Backend
	var adapter string
	switch backend {
	case "webgpu":
		if js.Global().Get("navigator").Get("gpu").IsUndefined() {
			return nil, errors.New("webgpu unavailable: this browser has no navigator.gpu")
		}
		b, err := webgpu.New(ctx)
		if err != nil {
			return nil, fmt.Errorf("webgpu unavailable: %w", err)
		}
		defer b.Close()
		be, adapter = b, "WebGPU "+b.Info().Adapter
		if profile { // from the first timed iteration on: the warm-up compiles pipelines
			gpu = b
			started := o.Started
			o.Started = func() {
				b.SetProfiling(true)
				if started != nil {
					started()
				}
			}
		}
	default:
		be, adapter = cpu.New(), fmt.Sprintf("Go %s/%s, %s GEMM kernel", runtime.GOOS, runtime.GOARCH, gemm.Kernel())
	}
	// The demo's frames wait (see frameHold); the page's other work gets a turn between
	// iterations, since a sleep returns to the JS event loop.
	if a.hold {
		holdFrames(true)
		defer holdFrames(false)
	}
	o.Yield = func() { time.Sleep(time.Millisecond) }
	r, err := bench.Run(ctx, be, o)
	if err != nil {
		return nil, err
	}
	times := make([]any, len(r.TimesMs))
	for i, t := range r.TimesMs {
		times[i] = t
	}
	out := map[string]any{"workload": r.Workload, "backend": backend, "adapter": adapter,
		"iterations": r.Iterations, "median_ms": r.MedianMs, "times_ms": times}
	if gpu != nil {
		out["profile"] = profileOf(gpu.Profile())
	}
	return out, nil
}

// profileOf lists per-kernel times as {kernel, groups, count, total_ms}.
func profileOf(ks []webgpu.KernelTime) []any {
	out := make([]any, len(ks))
	for i, k := range ks {
		out[i] = map[string]any{"kernel": k.Kernel, "groups": fmt.Sprint(k.Groups), "count": k.Count,
			"total_ms": float64(k.Total.Microseconds()) / 1e3}
	}
	return out
}
