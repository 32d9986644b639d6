package enginetest

import "math"

// tolerance bounds the error of one element: a result passes when
//
//	|got - want| ≤ √K · (abs + rel·|want|),
//
// where K is the number of terms summed into that element (1 for elementwise ops, the inner
// size for a matrix product, the window size for a convolution). Rounding errors of float32
// sums grow like √K, and inputs are drawn with magnitudes of order 1.
type tolerance struct{ abs, rel float64 }

// The tolerances of the suite, stated once. References are float64, so finite differences
// add almost nothing to these bounds; what they allow for is float32 arithmetic in the
// backend.
var (
	// forwardTol bounds an op's result against the float64 reference.
	forwardTol = tolerance{abs: 1e-5, rel: 1e-5}
	// gradTol bounds a first-order gradient against central differences of the reference.
	gradTol = tolerance{abs: 2e-5, rel: 1e-4}
	// hvpTol bounds a second-order (Hessian-vector) quantity against nested central
	// differences of the reference.
	hvpTol = tolerance{abs: 1e-4, rel: 1e-3}
)

// Finite-difference steps, applied to float64 inputs of the reference.
const (
	// gradStep is h in (L(x + h·e_i) - L(x - h·e_i)) / 2h.
	gradStep = 1e-4
	// hvpStep is both steps of the nested difference that estimates a Hessian-vector product.
	hvpStep = 1e-3
)

// ok reports whether got is within tol of want for an element that sums terms terms. NaN
// never passes.
func (tol tolerance) ok(got, want float64, terms int) bool {
	if got == want { // equal infinities
		return true
	}
	return math.Abs(got-want) <= math.Sqrt(float64(max(terms, 1)))*(tol.abs+tol.rel*math.Abs(want))
}
