package demos

import (
	"context"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/engine/webgpu"
)

// gpuBackend opens a WebGPU backend of the test's own (lavapipe where there is no GPU); it
// skips without an adapter unless GANPLAY_E2E=1.
func gpuBackend(t *testing.T) *webgpu.Backend {
	t.Helper()
	b, err := webgpu.New(context.Background())
	if err != nil {
		if strings.HasPrefix(err.Error(), "webgpu: no adapter") && os.Getenv("GANPLAY_E2E") != "1" {
			t.Skipf("%v (install mesa-vulkan-drivers libvulkan1; GANPLAY_E2E=1 makes this a failure)", err)
		}
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	return b
}

// frame runs one tick and one drawn frame, as Ebiten does.
func frame(a *App) {
	a.Update()
	a.Render()
}

// TestDeviceLossFallsBack trains the Mixture scene on WebGPU, loses the device mid-run
// (SimulateLoss) and checks that the App goes on on the CPU backend from the last snapshot:
// the report says why, the weights right after the switch are the snapshot's, and training
// goes on past the step count reached before the loss.
func TestDeviceLossFallsBack(t *testing.T) {
	gb := gpuBackend(t)
	s := testSettings("width=16&batch=32&speed=4&autoplay=1")
	a, err := NewApp(gb, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	a.SetBackendInfo(BackendInfo{Name: "webgpu", Adapter: gb.Info().Adapter, Reason: "test"})
	m := a.Scene().(*Mixture)
	for m.Steps() < SnapshotEvery+6 {
		frame(a)
	}
	snap := a.fb.snap
	if snap == nil || snap.step < SnapshotEvery || snap.step > m.Steps() {
		t.Fatalf("after %d steps the snapshot is %+v; want one taken at step ≥ %d", m.Steps(), snap, SnapshotEvery)
	}
	before := m.Steps()
	gb.SimulateLoss("test")
	frame(a) // the training step's read fails: the App falls back
	sn := a.Snapshot()
	if sn.Backend.Name != "cpu" || !strings.HasPrefix(sn.Backend.Reason, LostPrefix) || !strings.Contains(sn.Backend.Reason, "simulated: test") {
		t.Fatalf("after the loss: backend %+v; want cpu with the reason %q…", sn.Backend, LostPrefix)
	}
	if a.Backend().Name() != "cpu" || sn.Err != "" {
		t.Fatalf("after the loss: App backend %s, error %q", a.Backend().Name(), sn.Err)
	}
	m2 := a.Scene().(*Mixture)
	if m2.be.Name() != "cpu" || m2.Steps() != snap.step {
		t.Fatalf("the scene runs on %s at step %d; want cpu at the snapshot's step %d", m2.be.Name(), m2.Steps(), snap.step)
	}
	for i, p := range m2.state() {
		if got := p.T.Data(); !slices.Equal(got, snap.weights[i]) {
			t.Fatalf("%s after the switch differs from the snapshot", p.Name)
		}
	}
	// The optimizers go on from their moments and step counts, not from zero.
	opts := optimizers(m2.model)
	if len(opts) != 2 || len(snap.opts) != 2 {
		t.Fatalf("%d optimizers after the switch, %d in the snapshot; want G's and D's", len(opts), len(snap.opts))
	}
	for i, o := range opts {
		if o.Steps() != snap.opts[i].steps || o.Steps() == 0 {
			t.Errorf("optimizer %d after the switch has %d steps; the snapshot %d", i, o.Steps(), snap.opts[i].steps)
		}
		for j, sl := range o.Slots() {
			got := sl.Data()
			if !slices.Equal(got, snap.opts[i].slots[j]) || !slices.ContainsFunc(got, func(v float32) bool { return v != 0 }) {
				t.Fatalf("optimizer %d slot %d after the switch is not the snapshot's (or is all zeros)", i, j)
			}
		}
	}
	for m2.Steps() <= before+SnapshotEvery {
		frame(a)
	}
	sn = a.Snapshot()
	if sn.Err != "" || sn.Metrics["step"] <= float64(before) || sn.Backend.Name != "cpu" {
		t.Fatalf("after training on: err %q, step %v (before the loss %d), backend %s", sn.Err, sn.Metrics["step"], before, sn.Backend.Name)
	}
	for _, k := range []string{"loss_D", "loss_G", "w1"} {
		if v, ok := sn.Metrics[k]; !ok || math.IsNaN(v) {
			t.Errorf("metric %s = %v (present %v) after the fallback", k, v, ok)
		}
	}
	t.Logf("lost at step %d, resumed from the snapshot at %d, now at %d on %s", before, snap.step, m2.Steps(), sn.Backend.Name)
}

// TestDeviceLossDuringStep: a step(n) command resolves after the snapshot of its last step
// was taken; when the device is lost before the next step(n), that command runs again on the
// CPU backend from the snapshot and its Done runs once, with the CPU backend reported.
func TestDeviceLossDuringStep(t *testing.T) {
	gb := gpuBackend(t)
	a, err := NewApp(gb, testSettings("width=8&batch=16&autoplay=0"), nil)
	if err != nil {
		t.Fatal(err)
	}
	frame(a) // takes the first snapshot
	snapAtDone := -1
	a.Send(Command{Kind: CmdStep, N: 25, Done: func(Snapshot) { snapAtDone = a.fb.snap.step }})
	frame(a)
	if snapAtDone != 25 {
		t.Fatalf("when step(25) resolved the snapshot was at step %d; want 25", snapAtDone)
	}
	gb.SimulateLoss("during step")
	var got []Snapshot
	a.Send(Command{Kind: CmdStep, N: 5, Done: func(sn Snapshot) { got = append(got, sn) }})
	frame(a)
	if len(got) != 1 {
		t.Fatalf("the step command's Done ran %d times; want once", len(got))
	}
	if got[0].Backend.Name != "cpu" || !strings.Contains(got[0].Backend.Reason, "during step") {
		t.Errorf("Done saw backend %+v; want cpu, lost during step", got[0].Backend)
	}
	if st := got[0].Metrics["step"]; st != 30 {
		t.Errorf("step(5) cut short by the loss ended at step %v; want 30 (rerun from the snapshot's step 25)", st)
	}
	a.Send(Command{Kind: CmdStep, N: 5})
	frame(a)
	if st := a.Snapshot().Metrics["step"]; st != 35 {
		t.Errorf("a later step(5): step %v; want 35", st)
	}
}

// TestNoFallbackOnCPU: the CPU backend is never lost; the App reports it as it was set.
func TestNoFallbackOnCPU(t *testing.T) {
	a, err := NewApp(cpu.New(), testSettings("width=8&batch=16&autoplay=1"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Snapshot().Backend; got.Name != "cpu" {
		t.Errorf("default backend report %+v; want cpu", got)
	}
	for range 3 {
		frame(a)
	}
	if a.fb.snap != nil {
		t.Error("a snapshot was taken on a backend that cannot be lost")
	}
}
