// Package enginetest is the conformance suite that every engine.Backend runs, in the style of
// gonum's testblas: one table of ops, shapes and tolerances, checked forward and backward.
//
// A backend's test file calls TestBackend once:
//
//	func TestConformance(t *testing.T) { enginetest.TestBackend(t, cpu.New()) }
//
// Every case runs an engine op on the backend and compares the result with a naive float64
// reference written with plain loops in this package (reference*.go); the engine is never used
// to compute a reference. Gradients are compared with central finite differences of that
// reference (check.go, finitediff.go), and the ops that a gradient penalty differentiates
// twice, and every small case, also get a Hessian-vector check. Gradients at kinks, which
// finite differences cannot see, are checked against hand-written values (kinks.go).
// Tolerances are stated once, in tolerance.go.
//
// The suite does no file I/O and starts no goroutines, its random draws come from fixed seeds,
// and its shapes are small, so that it also runs on slow software GPUs and from WebAssembly.
package enginetest
