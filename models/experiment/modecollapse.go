package experiment

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/models"
	"github.com/ganplay/ganplay/models/toy2d"
)

// Samples is the number of generated samples per evaluation (VEEGAN, PacGAN).
const Samples = 2500

// ModeCollapse configures the mode-collapse experiment.
type ModeCollapse struct {
	Preset   Preset
	Seeds    []uint64
	Methods  []Method        // rows; Methods() when nil
	Datasets []toy2d.Dataset // column groups; ring and grid when nil
	// Workers is the number of runs trained at once (each on its own device); values < 1
	// mean 1. Results do not depend on it.
	Workers int
	// Progress, if set, is called after each run (from one goroutine at a time).
	Progress func(Run)
}

// Run is the outcome of training one method on one dataset from one seed.
type Run struct {
	Method, Dataset string
	Seed            uint64
	Metrics         toy2d.Metrics // of Samples samples after the last step
	Diverged        bool          // training stopped on a NaN or Inf loss; Metrics are of the model as it was then
	Err             string        // the divergence message, if any
	Elapsed         time.Duration
}

// Cell is one method on one dataset, summarised over the seeds.
type Cell struct {
	Modes, HighQuality, ReverseKL Stat // HighQuality in percent
	NumModes, Diverged            int
}

// Table is the result of the experiment: Cells[i][j] is method i on dataset j.
type Table struct {
	Preset   Preset
	Seeds    []uint64
	Methods  []string
	Datasets []string
	Cells    [][]Cell
	Runs     []Run
	Elapsed  time.Duration
}

// RunOne trains method m on ds for p.Steps G steps from seed and evaluates Samples
// samples. A divergence is reported in the Run, not as an error; errors are for runs that
// could not start or were cancelled.
func RunOne(ctx context.Context, m Method, ds toy2d.Dataset, p Preset, seed uint64) (Run, error) {
	start := time.Now()
	r := Run{Method: m.Name, Dataset: ds.Name(), Seed: seed}
	dev := engine.NewDevice(cpu.New())
	modelRNG, dataRNG, _ := models.Streams(seed)
	model, err := m.New(dev, modelRNG, p)
	if err != nil {
		return r, err
	}
	tr := &models.Trainer{Model: model, Data: models.NewToySource(dev, dataRNG, ds)}
	err = tr.Run(ctx, p.Steps)
	var de *models.DivergedError
	switch {
	case errors.As(err, &de):
		r.Diverged, r.Err = true, err.Error()
	case err != nil:
		return r, err
	}
	r.Metrics = toy2d.EvaluateDataset(models.Points2(model.Sample(Samples)), ds)
	r.Elapsed = time.Since(start)
	return r, nil
}

// Run trains every method on every dataset from every seed and summarises the metrics.
func (c ModeCollapse) Run(ctx context.Context) (*Table, error) {
	if err := c.Preset.Validate(); err != nil {
		return nil, err
	}
	if len(c.Seeds) == 0 {
		return nil, errors.New("mode collapse: no seeds")
	}
	methods, datasets := c.Methods, c.Datasets
	if methods == nil {
		methods = Methods()
	}
	if datasets == nil {
		datasets = []toy2d.Dataset{toy2d.Ring8{}, toy2d.Grid25{}}
	}
	for _, ds := range datasets {
		if len(ds.Modes()) == 0 {
			return nil, fmt.Errorf("mode collapse: dataset %s has no modes", ds.Name())
		}
	}
	start := time.Now()
	type job struct{ i, j, k int }
	var jobs []job
	for i := range methods {
		for j := range datasets {
			for k := range c.Seeds {
				jobs = append(jobs, job{i, j, k})
			}
		}
	}
	runs := make([]Run, len(jobs))
	errs := make([]error, len(jobs))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	for range max(1, c.Workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range next {
				jb := jobs[n]
				runs[n], errs[n] = RunOne(ctx, methods[jb.i], datasets[jb.j], c.Preset, c.Seeds[jb.k])
				if errs[n] != nil {
					cancel()
					continue
				}
				if c.Progress != nil {
					mu.Lock()
					c.Progress(runs[n])
					mu.Unlock()
				}
			}
		}()
	}
	for n := range jobs {
		if ctx.Err() != nil {
			break
		}
		next <- n
	}
	close(next)
	wg.Wait()
	for n, err := range errs {
		if err != nil {
			jb := jobs[n]
			return nil, fmt.Errorf("mode collapse: %s on %s, seed %d: %w", methods[jb.i].Name, datasets[jb.j].Name(), c.Seeds[jb.k], err)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t := &Table{Preset: c.Preset, Seeds: c.Seeds, Runs: runs, Elapsed: time.Since(start)}
	for _, m := range methods {
		t.Methods = append(t.Methods, m.Name)
	}
	for _, ds := range datasets {
		t.Datasets = append(t.Datasets, ds.Name())
	}
	t.Cells = make([][]Cell, len(methods))
	for i := range methods {
		t.Cells[i] = make([]Cell, len(datasets))
		for j, ds := range datasets {
			var modes, hq, rkl []float64
			cell := Cell{NumModes: len(ds.Modes())}
			for n, jb := range jobs {
				if jb.i != i || jb.j != j {
					continue
				}
				r := runs[n]
				modes = append(modes, float64(r.Metrics.ModesCaptured))
				hq = append(hq, 100*r.Metrics.HighQuality)
				rkl = append(rkl, r.Metrics.ReverseKL)
				if r.Diverged {
					cell.Diverged++
				}
			}
			cell.Modes, cell.HighQuality, cell.ReverseKL = Summarize(modes), Summarize(hq), Summarize(rkl)
			t.Cells[i][j] = cell
		}
	}
	return t, nil
}
