//go:build js && wasm

package main

import (
	"sync"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"
)

// frameHold suspends the demo's frames while something is measured. In headless Chromium
// the demo's drawing (a 960×560 canvas uploaded and composited every frame, on SwiftShader's
// WebGL) keeps the GPU process busy: a WebGPU submission and map that takes about 1 ms in an
// idle page took 150-1500 ms beside it. Holding switches Ebiten to FPSModeVsyncOffMinimum,
// where Update and Draw run only on input or ScheduleFrame; releasing restores the mode.
// The demo's state is untouched: its ticks are delayed, not dropped or changed.
var frameHold struct {
	sync.Mutex
	n    int
	prev ebiten.FPSModeType
}

// holdFrames(true) adds a hold and holdFrames(false) removes one; frames run again when
// none is left.
func holdFrames(on bool) {
	frameHold.Lock()
	defer frameHold.Unlock()
	switch {
	case on:
		if frameHold.n == 0 {
			frameHold.prev = ebiten.FPSMode()
			ebiten.SetFPSMode(ebiten.FPSModeVsyncOffMinimum) //nolint:staticcheck // the one mode that stops frames
		}
		frameHold.n++
	case frameHold.n > 0:
		frameHold.n--
		if frameHold.n == 0 {
			ebiten.SetFPSMode(frameHold.prev) //nolint:staticcheck
			ebiten.ScheduleFrame()            //nolint:staticcheck
		}
	}
}

// publishHoldFrames sets window.ganplay.holdFrames(bool), for a page that measures its own
// work (the benchmark page's TF.js rows) under the same conditions as benchmark().
func publishHoldFrames(api js.Value) {
	api.Set("holdFrames", js.FuncOf(func(_ js.Value, args []js.Value) any {
		holdFrames(len(args) > 0 && args[0].Truthy())
		return nil
	}))
}
