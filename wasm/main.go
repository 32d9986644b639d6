//go:build js && wasm

// Command wasm is ganplay's browser entry point (static/ganplay.wasm). For now it starts
// the engine's CPU backend, runs one tiny computation through it, and publishes
//
//	window.ganplay = {
//	  ready:   Promise, resolved once the engine is up (rejected with the error if not),
//	  backend: () => ({name, adapter, reason}),
//	  check:   () => the result of [[1 2] [3 4]] x [[1 2] [3 4]] as an array, or null,
//	}
//
// JS callbacks here only return values computed beforehand: a callback that blocks on a
// JS promise deadlocks the Go program, so all work happens on main or goroutines.
package main

import (
	"fmt"
	"runtime/debug"
	"syscall/js"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
)

type backendInfo struct {
	name, adapter, reason string
}

func main() {
	var resolve, reject js.Value
	ready := js.Global().Get("Promise").New(js.FuncOf(func(_ js.Value, args []js.Value) any {
		resolve, reject = args[0], args[1]
		return nil
	}))

	var (
		info  backendInfo
		check js.Value = js.Null()
	)
	api := js.Global().Get("Object").New()
	api.Set("ready", ready)
	api.Set("backend", js.FuncOf(func(js.Value, []js.Value) any {
		return map[string]any{"name": info.name, "adapter": info.adapter, "reason": info.reason}
	}))
	api.Set("check", js.FuncOf(func(js.Value, []js.Value) any { return check }))
	js.Global().Set("ganplay", api)

	// The work runs on main, never inside a callback.
	vals, b, err := start()
	info = b
	if err != nil {
		js.Global().Get("console").Call("error", "ganplay:", err.Error())
		reject.Invoke(js.Global().Get("Error").New(err.Error()))
	} else {
		arr := make([]any, len(vals))
		for i, v := range vals {
			arr[i] = float64(v)
		}
		check = js.ValueOf(arr)
		resolve.Invoke(true)
	}
	select {}
}

// start picks the backend and multiplies [[1 2] [3 4]] by itself on it.
func start() (vals []float32, info backendInfo, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("engine check panicked: %v\n%s", r, debug.Stack())
		}
	}()
	reason := "WebGPU backend not built yet"
	if gpu := js.Global().Get("navigator").Get("gpu"); gpu.IsUndefined() {
		reason += "; this browser has no navigator.gpu"
	}
	be := cpu.New()
	info = backendInfo{name: be.Name(), adapter: "", reason: reason}
	dev := engine.NewDevice(be)
	a := dev.FromSlice([]float32{1, 2, 3, 4}, 2, 2)
	return a.MatMul(a).Data(), info, nil
}
