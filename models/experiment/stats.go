package experiment

import (
	"fmt"
	"math"
)

// Stat is the mean of N values and its standard error s/√N, where s is the sample standard
// deviation (N - 1 in the denominator); SE is 0 when N < 2.
type Stat struct {
	Mean, SE float64
	N        int
}

// Summarize returns the Stat of xs.
func Summarize(xs []float64) Stat {
	n := len(xs)
	if n == 0 {
		return Stat{Mean: math.NaN()}
	}
	m := 0.0
	for _, x := range xs {
		m += x
	}
	m /= float64(n)
	s := Stat{Mean: m, N: n}
	if n > 1 {
		v := 0.0
		for _, x := range xs {
			v += (x - m) * (x - m)
		}
		s.SE = math.Sqrt(v/float64(n-1)) / math.Sqrt(float64(n))
	}
	return s
}

// Format prints "mean ± se" with the given number of decimals.
func (s Stat) Format(decimals int) string {
	return fmt.Sprintf("%.*f ± %.*f", decimals, s.Mean, decimals, s.SE)
}
