package bench

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/ganplay/ganplay/engine/cpu"
)

// TestRun runs each workload briefly on the CPU backend and checks what Run reports.
func TestRun(t *testing.T) {
	for _, w := range Workloads {
		yields, started := 0, 0
		res, err := Run(context.Background(), cpu.New(), RunOptions{Workload: w, Seconds: MinSeconds, Seed: 1,
			Yield: func() { yields++ }, YieldEvery: 1, Started: func() { started++ }})
		if err != nil {
			t.Fatalf("%s: %v", w, err)
		}
		if res.Workload != w || res.Iterations < 1 || res.Iterations != len(res.TimesMs) || !(res.MedianMs > 0) {
			t.Errorf("%s: result %+v", w, res)
		}
		if started != 1 {
			t.Errorf("%s: Started called %d times; want once", w, started)
		}
		if yields != res.Iterations {
			t.Errorf("%s: Yield called %d times in %d iterations; want once after each (YieldEvery 1ns)", w, yields, res.Iterations)
		}
		lo, hi := math.Inf(1), 0.0
		for _, v := range res.TimesMs {
			lo, hi = min(lo, v), max(hi, v)
		}
		if res.MedianMs < lo || res.MedianMs > hi {
			t.Errorf("%s: median %v outside [%v, %v]", w, res.MedianMs, lo, hi)
		}
	}
}

func TestRunBadOptions(t *testing.T) {
	for _, o := range []RunOptions{
		{Workload: "resnet", Seconds: 1},
		{Workload: WorkloadToyGAN, Seconds: 0},
		{Workload: WorkloadToyGAN, Seconds: MaxSeconds + 1},
		{Workload: WorkloadToyGAN, Seconds: math.NaN()},
	} {
		if _, err := Run(context.Background(), cpu.New(), o); !errors.Is(err, ErrOptions) {
			t.Errorf("Run(%+v): error %v; want ErrOptions", o, err)
		}
	}
}

func TestRunCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, cpu.New(), RunOptions{Workload: WorkloadMatMul256, Seconds: 1}); !errors.Is(err, context.Canceled) {
		t.Errorf("Run with a canceled context: %v; want context.Canceled", err)
	}
}

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		v    []float64
		want float64
	}{{nil, 0}, {[]float64{3}, 3}, {[]float64{5, 1, 3}, 3}, {[]float64{4, 1, 3, 2}, 2.5}} {
		if got := median(c.v); got != c.want {
			t.Errorf("median(%v) = %v; want %v", c.v, got, c.want)
		}
	}
}
