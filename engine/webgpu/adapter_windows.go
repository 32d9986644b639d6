package webgpu

import _ "github.com/gogpu/wgpu/hal/dx12" // DirectX 12, beside Vulkan
