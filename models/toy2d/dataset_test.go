package toy2d

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestRing8Modes(t *testing.T) {
	m := Ring8{}.Modes()
	if len(m) != 8 {
		t.Fatalf("%d modes, want 8", len(m))
	}
	r := 2 / 1.414
	for i, a := range m {
		if d := math.Hypot(a.Center[0], a.Center[1]); math.Abs(d-r) > 1e-12 {
			t.Errorf("mode %d at radius %v, want %v", i, d, r)
		}
		if math.Abs(a.Sigma-0.02/1.414) > 1e-15 {
			t.Errorf("mode %d σ %v, want 0.02/1.414", i, a.Sigma)
		}
		for j := i + 1; j < len(m); j++ {
			b := m[j]
			// Neighbours on the ring are 2r sin(π/8) apart; a linspace including 2π would
			// produce a duplicate at distance 0.
			if d := math.Hypot(a.Center[0]-b.Center[0], a.Center[1]-b.Center[1]); d < 2*r*math.Sin(math.Pi/8)-1e-12 {
				t.Errorf("modes %d and %d only %v apart", i, j, d)
			}
		}
	}
}

func TestGrid25Modes(t *testing.T) {
	m := Grid25{}.Modes()
	if len(m) != 25 {
		t.Fatalf("%d modes, want 25", len(m))
	}
	for i, a := range m {
		if math.Abs(a.Sigma-0.05/2.828) > 1e-15 {
			t.Errorf("mode %d σ %v", i, a.Sigma)
		}
		for j := i + 1; j < len(m); j++ {
			if d := math.Hypot(a.Center[0]-m[j].Center[0], a.Center[1]-m[j].Center[1]); d < 2/2.828-1e-12 {
				t.Errorf("modes %d and %d only %v apart", i, j, d)
			}
		}
	}
	if m[0].Center != [2]float64{-4 / 2.828, -4 / 2.828} || m[12].Center != [2]float64{0, 0} {
		t.Errorf("unexpected layout: %v, %v", m[0].Center, m[12].Center)
	}
}

// checkMixture samples n points and checks the mode frequencies (≈ 1/K), the per-mode mean
// (≈ centre) and per-coordinate standard deviation (≈ σ).
func checkMixture(t *testing.T, ds Dataset, n int) {
	t.Helper()
	modes := ds.Modes()
	s := ds.Sample(rand.New(rand.NewPCG(42, 1)), n)
	if len(s) != n {
		t.Fatalf("%s: %d samples, want %d", ds.Name(), len(s), n)
	}
	k := len(modes)
	cnt := make([]float64, k)
	sum := make([][2]float64, k)
	sq := make([][2]float64, k)
	for _, p := range s {
		best, bd := 0, math.Inf(1)
		for j, m := range modes {
			if d := math.Hypot(p[0]-m.Center[0], p[1]-m.Center[1]); d < bd {
				best, bd = j, d
			}
		}
		cnt[best]++
		for c := range 2 {
			d := p[c] - modes[best].Center[c]
			sum[best][c] += d
			sq[best][c] += d * d
		}
	}
	for j, m := range modes {
		frac := cnt[j] / float64(n)
		if math.Abs(frac-1/float64(k)) > 4*math.Sqrt(1/float64(k)/float64(n)) {
			t.Errorf("%s mode %d: frequency %v, want %v", ds.Name(), j, frac, 1/float64(k))
		}
		for c := range 2 {
			mean := sum[j][c] / cnt[j]
			std := math.Sqrt(sq[j][c]/cnt[j] - mean*mean)
			if math.Abs(mean) > 5*m.Sigma/math.Sqrt(cnt[j]) {
				t.Errorf("%s mode %d coord %d: mean offset %v (σ %v)", ds.Name(), j, c, mean, m.Sigma)
			}
			if math.Abs(std/m.Sigma-1) > 0.03 {
				t.Errorf("%s mode %d coord %d: std %v, want σ = %v", ds.Name(), j, c, std, m.Sigma)
			}
		}
	}
}

func TestMixtureStatistics(t *testing.T) {
	checkMixture(t, Bimodal{}, 40000)
	checkMixture(t, Ring8{}, 80000)
	checkMixture(t, Grid25{}, 200000)
}

func TestSwissRoll(t *testing.T) {
	s := SwissRoll{}.Sample(rand.New(rand.NewPCG(3, 3)), 100000)
	sumR := 0.0
	inside := 0
	for _, p := range s {
		r := math.Hypot(p[0], p[1])
		sumR += r
		if r >= 1.5*math.Pi/7.5-0.15 && r <= 4.5*math.Pi/7.5+0.15 {
			inside++
		}
	}
	// Noise-free radius is t/7.5 with t ~ U[1.5π, 4.5π]: mean 3π/7.5.
	if mean := sumR / float64(len(s)); math.Abs(mean-3*math.Pi/7.5) > 0.01 {
		t.Errorf("mean radius %v, want ≈ %v", mean, 3*math.Pi/7.5)
	}
	if float64(inside)/float64(len(s)) < 0.999 {
		t.Errorf("only %d of %d samples within the roll's radial band", inside, len(s))
	}
	if (SwissRoll{}).Modes() != nil {
		t.Error("swiss roll has modes")
	}
}

func TestDeterministicSampling(t *testing.T) {
	pts, err := NewPoints([][2]float64{{0, 0}, {1, 0}, {2, 0}, {3, 0}, {4, 0}, {5, 0}, {6, 0}, {7, 1}})
	if err != nil {
		t.Fatal(err)
	}
	for _, ds := range []Dataset{Bimodal{}, Ring8{}, Grid25{}, SwissRoll{}, pts} {
		a := ds.Sample(rand.New(rand.NewPCG(9, 9)), 500)
		b := ds.Sample(rand.New(rand.NewPCG(9, 9)), 500)
		c := ds.Sample(rand.New(rand.NewPCG(9, 10)), 500)
		if !slices.Equal(a, b) {
			t.Errorf("%s: same seed, different samples", ds.Name())
		}
		if slices.Equal(a, c) {
			t.Errorf("%s: different seeds, same samples", ds.Name())
		}
	}
}

func TestNames(t *testing.T) {
	want := []string{"bimodal", "ring8", "grid25", "swissroll", "points"}
	for i, ds := range []Dataset{Bimodal{}, Ring8{}, Grid25{}, SwissRoll{}, &Points{}} {
		if ds.Name() != want[i] {
			t.Errorf("name %q, want %q", ds.Name(), want[i])
		}
	}
}

func TestPointsSampling(t *testing.T) {
	in := make([][2]float64, 10)
	for i := range in {
		in[i] = [2]float64{float64(i), -float64(i)}
	}
	p, err := NewPoints(in)
	if err != nil {
		t.Fatal(err)
	}
	in[0][0] = 99 // NewPoints copies
	counts := make([]int, 10)
	for _, s := range p.Sample(rand.New(rand.NewPCG(1, 1)), 50000) {
		i := int(s[0])
		if s != [2]float64{float64(i), -float64(i)} {
			t.Fatalf("sample %v not in the set", s)
		}
		counts[i]++
	}
	for i, c := range counts {
		if math.Abs(float64(c)/50000-0.1) > 0.01 {
			t.Errorf("point %d drawn %d times", i, c)
		}
	}
	if p.Len() != 10 || p.Data()[0] != [2]float64{0, 0} || p.Modes() != nil {
		t.Errorf("Len %d, Data %v, Modes %v", p.Len(), p.Data()[0], p.Modes())
	}
}

func TestFlatten32(t *testing.T) {
	got := Flatten32([][2]float64{{1, 2}, {3.5, -4}})
	if !slices.Equal(got, []float32{1, 2, 3.5, -4}) {
		t.Fatalf("Flatten32 = %v", got)
	}
}
