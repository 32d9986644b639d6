package bench

import (
	"math/rand/v2"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/models/dist"
	"github.com/ganplay/ganplay/models/toy2d"
)

func points(ps [][2]float64) [][]float64 {
	out := make([][]float64, len(ps))
	for i, p := range ps {
		out[i] = []float64{p[0], p[1]}
	}
	return out
}

// TestToyGANLearns trains the toy GAN on two Gaussians from a fixed seed and checks that its
// samples move toward the data: the exact W_1 between 512 samples and 512 data points must
// fall to well under half its starting value.
func TestToyGANLearns(t *testing.T) {
	steps := 400
	if testing.Short() {
		steps = 200
	}
	data := toy2d.Bimodal{}
	m, err := NewToyGAN(engine.NewDevice(cpu.New()), data, 42, 64, 128, 1e-3)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(42, 43))
	w1 := func() float64 {
		return dist.W1Exact(points(m.Points(512)), points(data.Sample(rng, 512)))
	}
	before := w1()
	for i := 0; i < steps; i++ {
		m.Step()
	}
	after := w1()
	t.Logf("W_1(samples, data): %.3f before, %.3f after %d steps", before, after, steps)
	if !(after < 0.5*before) {
		t.Errorf("W_1 after %d steps = %.3f; want < half of %.3f", steps, after, before)
	}
}

// TestToyGANDeterministic runs the toy GAN twice from one seed and once from another: the
// same seed must give the same weights bit for bit, another seed different ones.
func TestToyGANDeterministic(t *testing.T) {
	run := func(seed uint64) []float32 {
		m, err := NewToyGAN(engine.NewDevice(cpu.New()), toy2d.Ring8{}, seed, 16, 32, 2e-4)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 5; i++ {
			m.Step()
		}
		var w []float32
		for _, p := range m.G.Params() {
			w = append(w, p.T.Data()...)
		}
		return w
	}
	a, b, c := run(7), run(7), run(8)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("weight %d differs between two runs with seed 7: %v and %v", i, a[i], b[i])
		}
	}
	same := true
	for i := range a {
		same = same && a[i] == c[i]
	}
	if same {
		t.Errorf("seeds 7 and 8 gave identical weights")
	}
}

// noRelease is the CPU backend with a Release that keeps nothing, so no buffer is ever
// reused; its other optional interfaces (fused and direct kernels) stay visible, so both
// runs take the same code paths.
type noRelease struct{ *cpu.Backend }

func (noRelease) Release(engine.Buffer) {}

// TestRecyclingChangesNothing trains the toy GAN and a DCGAN step with buffer recycling on
// (the CPU backend implements engine.Releaser) and off: the weights must agree bit for bit,
// so no released buffer was still in use.
func TestRecyclingChangesNothing(t *testing.T) {
	toy := func(b engine.Backend) []float32 {
		m, err := NewToyGAN(engine.NewDevice(b), toy2d.Ring8{}, 3, 16, 32, 2e-4)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 5; i++ {
			m.Step()
		}
		var w []float32
		for _, p := range append(m.G.Params(), m.D.Params()...) {
			w = append(w, p.T.Data()...)
		}
		return w
	}
	dcgan := func(b engine.Backend) []float32 {
		dev := engine.NewDevice(b)
		m, err := NewDCGAN(dev, 4, 2)
		if err != nil {
			t.Fatal(err)
		}
		x := dev.Full(0.5, 2, 1, 28, 28)
		m.Step(x)
		m.Step(x)
		var w []float32
		for _, p := range append(m.G.Params(), m.D.Params()...) {
			w = append(w, p.T.Data()...)
		}
		return w
	}
	for name, run := range map[string]func(engine.Backend) []float32{"toy GAN": toy, "DCGAN": dcgan} {
		if _, ok := engine.Backend(cpu.New()).(engine.Releaser); !ok {
			t.Fatal("the CPU backend does not implement engine.Releaser")
		}
		want, got := run(noRelease{cpu.New()}), run(cpu.New())
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%s weight %d = %v with recycling; want %v as without", name, i, got[i], want[i])
			}
		}
	}
}
