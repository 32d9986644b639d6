// Command compare prints ganplay's benchmark times beside PyTorch's, as ratios.
//
//	go run ./bench/compare bench/out/go.txt bench/out/torch.txt
//
// Both files hold `go test -bench` lines; torch_bench.py writes its workloads as
// BenchmarkTorchNAME. A workload measured several times (go test -count, torch_bench.py
// --rounds) counts with its fastest time: on a shared machine noise only ever adds time.
// A ratio above 1 means ganplay is slower than PyTorch.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

// result is one benchmark line: the workload, the thread count and the time per op.
type result struct {
	name    string
	threads int
	ns      float64
}

func parse(path string) ([]result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []result
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") || fields[3] != "ns/op" {
			continue
		}
		name, threads := strings.TrimPrefix(fields[0], "Benchmark"), 1
		if i := strings.LastIndex(name, "-"); i > 0 {
			if n, err := strconv.Atoi(name[i+1:]); err == nil {
				name, threads = name[:i], n
			}
		}
		ns, err := strconv.ParseFloat(fields[2], 64)
		if err != nil {
			return nil, fmt.Errorf("%s: %q: %w", path, sc.Text(), err)
		}
		out = append(out, result{name, threads, ns})
	}
	return out, sc.Err()
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: compare GO_BENCH.txt TORCH_BENCH.txt")
		os.Exit(2)
	}
	ours, err := parse(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
	theirs, err := parse(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
	torch := map[string]float64{} // fastest one-thread PyTorch time per workload
	for _, r := range theirs {
		name := strings.TrimPrefix(r.name, "Torch")
		if t, ok := torch[name]; r.threads == 1 && (!ok || r.ns < t) {
			torch[name] = r.ns
		}
	}
	ours = fastest(ours)
	fmt.Printf("%-12s %8s %14s %16s %14s\n", "workload", "threads", "ganplay ms/op", "PyTorch ms/op (1)", "ganplay/PyTorch")
	for _, r := range ours {
		t, ok := torch[r.name]
		if !ok {
			continue
		}
		fmt.Printf("%-12s %8d %14.3f %16.3f %14.2f\n", r.name, r.threads, r.ns/1e6, t/1e6, r.ns/t)
	}
}

// fastest keeps, for each workload and thread count, the fastest of its results, sorted
// by workload.
func fastest(rs []result) []result {
	best := map[[2]string]result{}
	for _, r := range rs {
		k := [2]string{r.name, strconv.Itoa(r.threads)}
		if b, ok := best[k]; !ok || r.ns < b.ns {
			best[k] = r
		}
	}
	out := make([]result, 0, len(best))
	for _, r := range best {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].name != out[j].name {
			return out[i].name < out[j].name
		}
		return out[i].threads < out[j].threads
	})
	return out
}
