package bench

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/models"
	"github.com/ganplay/ganplay/models/toy2d"
)

// The workloads that Run knows, the names window.ganplay.benchmark takes.
const (
	// WorkloadToyGAN is one iteration of ToyGAN (width 128, batch 256, as in the native
	// BenchmarkToyGAN): a D step, a G step and a read of the D loss.
	WorkloadToyGAN = "toygan"
	// WorkloadMatMul256 is one product of two 256×256 matrices and a read of the result.
	WorkloadMatMul256 = "matmul256"
	// WorkloadPix2pix is one training step of the Pix2pix benchmark (Pix2pixConfig: 64×64,
	// batch 1, as BenchmarkPix2pix) and a read of its first loss.
	WorkloadPix2pix = "pix2pix64"
	// WorkloadCycleGAN is one training step of the CycleGAN benchmark (CycleGANConfig:
	// 64×64, batch 1, as BenchmarkCycleGAN) and a read of its first loss.
	WorkloadCycleGAN = "cyclegan64"
)

// Workloads lists the workloads in the order they are documented.
var Workloads = []string{WorkloadToyGAN, WorkloadMatMul256, WorkloadPix2pix, WorkloadCycleGAN}

// The range of RunOptions.Seconds.
const (
	MinSeconds = 0.05
	MaxSeconds = 120
)

// RunOptions say what Run measures.
type RunOptions struct {
	Workload string  // one of Workloads
	Seconds  float64 // how long to keep timing iterations, in [MinSeconds, MaxSeconds]
	Seed     uint64  // seeds the model's and the data's random draws
	// Yield, when set, is called between iterations at most every YieldEvery (default
	// 100 ms) of work, outside the timed part: in the browser it lets the page breathe.
	Yield      func()
	YieldEvery time.Duration
	// Started, when set, is called once the warm-up iteration is done, just before the
	// timed ones (a harness that measures CPU time starts its clock there).
	Started func()
}

// RunResult is what Run measured.
type RunResult struct {
	Workload   string
	Iterations int       // timed iterations (a warm-up iteration runs first, untimed)
	MedianMs   float64   // the median wall time of one iteration, in milliseconds
	TimesMs    []float64 // every iteration's time, in order
}

// ErrOptions is wrapped by every error about bad RunOptions.
var ErrOptions = errors.New("bench: bad options")

// Check reports bad options, wrapping ErrOptions.
func (o RunOptions) Check() error {
	if !slices.Contains(Workloads, o.Workload) {
		return fmt.Errorf("%w: unknown workload %q (want one of %q)", ErrOptions, o.Workload, Workloads)
	}
	if !(o.Seconds >= MinSeconds && o.Seconds <= MaxSeconds) { // also refuses NaN
		return fmt.Errorf("%w: seconds %v out of range [%v, %v]", ErrOptions, o.Seconds, MinSeconds, MaxSeconds)
	}
	return nil
}

// Run builds the workload on a fresh device of be, runs one warm-up iteration, then times
// iterations until o.Seconds have passed (at least one) and returns their median. Every
// iteration ends with a read of a result, so that the time includes the work of a lazily
// recording backend (never WaitIdle). It stops early, with ctx's error, when ctx ends.
func Run(ctx context.Context, be engine.Backend, o RunOptions) (RunResult, error) {
	if err := o.Check(); err != nil {
		return RunResult{}, err
	}
	iter, err := newIteration(ctx, engine.NewDevice(be), o)
	if err != nil {
		return RunResult{}, err
	}
	if err := iter(); err != nil { // warm-up: pipelines, pools, bind groups
		return RunResult{}, err
	}
	every := o.YieldEvery
	if every <= 0 {
		every = 100 * time.Millisecond
	}
	if o.Started != nil {
		o.Started()
	}
	res := RunResult{Workload: o.Workload}
	budget := time.Duration(o.Seconds * float64(time.Second))
	start := time.Now()
	lastYield := start
	for len(res.TimesMs) == 0 || time.Since(start) < budget {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		t0 := time.Now()
		if err := iter(); err != nil {
			return res, err
		}
		t1 := time.Now()
		res.TimesMs = append(res.TimesMs, float64(t1.Sub(t0).Nanoseconds())/1e6)
		if o.Yield != nil && t1.Sub(lastYield) >= every {
			o.Yield()
			lastYield = time.Now()
		}
	}
	res.Iterations = len(res.TimesMs)
	res.MedianMs = median(res.TimesMs)
	return res, nil
}

// newIteration builds o.Workload on dev and returns one iteration of it.
func newIteration(ctx context.Context, dev *engine.Device, o RunOptions) (func() error, error) {
	switch o.Workload {
	case WorkloadToyGAN:
		m, err := NewToyGAN(dev, toy2d.Ring8{}, o.Seed, 128, 256, 2e-4)
		if err != nil {
			return nil, err
		}
		return func() error {
			lossD, _ := m.Step()
			_, err := lossD.Read(ctx)
			return err
		}, nil
	case WorkloadMatMul256:
		rng := rand.New(rand.NewPCG(o.Seed, 0x6d6d))
		x, y := dev.Randn(rng, 0, 1, 256, 256), dev.Randn(rng, 0, 1, 256, 256)
		return func() error {
			var err error
			dev.NoGrad(func() {
				dev.Scope(func() []*engine.Tensor { // hands z's storage back
					_, err = x.MatMul(y).Read(ctx)
					return nil
				})
			})
			return err
		}, nil
	case WorkloadPix2pix, WorkloadCycleGAN:
		var m models.Model
		var src FixedSource
		var err error
		if o.Workload == WorkloadPix2pix {
			m, src, err = NewPix2pix(dev, o.Seed)
		} else {
			m, src, err = NewCycleGAN(dev, o.Seed)
		}
		if err != nil {
			return nil, err
		}
		return func() error {
			losses, err := m.Step(src)
			if err != nil {
				return err
			}
			_, err = losses[0].T.Read(ctx)
			return err
		}, nil
	}
	return nil, o.Check()
}

// median returns the median of v (the mean of the middle two for an even count).
func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(v))
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
