package enginetest

import (
	"context"
	"runtime/debug"
	"slices"
	"testing"

	"github.com/ganplay/ganplay/engine"
)

// maxReports is the most mismatching elements reported per compared tensor.
const maxReports = 5

// compare reports an error for every element of got (at the positions only, or all when only
// is nil) that is not within tol of want, and for a shape mismatch. It returns whether the
// shapes matched.
func compare(t *testing.T, what string, got *engine.Tensor, want *array, only []int, tol tolerance, terms int) bool {
	t.Helper()
	if got == nil {
		t.Errorf("%s = nil; want a tensor of shape %v", what, want.shape)
		return false
	}
	if !slices.Equal(got.Shape(), want.shape) {
		t.Errorf("%s has shape %v; want %v", what, got.Shape(), want.shape)
		return false
	}
	data := read(t, got)
	if only == nil {
		only = make([]int, len(data))
		for i := range only {
			only[i] = i
		}
	}
	bad := 0
	for _, i := range only {
		if tol.ok(float64(data[i]), want.data[i], terms) {
			continue
		}
		bad++
		if bad <= maxReports {
			t.Errorf("%s%v = %.7g; want %.7g", what, unravel(want.shape, i), data[i], want.data[i])
		}
	}
	if bad > maxReports {
		t.Errorf("%s: %d of %d checked elements differ", what, bad, len(only))
	}
	return true
}

// read copies x back from the backend and fails the test if the backend reports an error.
func read(t *testing.T, x *engine.Tensor) []float32 {
	t.Helper()
	d, err := x.Read(context.Background())
	if err != nil {
		t.Fatalf("Read of a tensor of shape %v: %v", x.Shape(), err)
	}
	return d
}

// recoverPanic turns a panic in a case into a test error, so that one broken op does not
// stop the rest of the suite. It must be deferred directly.
func recoverPanic(t *testing.T, desc string) {
	if r := recover(); r != nil {
		t.Errorf("%s panicked: %v\n%s", desc, r, debug.Stack())
	}
}
