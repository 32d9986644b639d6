package toy2d

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestMetricsOneMode(t *testing.T) {
	modes := Ring8{}.Modes()
	c := modes[3].Center
	s := make([][2]float64, 100)
	for i := range s {
		s[i] = [2]float64{c[0] + 1e-4*float64(i%3), c[1]}
	}
	m := Evaluate(s, modes)
	if m.ModesCaptured != 1 || m.HighQuality != 1 || m.NumModes != 8 || math.Abs(m.ReverseKL-math.Log(8)) > 1e-12 {
		t.Fatalf("%+v, want 1 captured, hq 1, reverse KL log 8", m)
	}
}

func TestMetricsEvenSpread(t *testing.T) {
	modes := Ring8{}.Modes()
	var s [][2]float64
	for k := range 5 {
		for _, md := range modes {
			s = append(s, [2]float64{md.Center[0] + float64(k)*0.5*md.Sigma, md.Center[1]})
		}
	}
	m := Evaluate(s, modes)
	if m.ModesCaptured != 8 || m.HighQuality != 1 || math.Abs(m.ReverseKL) > 1e-12 {
		t.Fatalf("%+v, want 8 captured, hq 1, reverse KL 0", m)
	}
}

func TestMetricsOffMode(t *testing.T) {
	modes := Ring8{}.Modes()
	s := [][2]float64{{0, 0}, {0.1, 0.1}, {5, 5}, {-3, 0}}
	m := Evaluate(s, modes)
	// No high-quality sample: ReverseKL is log K by convention.
	if m.ModesCaptured != 0 || m.HighQuality != 0 || math.Abs(m.ReverseKL-math.Log(8)) > 1e-12 {
		t.Fatalf("%+v, want 0 captured, hq 0, reverse KL log 8", m)
	}
	if e := Evaluate(nil, modes); e.HighQuality != 0 || e.ModesCaptured != 0 || e.NumModes != 8 || e.ReverseKL != math.Log(8) {
		t.Fatalf("empty samples: %+v", e)
	}
}

func TestMetricsMixedAndBoundary(t *testing.T) {
	modes := []Mode{{Center: [2]float64{-1, 0}, Sigma: 0.1}, {Center: [2]float64{1, 0}, Sigma: 0.1}}
	s := [][2]float64{
		{-1, 0.3},        // exactly 3σ: high quality
		{-1, 0.3000001},  // just beyond 3σ
		{1, 0}, {1.1, 0}, // two on the second mode
	}
	m := Evaluate(s, modes)
	// Histogram over modes (1/3, 2/3): KL = 1/3 log(2/3) + 2/3 log(4/3).
	want := math.Log(2.0/3)/3 + 2*math.Log(4.0/3)/3
	if m.ModesCaptured != 2 || m.HighQuality != 0.75 || math.Abs(m.ReverseKL-want) > 1e-12 {
		t.Fatalf("%+v, want 2 captured, hq 0.75, KL %v", m, want)
	}
}

func TestMetricsNoModes(t *testing.T) {
	if m := EvaluateDataset([][2]float64{{0, 0}}, SwissRoll{}); m != (Metrics{}) {
		t.Fatalf("swiss roll metrics %+v, want zero", m)
	}
}

func TestMetricsOnTrueSamples(t *testing.T) {
	rng := rand.New(rand.NewPCG(2500, 1))
	for _, ds := range []Dataset{Bimodal{}, Ring8{}, Grid25{}} {
		m := EvaluateDataset(ds.Sample(rng, 2500), ds)
		// In 2-D, P(|Z| ≤ 3σ) = 1 − e^{−4.5} ≈ 0.989.
		if m.ModesCaptured != m.NumModes || m.HighQuality < 0.97 || m.ReverseKL > 0.02 {
			t.Errorf("%s: %+v", ds.Name(), m)
		}
	}
}
