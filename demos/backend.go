package demos

import "fmt"

// BackendKind is the engine backend that the URL parameter backend= asks for. The choice is
// made once, when the page loads (package engine/backends, called by the wasm entry point):
// demos never links the WebGPU backend itself, so that the desktop program, which links
// Ebiten, stays free of gogpu/wgpu (DESIGN.md, the link constraint).
type BackendKind int

// The choices, as engine/backends names them.
const (
	BackendAuto   BackendKind = iota // WebGPU when an adapter and a device can be had, CPU otherwise
	BackendWebGPU                    // WebGPU (the CPU backend, with the reason, when it cannot run)
	BackendCPU                       // the CPU backend
)

var backendNames = []string{"auto", "webgpu", "cpu"}

// BackendNames returns the values of backend=, in the order of BackendKind.
func BackendNames() []string { return append([]string(nil), backendNames...) }

// String returns the choice's URL name.
func (k BackendKind) String() string {
	if k >= 0 && int(k) < len(backendNames) {
		return backendNames[k]
	}
	return fmt.Sprintf("BackendKind(%d)", int(k))
}

// BackendInfo says which engine backend runs and why; the page shows it
// (window.ganplay.backend() and the backend line).
type BackendInfo struct {
	Name    string // "webgpu" or "cpu"
	Adapter string // the GPU adapter, if any
	Limits  string // a summary of the GPU device's limits, if any
	Reason  string // why this backend runs (what was asked for, why WebGPU could not run or was lost)
}
