package toy2d

import (
	"math"
	"math/rand/v2"
)

// Mode is one isotropic Gaussian component of a target distribution: samples from it are
// Center + Sigma·N(0, I₂). Sigma is the standard deviation after any scaling of the dataset.
type Mode struct {
	Center [2]float64
	Sigma  float64
}

// Dataset is a 2-D target distribution.
type Dataset interface {
	// Name identifies the dataset ("bimodal", "ring8", "grid25", "swissroll", "points").
	Name() string
	// Sample draws n samples, as (x, y) pairs, using only rng.
	Sample(rng *rand.Rand, n int) [][2]float64
	// Modes returns the mixture components, or nil where modes do not apply (swiss roll,
	// user point sets). The returned slice is a fresh copy.
	Modes() []Mode
}

// Scale factors of the WGAN-GP toy script (ring and grid are divided by these after sampling).
const (
	Ring8Scale  = 1 / 1.414
	Grid25Scale = 1 / 2.828
	// SwissRollScale is the factor applied to the swiss roll's (x, z) coordinates.
	SwissRollScale = 1 / 7.5
	// SwissRollNoise is the standard deviation of the Gaussian noise added to each coordinate
	// of the swiss roll before scaling (sklearn make_swiss_roll noise).
	SwissRollNoise = 0.25
)

// Bimodal is the mixture, with equal weights, of two Gaussians with centres (−1, 0) and
// (1, 0) and σ = 0.1: the smallest target on which mode collapse shows.
type Bimodal struct{}

// Name returns "bimodal".
func (Bimodal) Name() string { return "bimodal" }

// Modes returns the two modes ((−1, 0), σ 0.1) and ((1, 0), σ 0.1).
func (Bimodal) Modes() []Mode {
	return []Mode{{Center: [2]float64{-1, 0}, Sigma: 0.1}, {Center: [2]float64{1, 0}, Sigma: 0.1}}
}

// Sample draws n samples: a mode chosen uniformly, plus σ·N(0, I₂).
func (d Bimodal) Sample(rng *rand.Rand, n int) [][2]float64 { return sampleMixture(rng, n, d.Modes()) }

// Ring8 is the 8-Gaussian ring of the WGAN-GP toy script: centres 2·(cos 2πk/8, sin 2πk/8)
// for k = 0..7, σ = 0.02, everything then scaled by 1/1.414, so the modes have centres
// (2/1.414)·(cos 2πk/8, sin 2πk/8) and σ = 0.02/1.414.
type Ring8 struct{}

// Name returns "ring8".
func (Ring8) Name() string { return "ring8" }

// Modes returns the eight scaled modes, k = 0..7 anticlockwise from (2/1.414, 0).
func (Ring8) Modes() []Mode {
	m := make([]Mode, 8)
	for k := range m {
		a := 2 * math.Pi * float64(k) / 8
		m[k] = Mode{Center: [2]float64{2 * math.Cos(a) * Ring8Scale, 2 * math.Sin(a) * Ring8Scale}, Sigma: 0.02 * Ring8Scale}
	}
	return m
}

// Sample draws n samples: a mode chosen uniformly, plus σ·N(0, I₂).
func (d Ring8) Sample(rng *rand.Rand, n int) [][2]float64 { return sampleMixture(rng, n, d.Modes()) }

// Grid25 is the 25-Gaussian grid of the WGAN-GP toy script: centres (2i, 2j) for
// i, j ∈ {−2..2}, σ = 0.05, everything then scaled by 1/2.828, so the modes have centres
// (2i, 2j)/2.828 and σ = 0.05/2.828.
type Grid25 struct{}

// Name returns "grid25".
func (Grid25) Name() string { return "grid25" }

// Modes returns the 25 scaled modes, row by row (i outer, j inner, both from −2 to 2).
func (Grid25) Modes() []Mode {
	m := make([]Mode, 0, 25)
	for i := -2; i <= 2; i++ {
		for j := -2; j <= 2; j++ {
			m = append(m, Mode{Center: [2]float64{2 * float64(i) * Grid25Scale, 2 * float64(j) * Grid25Scale}, Sigma: 0.05 * Grid25Scale})
		}
	}
	return m
}

// Sample draws n samples: a mode chosen uniformly, plus σ·N(0, I₂).
func (d Grid25) Sample(rng *rand.Rand, n int) [][2]float64 { return sampleMixture(rng, n, d.Modes()) }

// SwissRoll is the swiss roll of the WGAN-GP toy script: sklearn make_swiss_roll with noise
// 0.25, keeping the (x, z) coordinates, scaled by 1/7.5. With t = 1.5π(1 + 2u), u ~ U[0,1],
// a sample is ((t cos t + 0.25 ε₁)/7.5, (t sin t + 0.25 ε₂)/7.5) with ε₁, ε₂ ~ N(0, 1).
type SwissRoll struct{}

// Name returns "swissroll".
func (SwissRoll) Name() string { return "swissroll" }

// Modes returns nil: the swiss roll is not a mixture.
func (SwissRoll) Modes() []Mode { return nil }

// Sample draws n samples of the scaled swiss roll.
func (SwissRoll) Sample(rng *rand.Rand, n int) [][2]float64 {
	out := make([][2]float64, n)
	for i := range out {
		t := 1.5 * math.Pi * (1 + 2*rng.Float64())
		x := t*math.Cos(t) + SwissRollNoise*rng.NormFloat64()
		z := t*math.Sin(t) + SwissRollNoise*rng.NormFloat64()
		out[i] = [2]float64{x * SwissRollScale, z * SwissRollScale}
	}
	return out
}

// sampleMixture draws n samples from the equal-weight mixture of the isotropic Gaussians
// modes: a mode chosen uniformly, then Center + Sigma·N(0, I₂).
func sampleMixture(rng *rand.Rand, n int, modes []Mode) [][2]float64 {
	out := make([][2]float64, n)
	for i := range out {
		m := modes[rng.IntN(len(modes))]
		out[i] = [2]float64{m.Center[0] + m.Sigma*rng.NormFloat64(), m.Center[1] + m.Sigma*rng.NormFloat64()}
	}
	return out
}

// Flatten32 returns the samples as a flat float32 slice x0, y0, x1, y1, … of length 2n, the
// layout of an n×2 row-major tensor.
func Flatten32(samples [][2]float64) []float32 {
	out := make([]float32, 2*len(samples))
	for i, s := range samples {
		out[2*i] = float32(s[0])
		out[2*i+1] = float32(s[1])
	}
	return out
}
