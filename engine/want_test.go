package engine_test

import (
	"math/rand/v2"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
)

// countingBackend counts matrix products.
type countingBackend struct {
	engine.Backend
	matmuls int
}

func (c *countingBackend) MatMul(dst, a, b engine.Buffer, g engine.MatMulGeom) {
	c.matmuls++
	c.Backend.MatMul(dst, a, b, g)
}

// TestGradSkipsUnwantedInputs checks that Grad with respect to some parameters does not
// compute the gradients of the others (a GAN's G step must not pay for D's weight
// gradients), while Backward still computes them all, and that the wanted gradient is the
// same either way.
func TestGradSkipsUnwantedInputs(t *testing.T) {
	cb := &countingBackend{Backend: cpu.New()}
	dev := engine.NewDevice(cb)
	rng := rand.New(rand.NewPCG(1, 2))
	a := dev.Randn(rng, 0, 1, 3, 4).RequiresGrad()
	b := dev.Randn(rng, 0, 1, 4, 5).RequiresGrad()
	loss := a.MatMul(b).Tanh().Sum()

	cb.matmuls = 0
	ga := engine.Grad([]*engine.Tensor{loss}, []*engine.Tensor{a}, engine.GradOptions{})[0]
	if cb.matmuls != 1 {
		t.Errorf("Grad with respect to a ran %d matrix products; want 1 (none for b's gradient)", cb.matmuls)
	}
	cb.matmuls = 0
	loss.Backward()
	if cb.matmuls != 2 {
		t.Errorf("Backward ran %d matrix products; want 2", cb.matmuls)
	}
	got, want := ga.Data(), a.Grad.Data()
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("gradient %d = %v from Grad, %v from Backward", i, got[i], want[i])
		}
	}
}
