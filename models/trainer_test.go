package models

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/models/toy2d"
)

// scripted is a Model whose losses follow a script, for testing the Trainer alone.
type scripted struct {
	dev   *engine.Device
	d, g  []float64
	steps int
}

func (s *scripted) Name() string { return "scripted" }

func (s *scripted) Step(Source) ([]Loss, error) {
	i := s.steps
	s.steps++
	return []Loss{{Name: "D", T: s.dev.Scalar(float32(s.d[i]))}, {Name: "G", T: s.dev.Scalar(float32(s.g[i]))}}, nil
}

func (s *scripted) Sample(n int) *engine.Tensor { return s.dev.Zeros(n, 2) }

// TestTrainerStopsOnNaN checks that the Trainer stops at the first non-finite loss with an
// error naming the model, the step and the loss.
func TestTrainerStopsOnNaN(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	nan, inf := math.NaN(), math.Inf(1)
	for _, c := range []struct {
		d, g []float64
		want string
		step int
	}{
		{[]float64{1, 1, nan, 1}, []float64{1, 1, 1, 1}, "scripted: diverged at step 3: D loss is NaN", 3},
		{[]float64{1, 1, 1, 1}, []float64{1, inf, nan, 1}, "scripted: diverged at step 2: G loss is +Inf", 2},
	} {
		m := &scripted{dev: dev, d: c.d, g: c.g}
		tr := &Trainer{Model: m, Every: 1}
		err := tr.Run(context.Background(), len(c.d))
		var de *DivergedError
		if !errors.As(err, &de) || err.Error() != c.want {
			t.Errorf("Run error = %v; want %q", err, c.want)
			continue
		}
		if de.Step != c.step || m.steps != c.step || tr.Steps() != c.step {
			t.Errorf("stopped at step %d (model ran %d, trainer counted %d); want %d", de.Step, m.steps, tr.Steps(), c.step)
		}
	}
}

// TestTrainerStopsOnNaNWeights poisons one weight of a real GAN's D: its loss is NaN at the
// first step and the Trainer says so.
func TestTrainerStopsOnNaNWeights(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	cfg := DefaultGAN()
	cfg.Net.Width, cfg.Batch = 8, 16
	m, err := NewGAN(dev, rand.New(rand.NewPCG(1, 1)), cfg)
	if err != nil {
		t.Fatal(err)
	}
	w := m.D.Params()[0].T
	v := w.Data()
	v[0] = float32(math.NaN())
	w.SetData(v)
	tr := &Trainer{Model: m, Data: NewToySource(dev, rand.New(rand.NewPCG(1, 2)), toy2d.Ring8{})}
	err = tr.Run(context.Background(), 10)
	if want := "gan: diverged at step 1: D loss is NaN"; err == nil || err.Error() != want {
		t.Errorf("Run error = %v; want %q", err, want)
	}
}

// TestTrainerRecords checks the interval, the mean losses and the callback.
func TestTrainerRecords(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	m := &scripted{dev: dev, d: []float64{1, 3, 5, 7, 9, 11}, g: []float64{0, 0, 0, 0, 2, 2}}
	var seen []int
	tr := &Trainer{Model: m, Every: 2, OnRecord: func(r Record) error { seen = append(seen, r.Step); return nil }}
	if err := tr.Run(context.Background(), 6); err != nil {
		t.Fatal(err)
	}
	want := []Record{
		{Step: 2, Losses: []Value{{"D", 2}, {"G", 0}}},
		{Step: 4, Losses: []Value{{"D", 6}, {"G", 0}}},
		{Step: 6, Losses: []Value{{"D", 10}, {"G", 2}}},
	}
	if !reflect.DeepEqual(tr.History, want) {
		t.Errorf("History = %v; want %v", tr.History, want)
	}
	if !reflect.DeepEqual(seen, []int{2, 4, 6}) {
		t.Errorf("OnRecord saw steps %v; want [2 4 6]", seen)
	}
	stop := errors.New("stop")
	tr = &Trainer{Model: &scripted{dev: dev, d: make([]float64, 6), g: make([]float64, 6)}, Every: 2,
		OnRecord: func(Record) error { return stop }}
	if err := tr.Run(context.Background(), 6); !errors.Is(err, stop) || tr.Steps() != 2 {
		t.Errorf("Run with a failing callback: error %v after %d steps; want %v after 2", err, tr.Steps(), stop)
	}
}

// tinyModels builds each model with small networks, for fast tests.
func tinyModels(t *testing.T, dev *engine.Device, seed uint64) []Model {
	t.Helper()
	rng := func() *rand.Rand { return rand.New(rand.NewPCG(seed, 7)) }
	net := Net{NoiseDim: 2, Width: 16, Depth: 2, DataDim: 2}
	g := DefaultGAN()
	g.Net, g.Batch = net, 32
	gm := g
	gm.Objective = Minimax
	ls := DefaultLSGAN()
	ls.Net, ls.Batch = net, 32
	w := DefaultWGAN()
	w.Net, w.Batch = net, 32
	gp := DefaultWGANGP()
	gp.Net, gp.Batch = net, 32
	cg := DefaultCGAN(8)
	cg.Net, cg.Batch = net, 32
	var ms []Model
	for _, build := range []func() (Model, error){
		func() (Model, error) { return NewGAN(dev, rng(), g) },
		func() (Model, error) { return NewGAN(dev, rng(), gm) },
		func() (Model, error) { return NewLSGAN(dev, rng(), ls) },
		func() (Model, error) { return NewWGAN(dev, rng(), w) },
		func() (Model, error) { return NewWGANGP(dev, rng(), gp) },
		func() (Model, error) { return NewCGAN(dev, rng(), cg) },
	} {
		m, err := build()
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	return ms
}

// TestDeterminism trains every model twice from one seed, once with meters measuring every
// step, and once from another seed: the same seed must give the same losses and weights bit
// for bit (measuring draws from separate streams, so it changes nothing), another seed
// different ones.
func TestDeterminism(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	type run struct {
		losses  []Record
		weights []float32
	}
	train := func(m Model, seed uint64, measure bool) run {
		tr := &Trainer{Model: m, Data: NewToySource(dev, rand.New(rand.NewPCG(seed, 8)), toy2d.Ring8{}), Every: 1}
		if measure {
			tr.Meters = []Meter{
				DistanceMeter{Data: NewToySource(dev, rand.New(rand.NewPCG(seed, 9)), toy2d.Ring8{}), N: 16},
				ModeMeter{Modes: toy2d.Ring8{}.Modes(), N: 100},
			}
		}
		if err := tr.Run(context.Background(), 4); err != nil {
			t.Fatal(err)
		}
		var r run
		for _, h := range tr.History {
			r.losses = append(r.losses, Record{Step: h.Step, Losses: h.Losses})
		}
		for _, p := range m.(interface{ Generator() *nn.Sequential }).Generator().Params() {
			r.weights = append(r.weights, p.T.Data()...)
		}
		return r
	}
	a, b, c := tinyModels(t, dev, 3), tinyModels(t, dev, 3), tinyModels(t, dev, 4)
	for i := range a {
		name := a[i].Name()
		ra, rb, rc := train(a[i], 3, false), train(b[i], 3, true), train(c[i], 4, false)
		if !reflect.DeepEqual(ra, rb) {
			t.Errorf("%s: two runs with seed 3 differ:\n%v\n%v", name, ra.losses, rb.losses)
		}
		if reflect.DeepEqual(ra.weights, rc.weights) {
			t.Errorf("%s: seeds 3 and 4 gave identical weights", name)
		}
	}
}
