// Package backends chooses the engine backend that a program runs on: the WebGPU backend
// (engine/webgpu) when an adapter and a device can be had, the CPU backend (engine/cpu)
// otherwise, or the one a user asked for. The browser entry point (wasm) and the CLI
// (cmd/ganctl) both call Choose, so the rule lives in one place.
//
// Natively this package links gogpu/wgpu, which must not share a binary with Ebiten (see
// DESIGN.md, the link constraint): the desktop program and package demos do not import it.
package backends

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/engine/webgpu"
)

// What a user may ask for (the URL parameter backend=, ganctl's -backend flag and the
// environment variable GANPLAY_BACKEND).
const (
	Auto   = "auto"   // WebGPU when an adapter and a device can be had, CPU otherwise
	WebGPU = "webgpu" // WebGPU or an error
	CPU    = "cpu"    // the CPU backend
)

// Names lists the values Choose accepts, Auto first.
var Names = []string{Auto, WebGPU, CPU}

// EnvVar is the environment variable that tests and the CLI read for the default choice.
const EnvVar = "GANPLAY_BACKEND"

// Info says which backend runs and why.
type Info struct {
	Name    string // "webgpu" or "cpu"
	Adapter string // the GPU adapter's name; "" on the CPU backend
	Limits  string // a summary of the device's limits that the kernels depend on (WebGPU)
	Reason  string // why this backend runs: what was asked for, or why WebGPU could not be used
}

// String is the line a program prints about its backend.
func (i Info) String() string {
	s := "backend: " + i.Name
	if i.Adapter != "" {
		s += " on " + i.Adapter
	}
	if i.Reason != "" {
		s += " (" + i.Reason + ")"
	}
	if i.Limits != "" {
		s += "; limits: " + i.Limits
	}
	return s
}

// Parse checks a choice: "" and "auto" mean Auto; case and spaces do not matter.
func Parse(want string) (string, error) {
	w := strings.ToLower(strings.TrimSpace(want))
	switch w {
	case "", Auto:
		return Auto, nil
	case WebGPU, CPU:
		return w, nil
	}
	return "", fmt.Errorf("backends: unknown backend %q (want one of %s)", want, strings.Join(Names, ", "))
}

// FromEnv returns the choice in GANPLAY_BACKEND, or Auto when it is unset.
func FromEnv() string {
	if v := os.Getenv(EnvVar); v != "" {
		return v
	}
	return Auto
}

// Choose returns the backend that want (Auto, WebGPU or CPU; see Parse) selects and says
// why. Auto takes the WebGPU backend when an adapter and a device can be had and falls back
// to the CPU backend otherwise, with the reason. It also prefers the CPU backend to a
// software adapter, which is much slower than it: natively Mesa's lavapipe takes 130 ms per
// toy-GAN iteration where the CPU backend takes 2 ms; in headless Chromium SwiftShader takes
// 340-410 ms per step of the playground's default model where the wasm CPU backend takes
// 45-50 ms. WebGPU fails when no device can be had, and takes a software adapter. A WebGPU
// backend should be closed (webgpu.Backend.Close) when the program is done with it. In the
// browser Choose waits on JS promises: call it from main or a goroutine, never from a JS
// callback.
func Choose(ctx context.Context, want string) (engine.Backend, Info, error) {
	return choose(ctx, want, webgpu.New, webgpu.Info.Software)
}

// opener opens the WebGPU backend (webgpu.New, or a stand-in in tests).
type opener func(context.Context) (*webgpu.Backend, error)

// choose is Choose with its seams: open opens the WebGPU backend and software says whether
// its adapter is a software renderer (webgpu.Info.Software; tests substitute both).
func choose(ctx context.Context, want string, open opener, software func(webgpu.Info) bool) (engine.Backend, Info, error) {
	w, err := Parse(want)
	if err != nil {
		return nil, Info{}, err
	}
	if w == CPU {
		return cpuBackend("the CPU backend was asked for")
	}
	gb, err := open(ctx)
	if err != nil {
		if w == WebGPU {
			return nil, Info{}, fmt.Errorf("backends: the WebGPU backend was asked for but cannot run: %w", err)
		}
		return cpuBackend("no WebGPU: " + err.Error())
	}
	gi := gb.Info()
	name := gi.Adapter
	info := Info{Name: gb.Name(), Adapter: name, Limits: LimitsSummary(gi), Reason: "the WebGPU backend was asked for"}
	if w == Auto {
		if software(gi) {
			gb.Close()
			return cpuBackend(fmt.Sprintf("the only WebGPU adapter, %s, is a software renderer, slower than the CPU backend (ask for webgpu to use it)", name))
		}
		info.Reason = "a WebGPU adapter and device are available"
	}
	return gb, info, nil
}

func cpuBackend(reason string) (engine.Backend, Info, error) {
	b := cpu.New()
	return b, Info{Name: b.Name(), Reason: reason}, nil
}

// LimitsSummary lists the device limits that bound what the WebGPU backend can run: the
// largest tensor (maxStorageBufferBindingSize, maxBufferSize) and the workgroup limits.
func LimitsSummary(i webgpu.Info) string {
	l := i.Limits
	return fmt.Sprintf("maxStorageBufferBindingSize %s, maxBufferSize %s, maxComputeWorkgroupSizeX %d, "+
		"maxComputeInvocationsPerWorkgroup %d, maxComputeWorkgroupsPerDimension %d, maxComputeWorkgroupStorageSize %s",
		bytesString(l.MaxStorageBufferBindingSize), bytesString(l.MaxBufferSize), l.MaxComputeWorkgroupSizeX,
		l.MaxComputeInvocationsPerWorkgroup, l.MaxComputeWorkgroupsPerDimension, bytesString(uint64(l.MaxComputeWorkgroupStorageSize)))
}

// bytesString writes n bytes in the largest binary unit that divides it.
func bytesString(n uint64) string {
	for _, u := range []struct {
		unit  string
		shift uint
	}{{"GiB", 30}, {"MiB", 20}, {"KiB", 10}} {
		if n >= 1<<u.shift && n%(1<<u.shift) == 0 {
			return fmt.Sprintf("%d %s", n>>u.shift, u.unit)
		}
	}
	return fmt.Sprintf("%d B", n)
}
