package webgpu

import _ "github.com/gogpu/wgpu/hal/metal" // Metal, the primary API on Apple platforms
