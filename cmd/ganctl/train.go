package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/models"
)

// trainFlags are the flags of ganctl train. Model settings left unset keep the model's
// DefaultX values.
type trainFlags struct {
	model, data, csv           string
	steps, every, w1N          int
	seed                       uint64
	lrD, lrG, clip, lambda     float64
	batch, width, depth, noise int
	nCritic                    int
	warmup                     bool
	set                        map[string]bool
}

// runTrain implements ganctl train.
func runTrain(args []string, stdout io.Writer) error {
	var f trainFlags
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.StringVar(&f.model, "model", "gan", "model: gan (non-saturating), gan-minimax, lsgan, wgan, wgan-gp, cgan")
	fs.StringVar(&f.data, "data", "ring", "data: "+dataNames)
	fs.IntVar(&f.steps, "steps", 1000, "G steps to train")
	fs.Uint64Var(&f.seed, "seed", 1, "random seed")
	fs.IntVar(&f.every, "every", 100, "print a line of metrics every `K` steps")
	fs.StringVar(&f.csv, "csv", "", "also write the metrics to this CSV `file`")
	fs.IntVar(&f.w1N, "w1-samples", 256, "samples of the exact W_1 between data and model")
	fs.Float64Var(&f.lrD, "lr-d", 0, "learning rate of D or the critic (default: the model's)")
	fs.Float64Var(&f.lrG, "lr-g", 0, "learning rate of G (default: the model's)")
	fs.IntVar(&f.batch, "batch", 0, "batch size (default: the model's)")
	fs.IntVar(&f.width, "width", 0, "hidden units per layer of G and D (default 128)")
	fs.IntVar(&f.depth, "depth", 0, "hidden layers of G and D (default 2)")
	fs.IntVar(&f.noise, "noise-dim", 0, "dimension of the noise z (default 2)")
	fs.IntVar(&f.nCritic, "n-critic", 0, "D or critic steps per G step (k, n_critic; default: the model's)")
	fs.Float64Var(&f.clip, "clip", 0, "wgan: weight-clipping bound c (default 0.01)")
	fs.Float64Var(&f.lambda, "lambda", 0, "wgan-gp: gradient-penalty weight λ (default 10)")
	backend := backendFlag(fs)
	fs.BoolVar(&f.warmup, "warmup", false, "wgan: the reference's 100 critic steps for the first 25 G steps and every 500th")
	if err := parse(fs, args, stdout); err != nil {
		return helpOK(err)
	}
	f.set = setFlags(fs)
	if f.steps < 1 || f.every < 0 || f.w1N < 1 {
		return usagef("train: --steps %d and --w1-samples %d must be ≥ 1, --every %d ≥ 0", f.steps, f.w1N, f.every)
	}
	ds, err := loadData(f.data)
	if err != nil {
		return err
	}
	be, closeBackend, err := openBackend(*backend, stdout)
	if err != nil {
		return err
	}
	defer closeBackend()
	dev := engine.NewDevice(be)
	modelRNG, dataRNG, measureRNG := models.Streams(f.seed)
	m, cfg, err := buildModel(dev, modelRNG, f, ds)
	if err != nil {
		return err
	}
	var out *csvOut
	if f.csv != "" {
		if out, err = createCSV(f.csv); err != nil {
			return err
		}
		defer out.close()
	}
	tr := &models.Trainer{Model: m, Data: models.NewToySource(dev, dataRNG, ds), Every: f.every,
		Meters: []models.Meter{models.DistanceMeter{Data: models.NewToySource(dev, measureRNG, ds), N: f.w1N}}}
	if modes := ds.Modes(); len(modes) > 0 {
		tr.Meters = append(tr.Meters, models.ModeMeter{Modes: modes, N: 2500})
	}
	fmt.Fprintf(stdout, "train %s on %s, seed %d, %d steps\nconfig %+v\n", m.Name(), ds.Name(), f.seed, f.steps, cfg)
	tr.OnRecord = func(r models.Record) error {
		fmt.Fprintln(stdout, formatRecord(r))
		if out != nil {
			return out.write(r)
		}
		return nil
	}
	start := time.Now()
	if err := tr.Run(context.Background(), f.steps); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "done: %d steps in %s\n", tr.Steps(), time.Since(start).Round(time.Millisecond))
	if out != nil {
		return out.close()
	}
	return nil
}

// helpOK turns the -h pseudo-error into success.
func helpOK(err error) error {
	if err == errHelp {
		return nil
	}
	return err
}

// formatRecord prints "step N name=value ...".
func formatRecord(r models.Record) string {
	var b strings.Builder
	fmt.Fprintf(&b, "step %6d", r.Step)
	for _, v := range append(append([]models.Value(nil), r.Losses...), r.Metrics...) {
		fmt.Fprintf(&b, "  %s=%.4g", v.Name, v.V)
	}
	return b.String()
}
