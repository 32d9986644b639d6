package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"
)

// benchResult is the JSON line benchmark.mjs prints.
type benchResult struct {
	BrowserVersion string      `json:"browserVersion"`
	ConsoleErrors  []string    `json:"consoleErrors"`
	Error          string      `json:"error"`
	Check          *benchCheck `json:"check"`
	Suite          *benchSuite `json:"suite"`
}

// benchCheck is what the "check" mode saw.
type benchCheck struct {
	HasGPU bool `json:"hasGPU"`
	Runs   []struct {
		OK      bool        `json:"ok"`
		Result  benchOutput `json:"result"`
		Error   string      `json:"error"`
		IsError bool        `json:"isError"`
		Backend string      `json:"backend"`
	} `json:"runs"`
	Bad []struct {
		Name     string      `json:"name"`
		Rejected bool        `json:"rejected"`
		IsError  bool        `json:"isError"`
		Error    string      `json:"error"`
		Result   benchOutput `json:"result"`
	} `json:"bad"`
	RawState0   map[string]any `json:"state0"`
	RawState1   map[string]any `json:"state1"`
	RawMetrics0 map[string]any `json:"metrics0"`
	RawMetrics1 map[string]any `json:"metrics1"`
	// Frames drawn in one second after the benchmarks, while holdFrames(true) held them,
	// and after holdFrames(false).
	FramesAfter    int `json:"framesAfter"`
	FramesHeld     int `json:"framesHeld"`
	FramesReleased int `json:"framesReleased"`
}

// benchOutput is what window.ganplay.benchmark resolves to.
type benchOutput struct {
	Workload   string    `json:"workload"`
	Backend    string    `json:"backend"`
	Adapter    string    `json:"adapter"`
	Iterations int       `json:"iterations"`
	MedianMs   float64   `json:"median_ms"`
	TimesMs    []float64 `json:"times_ms"`
}

// benchSuite is what window.benchSuite returns.
type benchSuite struct {
	Env  map[string]any `json:"env"`
	Rows []benchRow     `json:"rows"`
}

type benchRow struct {
	Impl       string    `json:"impl"`
	Backend    string    `json:"backend"`
	Workload   string    `json:"workload"`
	Adapter    string    `json:"adapter"`
	MediansMs  []float64 `json:"medians_ms"`
	Iterations []int     `json:"iterations"`
	CPUMs      []float64 `json:"cpu_ms"` // Chromium's CPU time per timed iteration, each round
	Errors     []string  `json:"errors"`
}

// TestBenchmarkAPI calls window.ganplay.benchmark in headless Chromium for each workload on
// each backend with a short time, and checks the results' shape and sanity (never their
// speed), that bad options reject with an Error naming the problem, that the demo's state
// and metrics are the same after the benchmarks as before, and that holdFrames stops and
// restarts the demo's frames.
func TestBenchmarkAPI(t *testing.T) {
	res := runBenchPage(t, "check", 0.05, 1)
	c := res.Check
	if c == nil {
		t.Fatal("benchmark.mjs returned no check")
	}
	if len(c.Runs) != 5 {
		t.Fatalf("%d benchmark runs; want 5", len(c.Runs))
	}
	for _, r := range c.Runs {
		if !r.OK {
			if r.Backend == "webgpu" && !c.HasGPU {
				t.Logf("no navigator.gpu in this browser: webgpu rejected with %q", r.Error)
				continue
			}
			t.Errorf("benchmark on %s rejected: %s", r.Backend, r.Error)
			continue
		}
		o := r.Result
		t.Logf("%s on %s (%s): %d iterations, median %.2f ms", o.Workload, o.Backend, o.Adapter, o.Iterations, o.MedianMs)
		if o.Iterations < 1 || !(o.MedianMs > 0) || math.IsInf(o.MedianMs, 0) || len(o.TimesMs) != o.Iterations {
			t.Errorf("%s on %s: iterations %d, median_ms %v, %d times; want iterations ≥ 1 times, median > 0",
				o.Workload, o.Backend, o.Iterations, o.MedianMs, len(o.TimesMs))
		}
		if o.Adapter == "" {
			t.Errorf("%s on %s: no adapter named", o.Workload, o.Backend)
		}
		if o.Backend == "cpu" && !strings.Contains(o.Adapter, "wasm") {
			t.Errorf("%s on cpu: adapter %q does not say it is the wasm build", o.Workload, o.Adapter)
		}
	}
	want := map[string]string{
		"unknown workload": `unknown workload "resnet"`,
		"unknown backend":  `unknown backend "metal"`,
		"seconds 0":        "seconds 0 out of range",
		"seconds 1e6":      "seconds 1e+06 out of range",
		`seconds "3"`:      "seconds must be a number",
		"no options":       "want an options object",
		"profile on cpu":   "profile is for the webgpu backend only",
	}
	if len(c.Bad) != len(want) {
		t.Errorf("%d bad-option calls; want %d", len(c.Bad), len(want))
	}
	for _, b := range c.Bad {
		switch {
		case !b.Rejected:
			t.Errorf("benchmark with %s resolved to %+v; want a rejection", b.Name, b.Result)
		case !b.IsError || !strings.Contains(b.Error, want[b.Name]):
			t.Errorf("benchmark with %s rejected with %q (an Error: %v); want an Error saying %q", b.Name, b.Error, b.IsError, want[b.Name])
		}
	}
	s0, s1 := fmt.Sprint(c.RawState0), fmt.Sprint(c.RawState1)
	m0, m1 := fmt.Sprint(c.RawMetrics0), fmt.Sprint(c.RawMetrics1)
	if s0 != s1 || m0 != m1 || len(c.RawMetrics0) == 0 {
		t.Errorf("the demo changed during the benchmarks:\nstate %s\n   → %s\nmetrics %s\n     → %s", s0, s1, m0, m1)
	}
	if c.FramesAfter == 0 || c.FramesHeld > 1 || c.FramesReleased == 0 {
		t.Errorf("frames in a second: %d after the benchmarks, %d while held, %d after the hold; want > 0, ≤ 1, > 0",
			c.FramesAfter, c.FramesHeld, c.FramesReleased)
	}
	if len(res.ConsoleErrors) > 0 {
		t.Errorf("console errors:\n  %s", strings.Join(res.ConsoleErrors, "\n  "))
	}
}

// TestBrowserBench runs the whole comparison (`make bench-browser`): TF.js on webgpu, wasm
// and cpu and ganplay's benchmark() on webgpu and cpu, toy GAN and 256³ matmul, in one
// Chromium session. It runs only with GANPLAY_BENCH_BROWSER=1 (GANPLAY_BENCH_SECONDS and
// GANPLAY_BENCH_ROUNDS override 3 s and 2 rounds) and writes the table to
// bench/out/browser.txt. It checks nothing about speed.
func TestBrowserBench(t *testing.T) {
	if os.Getenv("GANPLAY_BENCH_BROWSER") != "1" {
		t.Skip("the browser benchmark runs with GANPLAY_BENCH_BROWSER=1 (make bench-browser)")
	}
	seconds, rounds := 3.0, 2
	if v := os.Getenv("GANPLAY_BENCH_SECONDS"); v != "" {
		fmt.Sscan(v, &seconds)
	}
	if v := os.Getenv("GANPLAY_BENCH_ROUNDS"); v != "" {
		fmt.Sscan(v, &rounds)
	}
	res := runBenchPage(t, "suite", seconds, rounds)
	if res.Suite == nil {
		t.Fatal("benchmark.mjs returned no suite")
	}
	table := formatBench(res, seconds, rounds)
	fmt.Print(table)
	root, _ := filepath.Abs("..")
	out := filepath.Join(root, "bench", "out")
	if err := os.MkdirAll(out, 0o755); err == nil {
		os.WriteFile(filepath.Join(out, "browser.txt"), []byte(table), 0o644)
	}
	for _, r := range res.Suite.Rows {
		for _, e := range r.Errors {
			t.Errorf("%s %s %s: %s", r.Impl, r.Backend, r.Workload, e)
		}
	}
}

// formatBench prints the suite as a table: each row's best median and least CPU time per
// iteration over the rounds, and the ratios ganplay/TF.js of both against each TF.js
// backend for the same workload.
func formatBench(res benchResult, seconds float64, rounds int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "browser benchmark: %s, %s s per measurement, %d round(s), best median shown\n",
		res.BrowserVersion, fmt.Sprint(seconds), rounds)
	keys := make([]string, 0, len(res.Suite.Env))
	for k := range res.Suite.Env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "  %s: %v\n", k, res.Suite.Env[k])
	}
	best, cpu := map[string]float64{}, map[string]float64{}
	for _, r := range res.Suite.Rows {
		k := r.Impl + "/" + r.Backend + "/" + r.Workload
		if len(r.MediansMs) > 0 {
			best[k] = minOf(r.MediansMs)
		}
		if len(r.CPUMs) > 0 {
			cpu[k] = minOf(r.CPUMs)
		}
	}
	num := func(m map[string]float64, k string) string {
		if v, ok := m[k]; ok {
			return fmt.Sprintf("%.2f", v)
		}
		return "-"
	}
	fmt.Fprintf(&b, "\n%-9s %-8s %-10s %11s %11s %12s  %s\n", "impl", "backend", "workload", "median ms", "cpu ms/it", "iterations", "adapter / errors")
	for _, r := range res.Suite.Rows {
		k := r.Impl + "/" + r.Backend + "/" + r.Workload
		fmt.Fprintf(&b, "%-9s %-8s %-10s %11s %11s %12s  %s%s\n", r.Impl, r.Backend, r.Workload, num(best, k), num(cpu, k),
			strings.Trim(fmt.Sprint(r.Iterations), "[]"), r.Adapter, strings.Join(r.Errors, "; "))
	}
	for _, m := range []struct {
		name string
		v    map[string]float64
	}{{"wall time (median ms)", best}, {"Chromium CPU time per iteration", cpu}} {
		fmt.Fprintf(&b, "\nratios ganplay/TF.js, %s; below 1 means ganplay is faster\n", m.name)
		fmt.Fprintf(&b, "%-10s %-15s %10s %10s %10s\n", "workload", "ganplay", "tf webgpu", "tf wasm", "tf cpu")
		for _, w := range []string{"toygan", "matmul256"} {
			for _, gb := range []string{"webgpu", "cpu"} {
				g, ok := m.v["ganplay/"+gb+"/"+w]
				if !ok {
					continue
				}
				fmt.Fprintf(&b, "%-10s %-15s", w, gb)
				for _, tb := range []string{"webgpu", "wasm", "cpu"} {
					if v, ok := m.v["tfjs/"+tb+"/"+w]; ok && v > 0 {
						fmt.Fprintf(&b, " %10.2f", g/v)
					} else {
						fmt.Fprintf(&b, " %10s", "-")
					}
				}
				fmt.Fprintln(&b)
			}
		}
	}
	return b.String()
}

func minOf(v []float64) float64 {
	m := math.Inf(1)
	for _, x := range v {
		m = min(m, x)
	}
	return m
}

// runBenchPage builds the wasm, serves the benchmark page with TF.js from e2e/node_modules
// on 127.0.0.1 (a secure context, as WebGPU needs) and runs benchmark.mjs in mode.
func runBenchPage(t *testing.T, mode string, seconds float64, rounds int) benchResult {
	root, ctx := setup(t)
	for _, pkg := range []string{"tfjs", "tfjs-backend-webgpu", "tfjs-backend-wasm"} {
		if _, err := os.Stat(filepath.Join(root, "e2e", "node_modules", "@tensorflow", pkg, "package.json")); err != nil {
			t.Fatalf("e2e/node_modules/@tensorflow/%s is missing: npm ci in e2e/", pkg)
		}
	}
	url := serveBenchPage(ctx, t, root)

	ctx, cancel := context.WithTimeout(ctx, 25*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", "benchmark.mjs", url, mode, fmt.Sprint(seconds), fmt.Sprint(rounds))
	cmd.Dir = filepath.Join(root, "e2e")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	last := lines[len(lines)-1]
	var res benchResult
	if !strings.HasPrefix(last, "{") || json.Unmarshal([]byte(last), &res) != nil {
		t.Fatalf("node benchmark.mjs %s %s: %v; no JSON result\nstdout:\n%s\nstderr:\n%s", url, mode, err, stdout.String(), stderr.String())
	}
	t.Logf("benchmark.mjs %s took %v: %s", mode, time.Since(start).Round(time.Second), last)
	if stderr.Len() > 0 {
		t.Logf("benchmark.mjs stderr:\n%s", stderr.String())
	}
	if res.Error != "" {
		t.Fatalf("benchmark.mjs failed: %s", res.Error)
	}
	return res
}

// serveBenchPage builds ./wasm into a temporary folder and serves, on 127.0.0.1:
// /bench/ (e2e/bench), /node_modules/ (e2e/node_modules), /ganplay.wasm and /wasm_exec.js.
func serveBenchPage(ctx context.Context, t *testing.T, root string) string {
	dir := t.TempDir()
	wasm := filepath.Join(dir, "ganplay.wasm")
	build := exec.CommandContext(ctx, "go", "build", "-o", wasm, "./wasm")
	build.Dir = root
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	start := time.Now()
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("GOOS=js GOARCH=wasm go build ./wasm: %v\n%s", err, out)
	}
	t.Logf("built ganplay.wasm in %v", time.Since(start).Round(time.Second))
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/bench/", http.StripPrefix("/bench/", http.FileServer(http.Dir(filepath.Join(root, "e2e", "bench")))))
	mux.Handle("/node_modules/", http.StripPrefix("/node_modules/", http.FileServer(http.Dir(filepath.Join(root, "e2e", "node_modules")))))
	mux.HandleFunc("/ganplay.wasm", func(w http.ResponseWriter, r *http.Request) { http.ServeFile(w, r, wasm) })
	execJS := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js")
	mux.HandleFunc("/wasm_exec.js", func(w http.ResponseWriter, r *http.Request) { http.ServeFile(w, r, execJS) })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	t.Logf("benchmark page at %s/bench/ (%s/%s host)", srv.URL, runtime.GOOS, runtime.GOARCH)
	return srv.URL + "/"
}
