package models

import (
	"fmt"

	"github.com/ganplay/ganplay/models/dist"
	"github.com/ganplay/ganplay/models/toy2d"
)

// Meter measures a model during training. It must not change how the model trains: models
// draw Sample and Estimate from their own sampling stream, and a meter draws real data
// from its own Source.
type Meter interface {
	Measure(m Model) ([]Value, error)
}

// DistanceMeter measures the distance between the data and the model on N real samples
// (from Data) and N samples of the model:
//
//   - "w1": the exact W_1 of the two batches (dist.W1Exact, an assignment problem, O(N³));
//   - the model's own live estimates on the same real batch when it is an Estimator:
//     "js_est" from a GAN's D, "w_est" from a WGAN's critic.
type DistanceMeter struct {
	Data Source
	N    int
}

// Measure returns the values for m.
func (d DistanceMeter) Measure(m Model) ([]Value, error) {
	if d.N < 1 {
		return nil, fmt.Errorf("distance meter: N %d must be ≥ 1", d.N)
	}
	real := d.Data.Next(d.N)
	vs := []Value{{Name: "w1", V: dist.W1Exact(Rows(real.X), Rows(m.Sample(d.N)))}}
	if e, ok := m.(Estimator); ok {
		vs = append(vs, e.Estimate(real)...)
	}
	return vs, nil
}

// ModeMeter measures the mode coverage of N samples of the model against Modes (THEORY.md
// section 7): "modes" (modes captured), "hq" (high-quality fraction) and "rkl" (reverse KL
// of the high-quality samples' histogram over the modes against the uniform one).
type ModeMeter struct {
	Modes []toy2d.Mode
	N     int // 2,500 in VEEGAN and PacGAN
}

// Measure returns the values for m.
func (d ModeMeter) Measure(m Model) ([]Value, error) {
	if len(d.Modes) == 0 {
		return nil, fmt.Errorf("mode meter: the dataset has no modes")
	}
	if d.N < 1 {
		return nil, fmt.Errorf("mode meter: N %d must be ≥ 1", d.N)
	}
	r := toy2d.Evaluate(Points2(m.Sample(d.N)), d.Modes)
	return []Value{
		{Name: "modes", V: float64(r.ModesCaptured)},
		{Name: "hq", V: r.HighQuality},
		{Name: "rkl", V: r.ReverseKL},
	}, nil
}
