package demos

import (
	"net/url"
	"slices"
	"testing"

	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/models"
)

func netWeights(ph models.Phased, d bool) []float32 {
	net := ph.Generator()
	if d {
		net = ph.Discriminator()
	}
	var w []float32
	for _, p := range nn.Tensors(net.Params()) {
		w = append(w, p.Data()...)
	}
	return w
}

// TestStepPhase checks step D, step G and step both: step D updates D alone and moves only
// steps_D, step G the reverse, and one iteration with k=2&k-g=3 runs 2 D and 3 G updates.
func TestStepPhase(t *testing.T) {
	t.Parallel()
	m, err := NewMixture(cpu.New(), testSettings("width=16&batch=16&k=2&k-g=3&data=bimodal"))
	if err != nil {
		t.Fatal(err)
	}
	ph := m.sched.Phased
	d0, g0 := netWeights(ph, true), netWeights(ph, false)
	if err := m.StepPhase(PhaseD, 3); err != nil {
		t.Fatal(err)
	}
	mt := m.Metrics()
	if mt["steps_D"] != 3 || mt["steps_G"] != 0 || mt["step"] != 0 {
		t.Errorf("after step D ×3: %v; want steps_D 3, steps_G 0, step 0", mt)
	}
	if _, ok := mt["last_D"]; !ok {
		t.Errorf("after step D: no last_D in %v", mt)
	}
	if _, ok := mt["last_G"]; ok {
		t.Errorf("after step D alone: last_G present in %v", mt)
	}
	d1, g1 := netWeights(ph, true), netWeights(ph, false)
	if slices.Equal(d0, d1) || !slices.Equal(g0, g1) {
		t.Errorf("step D: D changed %v, G changed %v; want true, false", !slices.Equal(d0, d1), !slices.Equal(g0, g1))
	}
	fake := append([][2]float64(nil), m.View().Fake...)
	if err := m.StepPhase(PhaseG, 2); err != nil {
		t.Fatal(err)
	}
	mt = m.Metrics()
	if mt["steps_D"] != 3 || mt["steps_G"] != 2 || mt["step"] != 0 {
		t.Errorf("after step G ×2: %v; want steps_D 3, steps_G 2, step 0", mt)
	}
	if d2 := netWeights(ph, true); !slices.Equal(d1, d2) || slices.Equal(g1, netWeights(ph, false)) {
		t.Error("step G changed D or left G alone")
	}
	if same(fake, m.View().Fake) {
		t.Error("the fakes shown did not move after step G")
	}
	if err := m.StepPhase(PhaseBoth, 1); err != nil {
		t.Fatal(err)
	}
	if mt = m.Metrics(); mt["steps_D"] != 5 || mt["steps_G"] != 5 || mt["step"] != 1 {
		t.Errorf("after one iteration with k=2, k-g=3: %v; want steps_D 5, steps_G 5, step 1", mt)
	}
}

// TestAppStepPhase sends the step commands as the page does.
func TestAppStepPhase(t *testing.T) {
	t.Parallel()
	s, _ := Parse("width=16&batch=16&autoplay=0")
	a, err := NewApp(cpu.New(), s, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got Snapshot
	a.Send(Command{Kind: CmdStep, N: 4, Which: PhaseD, Done: func(s Snapshot) { got = s }})
	a.Update()
	if got.Metrics["steps_D"] != 4 || got.Metrics["steps_G"] != 0 {
		t.Errorf("step D ×4: %v", got.Metrics)
	}
	a.Send(Command{Kind: CmdStep, N: 1, Which: PhaseG, Done: func(s Snapshot) { got = s }})
	a.Update()
	if got.Metrics["steps_D"] != 4 || got.Metrics["steps_G"] != 1 {
		t.Errorf("then step G: %v", got.Metrics)
	}
	// The other scenes step whole steps.
	a.SetParams(url.Values{"scene": {"divergence"}})
	th := a.Snapshot().Metrics["theta"]
	a.Send(Command{Kind: CmdStep, N: 1, Which: PhaseD})
	a.Update()
	if a.Snapshot().Metrics["theta"] == th {
		t.Error("step D on the divergence scene did not sweep θ")
	}
	for in, want := range map[string]Phase{"": PhaseBoth, "both": PhaseBoth, "D": PhaseD, "g": PhaseG} {
		if p, err := ParsePhase(in); err != nil || p != want {
			t.Errorf("ParsePhase(%q) = %v, %v", in, p, err)
		}
	}
	if _, err := ParsePhase("x"); err == nil {
		t.Error("ParsePhase(x): no error")
	}
}

// TestOptimizerChoice checks opt-d and opt-g: naming the model's own optimizer is the same
// run as auto, bit for bit; another optimizer for G gives another run, and D's weights
// after a D step are the same either way (G's optimizer does not touch D).
func TestOptimizerChoice(t *testing.T) {
	t.Parallel()
	run := func(q string) *Mixture {
		m, err := NewMixture(cpu.New(), testSettings("width=16&batch=16&data=bimodal&"+q))
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Step(5); err != nil {
			t.Fatal(err)
		}
		return m
	}
	auto := run("")
	if adam := run("opt-d=adam&opt-g=adam"); !same(auto.View().Fake, adam.View().Fake) {
		t.Error("opt=adam on the GAN (its own optimizer) differs from auto")
	}
	for _, opt := range []string{"sgd", "rmsprop"} {
		if other := run("opt-g=" + opt); same(auto.View().Fake, other.View().Fake) {
			t.Errorf("opt-g=%s gives the same fakes as Adam", opt)
		}
	}
	if w := run("model=wgan&opt-d=rmsprop&k=1"); !same(w.View().Fake, run("model=wgan&k=1").View().Fake) {
		t.Error("opt-d=rmsprop on WGAN (its own) differs from auto")
	}
	m0, _ := NewMixture(cpu.New(), testSettings("width=16&batch=16&data=bimodal"))
	m1, _ := NewMixture(cpu.New(), testSettings("width=16&batch=16&data=bimodal&opt-g=sgd"))
	m0.StepPhase(PhaseD, 2)
	m1.StepPhase(PhaseD, 2)
	if !slices.Equal(netWeights(m0.sched.Phased, true), netWeights(m1.sched.Phased, true)) {
		t.Error("opt-g changed D's updates")
	}
	if defaultLR(ModelGAN, OptSGD) != 0.01 || defaultLR(ModelWGANGP, OptAdam) != 1e-4 || defaultLR(ModelGAN, OptAdam) != 2e-4 {
		t.Error("defaultLR")
	}
}

// TestNoiseShape checks noise-shape=uniform: another run than Gaussian noise, the same run
// again with the same seed, and a manifold drawn over the noise's support [-1, 1]².
func TestNoiseShape(t *testing.T) {
	t.Parallel()
	g, _ := NewMixture(cpu.New(), testSettings("width=16&batch=16"))
	u, err := NewMixture(cpu.New(), testSettings("width=16&batch=16&noise-shape=uniform"))
	if err != nil {
		t.Fatal(err)
	}
	u2, _ := NewMixture(cpu.New(), testSettings("width=16&batch=16&noise-shape=uniform"))
	for _, m := range []*Mixture{g, u, u2} {
		m.Step(3)
	}
	if same(g.View().Fake, u.View().Fake) || !same(u.View().Fake, u2.View().Fake) {
		t.Error("uniform noise: same fakes as Gaussian, or two runs differ")
	}
	if same(g.View().Manifold[0], u.View().Manifold[0]) {
		t.Error("the manifold is the same for both noise shapes")
	}
}

// TestStepPhaseAfterMove checks that the step D / step G schedule follows the model when a
// lost device moves the run to another backend (fallback_mixture.go), with its counts.
func TestStepPhaseAfterMove(t *testing.T) {
	t.Parallel()
	m, err := NewMixture(cpu.New(), testSettings("width=16&batch=16&k-g=2"))
	if err != nil {
		t.Fatal(err)
	}
	m.Step(2)
	snap, err := m.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if err := m.moveTo(cpu.New(), snap); err != nil {
		t.Fatal(err)
	}
	if err := m.StepPhase(PhaseD, 1); err != nil {
		t.Fatal(err)
	}
	m.Step(1)
	if mt := m.Metrics(); mt["steps_D"] != 4 || mt["steps_G"] != 6 || mt["step"] != 3 {
		t.Errorf("after a move, step D and one iteration: %v; want steps_D 4, steps_G 6, step 3", mt)
	}
	if m.sched.Phased != m.model.(models.Phased) {
		t.Error("the schedule still drives the old model")
	}
}
