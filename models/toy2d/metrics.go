package toy2d

import "math"

// Metrics summarises how well a batch of generated samples covers the modes of a target
// (THEORY.md section 7; VEEGAN, PacGAN).
type Metrics struct {
	// HighQuality is the fraction (0..1) of samples within 3σ of their nearest mode centre.
	HighQuality float64
	// ModesCaptured is the number of modes that are the nearest centre of at least one
	// high-quality sample.
	ModesCaptured int
	// NumModes is the number of modes K.
	NumModes int
	// ReverseKL is KL(h ‖ u) = Σ_k h_k log(h_k K), where h is the histogram of the
	// high-quality samples over the modes (normalised to sum to 1), u the uniform distribution
	// over the K modes, and 0 log 0 = 0. It is 0 for perfect coverage and log K when every
	// high-quality sample sits on one mode. When there is no high-quality sample (h undefined)
	// ReverseKL is log K, the value of a fully collapsed generator, so that it stays finite
	// (JSON-encodable) and plots on the same scale; it is 0 when K = 0.
	ReverseKL float64
}

// HighQualitySigmas is the radius, in units of the mode's σ, within which a sample counts as
// high quality.
const HighQualitySigmas = 3

// Evaluate computes the mode metrics of samples against modes. Each sample is assigned to its
// nearest mode centre (Euclidean distance; ties go to the first mode); it is high quality if
// its distance to that centre is at most 3σ of that mode. With no modes (swiss roll, user
// point sets) it returns the zero Metrics; with no samples HighQuality is 0, no mode is
// captured and ReverseKL is log K.
func Evaluate(samples [][2]float64, modes []Mode) Metrics {
	k := len(modes)
	m := Metrics{NumModes: k}
	if k == 0 {
		return m
	}
	counts := make([]int, k)
	hq := 0
	for _, s := range samples {
		best, bestD2 := 0, math.Inf(1)
		for j, md := range modes {
			dx, dy := s[0]-md.Center[0], s[1]-md.Center[1]
			if d2 := dx*dx + dy*dy; d2 < bestD2 {
				best, bestD2 = j, d2
			}
		}
		r := HighQualitySigmas * modes[best].Sigma
		if bestD2 <= r*r {
			counts[best]++
			hq++
		}
	}
	if len(samples) > 0 {
		m.HighQuality = float64(hq) / float64(len(samples))
	}
	if hq == 0 {
		m.ReverseKL = math.Log(float64(k))
		return m
	}
	for _, c := range counts {
		if c == 0 {
			continue
		}
		m.ModesCaptured++
		h := float64(c) / float64(hq)
		m.ReverseKL += h * math.Log(h*float64(k))
	}
	return m
}

// EvaluateDataset is Evaluate against the modes of ds.
func EvaluateDataset(samples [][2]float64, ds Dataset) Metrics {
	return Evaluate(samples, ds.Modes())
}
