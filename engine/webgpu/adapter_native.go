//go:build !js

package webgpu

import (
	"github.com/gogpu/gputypes"
	"github.com/gogpu/wgpu"

	// The Vulkan HAL registers itself; hal/allbackends is not used because it also
	// registers the software rasterizer, which our kernels cannot run on.
	_ "github.com/gogpu/wgpu/hal/vulkan"
)

// instanceDescriptor asks for the primary native APIs only.
func instanceDescriptor() *wgpu.InstanceDescriptor {
	return &wgpu.InstanceDescriptor{Backends: gputypes.BackendsVulkan | gputypes.BackendsMetal | gputypes.BackendsDX12}
}
