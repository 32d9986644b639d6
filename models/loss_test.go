package models

import (
	"math"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
)

// TestObjectiveLosses checks each objective's D and G losses on the raw outputs
// D(x) = [0.5, -1] and D(x̃) = [2, 0] against values computed by hand from the definitions
// (σ(a) = 1/(1 + e^-a)):
//
//	GAN D:     -(½[log σ(0.5) + log σ(-1)] + ½[log(1 - σ(2)) + log(1 - σ(0))]) = 2.3037069
//	minimax G: ½[log(1 - σ(2)) + log(1 - σ(0))] = -1.4100376
//	NS G:      -½[log σ(2) + log σ(0)] = 0.4100376
//	LSGAN D:   ½·½[(0.5 - 1)² + (-1 - 1)²] + ½·½[2² + 0²] = 2.0625
//	LSGAN G:   ½·½[(2 - 1)² + (0 - 1)²] = 0.5
//	WGAN D:    ½(2 + 0) - ½(0.5 - 1) = 1.25,  WGAN G: -½(2 + 0) = -1
func TestObjectiveLosses(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	dReal := dev.FromSlice([]float32{0.5, -1}, 2, 1)
	dFake := dev.FromSlice([]float32{2, 0}, 2, 1)
	for _, c := range []struct {
		o    Objective
		d, g float64
	}{
		{Minimax, 2.303706931650624, -1.410037595801459},
		{NonSaturating, 2.303706931650624, 0.4100375958014589},
		{LeastSquares, 2.0625, 0.5},
		{Wasserstein, 1.25, -1},
		{WassersteinGP, 1.25, -1},
	} {
		if got := float64(c.o.DLoss(dReal, dFake).Item()); math.Abs(got-c.d) > 1e-6 {
			t.Errorf("%v.DLoss = %.7f; want %.7f", c.o, got, c.d)
		}
		if got := float64(c.o.GLoss(dFake).Item()); math.Abs(got-c.g) > 1e-6 {
			t.Errorf("%v.GLoss = %.7f; want %.7f", c.o, got, c.g)
		}
	}
}

// TestObjectiveNames checks the names and validity of the objectives.
func TestObjectiveNames(t *testing.T) {
	want := map[Objective]string{Minimax: "minimax", NonSaturating: "non-saturating",
		LeastSquares: "least-squares", Wasserstein: "wasserstein", WassersteinGP: "wasserstein-gp"}
	for o, name := range want {
		if o.String() != name || !o.Valid() {
			t.Errorf("Objective %d: String = %q, Valid = %v; want %q, true", int(o), o.String(), o.Valid(), name)
		}
	}
	for _, o := range []Objective{0, WassersteinGP + 1} {
		if o.Valid() {
			t.Errorf("Objective(%d).Valid() = true; want false", int(o))
		}
	}
}
