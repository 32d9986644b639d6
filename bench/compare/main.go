// Command compare prints ganplay's benchmark times beside PyTorch's, as ratios.
//
//	go run ./bench/compare bench/out/go.txt bench/out/torch.txt
//
// Both files hold `go test -bench` lines; torch_bench.py writes its workloads as
// BenchmarkTorchNAME. A workload measured several times (go test -count, torch_bench.py
// --rounds) counts with its fastest time: on a shared machine noise only ever adds time.
// A ratio above 1 means ganplay is slower than PyTorch. Where both sides report CPU time
// per op (cpu-ms/op: the process's own work, all threads, which other load on a shared
// machine disturbs far less than the wall time), the CPU ratio is printed beside.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

// result is one benchmark line: the workload, the thread count, the time per op and the
// CPU time per op (cpu-ms/op, 0 when the line has none).
type result struct {
	name    string
	threads int
	ns      float64
	cpuMs   float64
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
		r := result{name: name, threads: threads, ns: ns}
		for i := 4; i+1 < len(fields); i += 2 {
			if fields[i+1] == "cpu-ms/op" {
				r.cpuMs, _ = strconv.ParseFloat(fields[i], 64)
			}
		}
		out = append(out, r)
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
	var one []result // PyTorch's one-thread results
	for _, r := range theirs {
		if r.threads == 1 {
			r.name = strings.TrimPrefix(r.name, "Torch")
			one = append(one, r)
		}
	}
	torch := map[string]result{}
	for _, r := range fastest(one) {
		torch[r.name] = r
	}
	ours = fastest(ours)
	fmt.Printf("%-12s %7s %13s %17s %9s   %13s %17s %9s\n", "workload", "threads",
		"ganplay ms/op", "PyTorch ms/op (1)", "ratio", "ganplay CPU ms", "PyTorch CPU ms (1)", "CPU ratio")
	for _, r := range ours {
		t, ok := torch[r.name]
		if !ok {
			continue
		}
		fmt.Printf("%-12s %7d %13.3f %17.3f %9.2f", r.name, r.threads, r.ns/1e6, t.ns/1e6, r.ns/t.ns)
		if r.cpuMs > 0 && t.cpuMs > 0 {
			fmt.Printf("   %13.3f %17.3f %9.2f", r.cpuMs, t.cpuMs, r.cpuMs/t.cpuMs)
		}
		fmt.Println()
	}
}

// fastest keeps, for each workload and thread count, the fastest of its results (and,
// separately, the least CPU time of its results), sorted by workload.
func fastest(rs []result) []result {
	best := map[[2]string]result{}
	for _, r := range rs {
		k := [2]string{r.name, strconv.Itoa(r.threads)}
		b, ok := best[k]
		if !ok {
			best[k] = r
			continue
		}
		cpu := b.cpuMs
		if r.cpuMs > 0 && (cpu == 0 || r.cpuMs < cpu) {
			cpu = r.cpuMs
		}
		if r.ns < b.ns {
			b = r
		}
		b.cpuMs = cpu
		best[k] = b
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
