package cpu

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestRows compares the row loops of the direct convolutions (AVX2 where the CPU has it)
// with the portable ones on lengths that cover the 16- and 8-wide loops and the tails.
func TestRows(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 7, 8, 9, 16, 17, 31, 64, 70} {
		rows, ldx, ldy := 5, n+3, n+6
		x := make([]float32, (rows-1)*ldx+n)
		y := make([]float32, (rows-1)*ldy+n)
		for i := range x {
			x[i] = float32(rng.NormFloat64())
		}
		for i := range y {
			y[i] = float32(rng.NormFloat64())
		}
		want := append([]float32(nil), y...)
		axpyRowsGo(rows, n, 0.75, x, ldx, want, ldy)
		got := append([]float32(nil), y...)
		axpyRows(rows, n, 0.75, x, ldx, got, ldy)
		for i := range want {
			if math.Abs(float64(got[i]-want[i])) > 1e-5 {
				t.Fatalf("axpyRows n=%d: element %d = %v, want %v", n, i, got[i], want[i])
			}
		}
		d, dw := dotRows(rows, n, x, ldx, y, ldy), dotRowsGo(rows, n, x, ldx, y, ldy)
		if math.Abs(float64(d-dw)) > 1e-4*math.Max(1, math.Abs(float64(dw))) {
			t.Errorf("dotRows n=%d = %v, want %v", n, d, dw)
		}
	}
}
