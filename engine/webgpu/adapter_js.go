//go:build js

package webgpu

import "github.com/gogpu/wgpu"

// instanceDescriptor is nil in the browser: navigator.gpu is the only backend.
func instanceDescriptor() *wgpu.InstanceDescriptor { return nil }
