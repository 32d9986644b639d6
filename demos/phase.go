package demos

import (
	"fmt"
	"math"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/models"
)

// Phase says which network a step updates: both (one iteration: k_D D updates, then k_G G
// updates), D alone or G alone.
type Phase int

// The phases of the step buttons.
const (
	PhaseBoth Phase = iota
	PhaseD
	PhaseG
)

var phaseNames = []string{"both", "D", "G"}

// String returns "both", "D" or "G".
func (p Phase) String() string {
	if p >= 0 && int(p) < len(phaseNames) {
		return phaseNames[p]
	}
	return fmt.Sprintf("Phase(%d)", int(p))
}

// ParsePhase reads "both" (or ""), "D"/"d" or "G"/"g".
func ParsePhase(s string) (Phase, error) {
	switch s {
	case "", "both", "Both", "BOTH":
		return PhaseBoth, nil
	case "D", "d":
		return PhaseD, nil
	case "G", "g":
		return PhaseG, nil
	}
	return PhaseBoth, fmt.Errorf("unknown step phase %q (want both, D or G)", s)
}

// PhaseStepper is a scene whose D and G can be stepped one at a time.
type PhaseStepper interface {
	StepPhase(p Phase, n int) error
}

// schedule is the model that the Mixture scene's Trainer runs: one iteration is k_D updates
// of D (CriticSteps: the URL's k, or the model's default) and then k_G updates of G. It
// counts the updates of each network and keeps the loss of the last one, which the step
// D / step G buttons move without a whole iteration. With k_G = 1 an iteration is the
// model's own Step, bit for bit.
type schedule struct {
	models.Phased
	kG             int
	dSteps, gSteps int
	lastD, lastG   *engine.Tensor
}

// Step runs one iteration and returns the losses in the order of the model's Step: D, G
// (the last G update's) and, for WGAN-GP, GP.
func (s *schedule) Step(src models.Source) ([]models.Loss, error) {
	var d []models.Loss
	for range s.CriticSteps() {
		var err error
		if d, err = s.stepD(src); err != nil {
			return nil, err
		}
	}
	var g []models.Loss
	for range max(s.kG, 1) {
		g = s.stepG()
	}
	out := append([]models.Loss{d[0]}, g...)
	return append(out, d[1:]...), nil
}

// Estimate passes the model's live distance estimate (js_est or w_est) to the meters.
func (s *schedule) Estimate(real models.Batch) []models.Value {
	if e, ok := s.Phased.(models.Estimator); ok {
		return e.Estimate(real)
	}
	return nil
}

func (s *schedule) stepD(src models.Source) ([]models.Loss, error) {
	d, err := s.StepD(src)
	if err != nil {
		return nil, err
	}
	s.dSteps++
	s.lastD = d[0].T
	return d, nil
}

func (s *schedule) stepG() []models.Loss {
	g := s.StepG()
	s.gSteps++
	s.lastG = g[0].T
	return g
}

// StepPhase runs n steps of phase p: n iterations through the Trainer (PhaseBoth, which
// records losses and metrics), or n updates of D or of G alone, outside the Trainer's
// count of iterations ("step" stays, steps_D or steps_G moves). A non-finite loss stops the
// scene as a diverged run does.
func (m *Mixture) StepPhase(p Phase, n int) error {
	if p == PhaseBoth {
		return m.Step(n)
	}
	for range n {
		if m.err != nil {
			break
		}
		var l *engine.Tensor
		if p == PhaseD {
			if _, err := m.sched.stepD(m.tr.Data); err != nil {
				m.err = err
				break
			}
			l = m.sched.lastD
		} else {
			m.sched.stepG()
			l = m.sched.lastG
		}
		if v := float64(l.Item()); math.IsNaN(v) || math.IsInf(v, 0) {
			m.err = &models.DivergedError{Model: m.model.Name(), Step: m.tr.Steps(), Loss: p.String(), Value: v}
		}
	}
	m.stale = true
	m.refresh()
	return m.err
}

// step runs n steps of phase p in the scene: D or G alone where the scene can
// (PhaseStepper), whole steps otherwise.
func (a *App) step(p Phase, n int) {
	if a.scene == nil {
		return
	}
	var err error
	if ps, ok := a.scene.(PhaseStepper); ok {
		err = ps.StepPhase(p, n)
	} else {
		err = a.scene.Step(n)
	}
	if err != nil {
		a.err = err
	}
}
