package experiment

import (
	"math"
	"testing"
)

// TestSummarize checks the mean and the standard error s/√n against values by hand:
// for 1, 2, 3, 6 the mean is 3, s² = (4 + 1 + 0 + 9)/3 = 14/3 and s.e. = √(14/3)/2.
func TestSummarize(t *testing.T) {
	s := Summarize([]float64{1, 2, 3, 6})
	if s.N != 4 || s.Mean != 3 || math.Abs(s.SE-math.Sqrt(14.0/3)/2) > 1e-12 {
		t.Errorf("Summarize(1, 2, 3, 6) = %+v; want mean 3, s.e. %v", s, math.Sqrt(14.0/3)/2)
	}
	if s := Summarize([]float64{5}); s.Mean != 5 || s.SE != 0 {
		t.Errorf("Summarize(5) = %+v; want mean 5, s.e. 0", s)
	}
	if got := (Stat{Mean: 6.25, SE: 0.5}).Format(1); got != "6.2 ± 0.5" && got != "6.3 ± 0.5" {
		t.Errorf("Format = %q", got)
	}
}
