package models

import (
	"context"
	"errors"
	"fmt"
	"math"
)

// Trainer is the one training loop. It calls Model.Step with its data source, counts
// steps, checks every loss for NaN and ±Inf, and every Every steps records the mean losses
// since the last record and the values of its Meters. Demos call Step once per tick; tools
// and tests call Run.
type Trainer struct {
	Model Model
	Data  Source
	// Every is the interval in steps between records; 0 records nothing.
	Every int
	// Meters are measured at every record, in order.
	Meters []Meter
	// OnRecord, if set, is called with each record (progress output, drawing); an error it
	// returns stops training and is returned.
	OnRecord func(Record) error
	// History holds the records so far.
	History []Record

	step  int
	names []string  // loss names, in the order of the first step
	sums  []float64 // loss sums since the last record
	count int       // steps since the last record
}

// Record is what the Trainer collects every Every steps.
type Record struct {
	Step    int
	Losses  []Value // mean of each loss over the steps since the last record
	Metrics []Value // the Meters' values, in order
}

// DivergedError reports that a loss became NaN or ±Inf.
type DivergedError struct {
	Model string
	Step  int // 1-based step at which the loss was first not finite
	Loss  string
	Value float64
}

func (e *DivergedError) Error() string {
	return fmt.Sprintf("%s: diverged at step %d: %s loss is %v", e.Model, e.Step, e.Loss, e.Value)
}

// Steps returns the number of steps done.
func (t *Trainer) Steps() int { return t.step }

// Step runs one step of the model. It returns a *DivergedError when a loss is not finite,
// and the error of the model, a meter or OnRecord otherwise.
func (t *Trainer) Step() error {
	if t.Model == nil {
		return errors.New("models: trainer has no model")
	}
	losses, err := t.Model.Step(t.Data)
	t.step++
	if err != nil {
		return fmt.Errorf("step %d: %w", t.step, err)
	}
	if t.names == nil {
		for _, l := range losses {
			t.names = append(t.names, l.Name)
		}
		t.sums = make([]float64, len(losses))
	}
	if len(losses) != len(t.names) {
		return fmt.Errorf("%s: step %d returned %d losses, the first step %d", t.Model.Name(), t.step, len(losses), len(t.names))
	}
	for i, l := range losses {
		v := float64(l.T.Item())
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return &DivergedError{Model: t.Model.Name(), Step: t.step, Loss: l.Name, Value: v}
		}
		t.sums[i] += v
	}
	t.count++
	if t.Every > 0 && t.step%t.Every == 0 {
		return t.record()
	}
	return nil
}

// Run runs steps steps, stopping early on the first error or when ctx is done.
func (t *Trainer) Run(ctx context.Context, steps int) error {
	for range steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := t.Step(); err != nil {
			return err
		}
	}
	return nil
}

// Measure returns the Meters' values for the model as it is now.
func (t *Trainer) Measure() ([]Value, error) {
	var vs []Value
	for _, m := range t.Meters {
		mv, err := m.Measure(t.Model)
		if err != nil {
			return nil, fmt.Errorf("%s: step %d: %w", t.Model.Name(), t.step, err)
		}
		vs = append(vs, mv...)
	}
	return vs, nil
}

// record appends a Record to History and calls OnRecord.
func (t *Trainer) record() error {
	r := Record{Step: t.step, Losses: make([]Value, len(t.names))}
	for i, n := range t.names {
		r.Losses[i] = Value{Name: n, V: t.sums[i] / float64(t.count)}
		t.sums[i] = 0
	}
	t.count = 0
	var err error
	if r.Metrics, err = t.Measure(); err != nil {
		return err
	}
	t.History = append(t.History, r)
	if t.OnRecord != nil {
		return t.OnRecord(r)
	}
	return nil
}
