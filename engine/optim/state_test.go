package optim_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/engine/optim"
)

// TestRestoreContinuesTheRun trains w with each optimizer for three steps, copies its state
// (Slots and Steps) into a fresh optimizer over a copy of w, and checks that the next two
// steps of both are the same, bit for bit, while a fresh optimizer without the state goes
// elsewhere (Adam's moments and bias correction, RMSProp's squares, SGD's velocity).
func TestRestoreContinuesTheRun(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	makers := map[string]func(ps []*engine.Tensor) (optim.Optimizer, error){
		"Adam":    func(ps []*engine.Tensor) (optim.Optimizer, error) { return optim.NewAdam(ps, 0.01, 0.5, 0.999) },
		"RMSProp": func(ps []*engine.Tensor) (optim.Optimizer, error) { return optim.NewRMSProp(ps, 0.01) },
		"SGD":     func(ps []*engine.Tensor) (optim.Optimizer, error) { return optim.NewSGD(ps, 0.01, 0.9) },
	}
	for name, mk := range makers {
		t.Run(name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(5, 6))
			target := dev.Randn(rng, 0, 1, 4, 3)
			step := func(o optim.Optimizer, w *engine.Tensor) {
				o.ZeroGrad()
				w.Sub(target).Square().Sum().Backward()
				o.Step()
			}
			w := dev.Randn(rng, 0, 1, 4, 3).RequiresGrad()
			o, err := mk([]*engine.Tensor{w})
			if err != nil {
				t.Fatal(err)
			}
			for range 3 {
				step(o, w)
			}
			if o.Steps() != 3 {
				t.Errorf("Steps() = %d after three steps", o.Steps())
			}
			var slots [][]float32
			for _, s := range o.Slots() {
				slots = append(slots, s.Data())
			}
			resumed := dev.FromSlice(w.Data(), 4, 3).RequiresGrad()
			o2, _ := mk([]*engine.Tensor{resumed})
			if err := optim.Restore(o2, o.Steps(), slots); err != nil {
				t.Fatal(err)
			}
			fresh := dev.FromSlice(w.Data(), 4, 3).RequiresGrad()
			o3, _ := mk([]*engine.Tensor{fresh})
			for range 2 {
				step(o, w)
				step(o2, resumed)
				step(o3, fresh)
			}
			if !slices.Equal(w.Data(), resumed.Data()) {
				t.Errorf("the restored optimizer went elsewhere: %v, want %v", resumed.Data(), w.Data())
			}
			if slices.Equal(w.Data(), fresh.Data()) {
				t.Error("a fresh optimizer made the same steps: the state made no difference to check")
			}
		})
	}
}

// TestRestoreRejectsMismatches checks the errors of a state with the wrong number or size of
// tensors, or a negative count, and that the optimizer is left as it was.
func TestRestoreRejectsMismatches(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	w := dev.Zeros(2, 2).RequiresGrad()
	o, err := optim.NewAdam([]*engine.Tensor{w}, 0.01, 0.5, 0.999)
	if err != nil {
		t.Fatal(err)
	}
	good := [][]float32{{1, 2, 3, 4}, {5, 6, 7, 8}}
	for _, c := range []struct {
		steps int
		slots [][]float32
		want  string
	}{
		{1, good[:1], "state of 1 tensors for an optimizer with 2"},
		{1, [][]float32{{1, 2, 3}, {5, 6, 7, 8}}, "tensor 0 has 3 values; want 4"},
		{-1, good, "step count -1"},
	} {
		err := optim.Restore(o, c.steps, c.slots)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Restore(%d, %v) = %v; want an error with %q", c.steps, c.slots, err, c.want)
		}
	}
	if o.Steps() != 0 || slices.ContainsFunc(o.Slots(), func(s *engine.Tensor) bool {
		return slices.ContainsFunc(s.Data(), func(v float32) bool { return v != 0 })
	}) {
		t.Error("a rejected state changed the optimizer")
	}
	if err := optim.Restore(o, 7, good); err != nil || o.Steps() != 7 || !slices.Equal(o.Slots()[1].Data(), good[1]) {
		t.Errorf("Restore of a matching state: err %v, steps %d, v %v", err, o.Steps(), o.Slots()[1].Data())
	}
}
