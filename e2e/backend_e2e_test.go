package e2e

import (
	"strings"
	"testing"
)

// lossPage is what playground.mjs saw on the device-loss page (backend=webgpu): the metrics
// after step(30), whether simulateDeviceLoss ran on WebGPU, the metrics after a step(10)
// that met the loss and after playing on, the backend then, the backend line and errors().
type lossPage struct {
	Before      map[string]float64 `json:"before"`
	Simulated   bool               `json:"simulated"`
	After       map[string]float64 `json:"after"`
	Later       map[string]float64 `json:"later"`
	Backend     *backend           `json:"backend"`
	BackendText string             `json:"backendText"`
	Errors      []string           `json:"errors"`
}

// wantBackend is the backend each page of playground.mjs asks for: the main page and the
// loss page backend=webgpu (SwiftShader in headless Chromium), the round-trip page
// backend=cpu, the others nothing (the bad page's backend=cuda is rejected), which is auto.
var wantBackend = map[string]string{"main": "webgpu", "roundtrip": "cpu", "bad": "auto", "embed": "auto", "loss": "webgpu",
	"compare": "auto", "compareLink": "auto", "steps": "auto"}

// checkBackend checks window.ganplay.backend() and the backend line of one page. Auto may
// give WebGPU on a hardware adapter, or the CPU when the only adapter is a software renderer
// (SwiftShader here: slower than the CPU backend).
func checkBackend(t *testing.T, name string, p *page) {
	t.Helper()
	want := wantBackend[name]
	b := p.Backend
	if b == nil || b.Reason == "" {
		t.Errorf("page %s: window.ganplay.backend() = %+v; want a backend with a reason", name, b)
		return
	}
	switch want {
	case "webgpu":
		if b.Name != "webgpu" || b.Adapter == "" || b.Adapter == "WebGPU Adapter" || !strings.Contains(b.Limits, "maxStorageBufferBindingSize") {
			t.Errorf("page %s: backend() = %+v; want webgpu with the adapter's name and limits", name, b)
		}
	case "cpu":
		if b.Name != "cpu" || b.Reason != "the CPU backend was asked for" {
			t.Errorf("page %s: backend=cpu gave %+v", name, b)
		}
	case "auto":
		if !(b.Name == "webgpu" && b.Adapter != "") && !(b.Name == "cpu" && strings.Contains(b.Reason, "is a software renderer")) {
			t.Errorf("page %s: auto gave %+v; want webgpu on a named adapter, or cpu because the adapter is a software renderer", name, b)
		}
	}
	if name != "embed" && (!strings.Contains(p.BackendText, b.Name) || !strings.Contains(p.BackendText, b.Reason) ||
		!strings.Contains(p.BackendText, b.Adapter)) {
		t.Errorf("page %s: the backend line %q does not name the backend, its adapter and its reason", name, p.BackendText)
	}
	if name == "loss" {
		checkLoss(t, p.Loss)
	}
	t.Logf("page %s: %s on %q: %s", name, b.Name, b.Adapter, b.Reason)
}

// checkLoss: after the simulated loss the page runs on the CPU, says why (on the backend
// line too), and trains on past the step reached before the loss, without an error.
func checkLoss(t *testing.T, l *lossPage) {
	if l == nil {
		t.Error("loss: no observations")
		return
	}
	if !l.Simulated {
		t.Error("loss: simulateDeviceLoss returned false: the page did not run on WebGPU")
	}
	if l.Backend == nil || l.Backend.Name != "cpu" || !strings.HasPrefix(l.Backend.Reason, "WebGPU device lost: ") {
		t.Errorf("loss: backend() after the loss = %+v; want cpu, \"WebGPU device lost: …\"", l.Backend)
	} else if !strings.Contains(l.BackendText, "cpu") || !strings.Contains(l.BackendText, "WebGPU device lost") {
		t.Errorf("loss: the backend line after the loss is %q", l.BackendText)
	}
	before, after, later := l.Before["step"], l.After["step"], l.Later["step"]
	// The snapshot was taken at step 30 (SnapshotEvery is 20): the step(10) that met the loss
	// runs again from there on the CPU.
	if before != 30 || after != 40 || later <= after {
		t.Errorf("loss: steps %v before the loss, %v after step(10), %v after playing; want 30, 40, > 40", before, after, later)
	}
	for _, k := range []string{"loss_D", "loss_G", "w1"} {
		if _, ok := l.Later[k]; !ok {
			t.Errorf("loss: metrics after the fallback lack %s: %v", k, l.Later)
		}
	}
	if len(l.Errors) > 0 {
		t.Errorf("loss: errors() after the fallback: %v", l.Errors)
	}
	t.Logf("loss: step %v → loss → %v → %v, backend %+v", before, after, later, l.Backend)
}
