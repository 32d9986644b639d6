//go:build js && wasm

package main

import (
	"context"
	"fmt"
	"syscall/js"

	"github.com/ganplay/ganplay/demos"
	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/backends"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/engine/webgpu"
)

// pickBackend chooses the engine backend that the URL asks for (backend=auto, the default;
// webgpu; cpu) through engine/backends, the rule that ganctl follows too: auto passes over
// a software adapter (SwiftShader, which the browser reports as a fallback adapter; see
// webgpu.Info.Software), which is slower than the CPU backend. When WebGPU was asked for
// and cannot run, the CPU backend runs and the reason says why. It waits on JS promises:
// call it from main, never from a JS callback.
func pickBackend(s demos.Settings) (engine.Backend, demos.BackendInfo) {
	be, info, err := backends.Choose(context.Background(), s.Backend.String())
	if err != nil {
		be = cpu.New()
		info = backends.Info{Name: be.Name(), Reason: fmt.Sprintf("backend=%s was asked for, but %v", s.Backend, err)}
	}
	js.Global().Get("console").Call("log", "ganplay: "+info.String())
	return be, demos.BackendInfo{Name: info.Name, Adapter: info.Adapter, Limits: info.Limits, Reason: info.Reason}
}

// publishBackend sets window.ganplay.backend(), which reports the backend that runs now
// ({name, adapter, limits, reason}; after a lost device: cpu, "WebGPU device lost: …"), and
// the test hook window.ganplay.simulateDeviceLoss(reason), which makes the WebGPU backend
// behave as if its device were lost and returns whether it ran on WebGPU.
func publishBackend(api js.Value, app *demos.App, be engine.Backend) {
	api.Set("backend", js.FuncOf(func(js.Value, []js.Value) any {
		b := app.Snapshot().Backend
		return map[string]any{"name": b.Name, "adapter": b.Adapter, "limits": b.Limits, "reason": b.Reason}
	}))
	gb, _ := be.(*webgpu.Backend)
	api.Set("simulateDeviceLoss", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if gb == nil {
			return false
		}
		reason := "window.ganplay.simulateDeviceLoss"
		if len(args) > 0 && args[0].Type() == js.TypeString {
			reason = args[0].String()
		}
		gb.SimulateLoss(reason) // atomic: safe from a JS callback
		return true
	}))
}
