// Command compare prints ganplay's benchmark times beside PyTorch's, as ratios.
//
//	go run ./bench/compare bench/out/go.txt bench/out/torch.txt
//
// Both files hold `go test -bench` lines; torch_bench.py writes its workloads as
// BenchmarkTorchNAME. A ratio above 1 means ganplay is slower than PyTorch.
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
	torch := map[string]float64{} // one-thread PyTorch time per workload
	for _, r := range theirs {
		if r.threads == 1 {
			torch[strings.TrimPrefix(r.name, "Torch")] = r.ns
		}
	}
	sort.SliceStable(ours, func(i, j int) bool { return ours[i].name < ours[j].name })
	fmt.Printf("%-12s %8s %14s %16s %14s\n", "workload", "threads", "ganplay ms/op", "PyTorch ms/op (1)", "ganplay/PyTorch")
	for _, r := range ours {
		t, ok := torch[r.name]
		if !ok {
			continue
		}
		fmt.Printf("%-12s %8d %14.3f %16.3f %14.2f\n", r.name, r.threads, r.ns/1e6, t/1e6, r.ns/t)
	}
}
