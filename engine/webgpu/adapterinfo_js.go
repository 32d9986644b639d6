//go:build js

package webgpu

import (
	"strings"
	"syscall/js"

	"github.com/ganplay/ganplay/internal/jspromise"
	"github.com/gogpu/gputypes"
	"github.com/gogpu/wgpu"
)

// browserAdapterInfo fills in what gogpu/wgpu's browser backend leaves out of the adapter's
// info (it names every adapter "WebGPU Adapter"): GPUAdapter.info's vendor, architecture
// and description, such as "google swiftshader", and a device type of CPU for a fallback
// (software) adapter, so that Info names the adapter and Info.Software can tell Chromium's
// SwiftShader from a GPU. It waits on a JS promise.
func browserAdapterInfo(ai *wgpu.AdapterInfo) {
	gpu := js.Global().Get("navigator").Get("gpu")
	if gpu.IsUndefined() || gpu.IsNull() {
		return
	}
	a, err := jspromise.Await(gpu.Call("requestAdapter", map[string]any{"powerPreference": "high-performance"}))
	if err != nil || a.IsNull() || a.IsUndefined() {
		return
	}
	info := a.Get("info")
	if info.IsUndefined() || info.IsNull() {
		return
	}
	field := func(k string) string {
		if v := info.Get(k); v.Type() == js.TypeString {
			return v.String()
		}
		return ""
	}
	vendor, arch, desc := field("vendor"), field("architecture"), field("description")
	var parts []string
	for _, s := range []string{vendor, arch, desc} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) > 0 {
		ai.Name = strings.Join(parts, " ")
	}
	if vendor != "" {
		ai.Vendor = vendor
	}
	if arch != "" && ai.Driver == "" {
		ai.Driver = arch
	}
	if info.Get("isFallbackAdapter").Truthy() || a.Get("isFallbackAdapter").Truthy() {
		ai.DeviceType = gputypes.DeviceTypeCPU
	}
}
