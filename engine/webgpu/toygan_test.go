package webgpu

import (
	"math"
	"testing"
	"time"

	"github.com/ganplay/ganplay/bench"
	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/models/toy2d"
)

// TestToyGANAgreesWithCPU trains the engine issue's toy GAN (bench.ToyGAN: two 2-128-128
// MLPs, Adam 2e-4, non-saturating loss) for a few iterations from one seed on this backend and
// on the CPU backend. Both draw the same weights, noise and data (host-side, from one seeded
// source), so the parameters differ only by float32 rounding: after steps iterations every
// parameter must agree within atol + rtol·|cpu|. Adam moves a weight by about lr per step
// whatever the gradient's size, so rounding can flip the direction of an update whose
// gradient is near 0; the bound allows a few such flips (2·lr each).
func TestToyGANAgreesWithCPU(t *testing.T) {
	b := newBackend(t)
	const (
		seed, width, batch, steps = 11, 128, 64, 10
		atol, rtol                = 1e-4, 1e-3
	)
	run := func(be engine.Backend) (params [][]float32, perStep time.Duration) {
		m, err := bench.NewToyGAN(engine.NewDevice(be), toy2d.Ring8{}, seed, width, batch, 2e-4)
		if err != nil {
			t.Fatal(err)
		}
		m.Step() // warm up: first allocations and pipeline use
		start := time.Now()
		for i := 1; i < steps; i++ {
			lossD, _ := m.Step()
			_ = lossD.Data() // one readback per iteration, as a training loop that plots losses does
		}
		perStep = time.Since(start) / (steps - 1)
		for _, p := range append(m.G.Params(), m.D.Params()...) {
			params = append(params, p.T.Data())
		}
		return params, perStep
	}
	before := b.Stats()
	got, gpuStep := run(b)
	after := b.Stats()
	want, cpuStep := run(cpu.New())
	t.Logf("per iteration: webgpu %v, cpu %v; webgpu submissions %d, dispatches %d, bind groups created %d, uploads %d in %d iterations",
		gpuStep, cpuStep, after.Submissions-before.Submissions, after.Dispatches-before.Dispatches,
		after.BindGroups-before.BindGroups, after.Uploads-before.Uploads, steps)
	if len(got) != len(want) {
		t.Fatalf("%d parameter tensors on webgpu; %d on cpu", len(got), len(want))
	}
	var worst, worstRel float64
	for i := range want {
		for j, w := range want[i] {
			d := math.Abs(float64(got[i][j]) - float64(w))
			worst = max(worst, d)
			worstRel = max(worstRel, d/(math.Abs(float64(w))+1e-3))
			if !(d <= atol+rtol*math.Abs(float64(w))) {
				t.Errorf("parameter %d[%d] after %d steps: webgpu %g, cpu %g", i, j, steps, got[i][j], w)
				return
			}
		}
	}
	t.Logf("largest parameter difference after %d steps: %.3g (relative %.3g)", steps, worst, worstRel)
}
