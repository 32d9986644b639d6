package nn_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/engine/nn"
)

// TestKeepStats checks that a forward pass inside KeepStats normalises with the batch's
// statistics, exactly like an ordinary training-mode pass, but leaves the running statistics
// untouched, and that the BatchNorm moves them again afterwards.
func TestKeepStats(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	rng := rand.New(rand.NewPCG(3, 4))
	bn := nn.NewBatchNorm(dev, 3)
	m := nn.NewSequential(nn.NewSequential(bn), nn.ReLU{})
	x := dev.Randn(rng, 2, 1.5, 4, 3, 5, 5)
	mean0, var0 := bn.RunningMean.Data(), bn.RunningVar.Data()

	var kept *engine.Tensor
	nn.KeepStats(m, func() { kept = m.Forward(x) })
	if got := bn.RunningMean.Data(); !slices.Equal(got, mean0) {
		t.Errorf("running mean moved inside KeepStats: %v, was %v", got, mean0)
	}
	if got := bn.RunningVar.Data(); !slices.Equal(got, var0) {
		t.Errorf("running variance moved inside KeepStats: %v, was %v", got, var0)
	}
	if bn.Frozen {
		t.Error("BatchNorm still frozen after KeepStats")
	}

	plain := m.Forward(x) // batch statistics, and the running ones move
	if !slices.Equal(kept.Data(), plain.Data()) {
		t.Error("the output inside KeepStats differs from a training-mode pass")
	}
	if slices.Equal(bn.RunningMean.Data(), mean0) {
		t.Error("running mean did not move after KeepStats returned")
	}
}
