package enginetest

import (
	"testing"

	"github.com/ganplay/ganplay/engine"
)

// TestBackend runs the whole conformance suite on b, one subtest per family of ops and one
// per case: tensor plumbing, autograd behaviour, elementwise unary and binary ops, reductions,
// matrix products, movement ops, the convolution family, channel standardization (the fused
// norm of backends that implement engine.Standardizer, the composition otherwise) and the
// fused optimizer updates. Each op case checks the forward
// result, first-order gradients and, for the ops a gradient penalty goes through, a
// Hessian-vector product, all against float64 references (see the package documentation).
func TestBackend(t *testing.T, b engine.Backend) {
	dev := engine.NewDevice(b)
	t.Run("Tensor", func(t *testing.T) { testTensor(t, dev) })
	t.Run("Autograd", func(t *testing.T) { testAutograd(t, dev) })
	t.Run("OptimStep", func(t *testing.T) { testOptim(t, dev) })
	for _, f := range []struct {
		name  string
		cases func() []opCase
	}{
		{"Unary", unaryCases},
		{"Binary", binaryCases},
		{"Reduce", reduceCases},
		{"MatMul", matmulCases},
		{"Movement", movementCases},
		{"Im2Col", im2colCases},
		{"Conv2d", convCases},
		{"Conv2dConstWeights", convConstCases},
		{"ConvTranspose2d", convTransposeCases},
		{"Pool", poolCases},
		{"Standardize", standardizeCases},
	} {
		t.Run(f.name, func(t *testing.T) { runCases(t, dev, f.cases()) })
	}
}
