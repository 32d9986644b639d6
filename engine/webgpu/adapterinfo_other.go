//go:build !js

package webgpu

import "github.com/gogpu/wgpu"

// browserAdapterInfo has nothing to add natively: the HAL reports the adapter in full.
func browserAdapterInfo(*wgpu.AdapterInfo) {}
