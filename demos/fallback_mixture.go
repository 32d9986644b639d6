package demos

import (
	"context"
	"fmt"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/engine/optim"
	"github.com/ganplay/ganplay/models"
)

// weightSnap is a host copy of a model at a step: its weights (nn.State of G, then of D) and
// the state of its optimizers (their Slots and Steps, G's then D's; none for a model that is
// not models.Optimized).
type weightSnap struct {
	step    int
	weights [][]float32
	opts    []optSnap
}

// optSnap is the state of one optimizer.
type optSnap struct {
	steps int
	slots [][]float32
}

// state lists the tensors that a snapshot holds: G's state, then D's.
func (m *Mixture) state() []nn.Param {
	return append(nn.State(m.nets.Generator()), nn.State(m.nets.Discriminator())...)
}

// optimizers returns the model's optimizers, or none.
func optimizers(model models.Model) []optim.Optimizer {
	if o, ok := model.(models.Optimized); ok {
		return o.Optimizers()
	}
	return nil
}

// snapshot reads the weights of G and D and the state of their optimizers, all in one round
// trip (engine.ReadAll). It returns the read's error (a lost device) rather than panicking.
func (m *Mixture) snapshot() (*weightSnap, error) {
	var ts []*engine.Tensor
	for _, p := range m.state() {
		ts = append(ts, p.T)
	}
	nw := len(ts)
	opts := optimizers(m.model)
	slots := make([]int, len(opts)) // how many tensors each optimizer adds
	for i, o := range opts {
		sl := o.Slots()
		ts, slots[i] = append(ts, sl...), len(sl)
	}
	data, err := engine.ReadAll(context.Background(), ts...)
	if err != nil {
		return nil, fmt.Errorf("mixture: snapshot: %w", err)
	}
	s := &weightSnap{step: m.tr.Steps(), weights: data[:nw]}
	rest := data[nw:]
	for i, o := range opts {
		s.opts = append(s.opts, optSnap{steps: o.Steps(), slots: rest[:slots[i]]})
		rest = rest[slots[i]:]
	}
	return s, nil
}

// moveTo rebuilds the model on be with the weights and optimizer state of snap and goes on
// training from its step: the step count and the records resume there
// (models.Trainer.Resume), and the optimizers keep their moments and step counts. The noise
// and data streams are new ones drawn from the seed and the step, so the run is
// reproducible but not the one the lost device would have made.
func (m *Mixture) moveTo(be engine.Backend, snap *weightSnap) error {
	dev := engine.NewDevice(be)
	modelRNG, dataRNG, measureRNG := models.Streams(m.s.Seed ^ (uint64(snap.step)+1)*0x9e3779b97f4a7c15)
	model, err := NewModel(dev, modelRNG, m.s)
	if err != nil {
		return fmt.Errorf("mixture: %w", err)
	}
	nets := model.(gameNets)
	ps := append(nn.State(nets.Generator()), nn.State(nets.Discriminator())...)
	if len(ps) != len(snap.weights) {
		return fmt.Errorf("mixture: the snapshot holds %d tensors; the model has %d", len(snap.weights), len(ps))
	}
	for i, p := range ps {
		if p.T.Len() != len(snap.weights[i]) {
			return fmt.Errorf("mixture: snapshot of %s has %d values; want %d", p.Name, len(snap.weights[i]), p.T.Len())
		}
	}
	opts := optimizers(model)
	if len(opts) != len(snap.opts) {
		return fmt.Errorf("mixture: the snapshot holds %d optimizers; the model has %d", len(snap.opts), len(opts))
	}
	for i, p := range ps {
		p.T.SetData(snap.weights[i])
	}
	for i, o := range opts {
		if err := optim.Restore(o, snap.opts[i].steps, snap.opts[i].slots); err != nil {
			return fmt.Errorf("mixture: %w", err)
		}
	}
	m.be, m.dev, m.model, m.nets = be, dev, model, nets
	meters := []models.Meter{models.DistanceMeter{Data: models.NewToySource(dev, measureRNG, m.ds), N: MeasureN}}
	if modes := m.ds.Modes(); len(modes) > 0 {
		meters = append(meters, models.ModeMeter{Modes: modes, N: ModeN})
	}
	// The schedule of D and G updates goes on with the new model and its counts.
	ph, ok := model.(models.Phased)
	if !ok {
		return fmt.Errorf("mixture: %s cannot step D and G one at a time", model.Name())
	}
	m.sched = &schedule{Phased: ph, kG: m.s.KG, dSteps: m.sched.dSteps, gSteps: m.sched.gSteps}
	m.tr.Model, m.tr.Data, m.tr.Meters = m.sched, models.NewToySource(dev, dataRNG, m.ds), meters
	m.tr.Resume(snap.step)
	m.err = nil
	m.stale = true
	m.refresh()
	return nil
}
