// Package shaders holds the WGSL compute kernels of the WebGPU backend, one file per family
// of engine.Backend methods (fill.wgsl for Fill, unary.wgsl for Unary, and so on), embedded
// so that the native and the browser builds carry the same source.
//
// Every kernel follows the same conventions: binding 0 is a uniform that carries the typed
// op selector and the geometry, binding 1 is the output (read_write storage), and the inputs
// follow (read-only storage unless the kernel updates them in place). Elementwise kernels run
// 64 invocations per workgroup on a 2-D grid of workgroups; the uniform's row field is the
// number of invocations in one grid row, so that the element index is gid.y·row + gid.x.
package shaders

import (
	"embed"
	"fmt"
)

//go:embed *.wgsl
var FS embed.FS

// Source returns the WGSL text of the named file, such as "unary.wgsl".
func Source(name string) (string, error) {
	b, err := FS.ReadFile(name)
	if err != nil {
		return "", fmt.Errorf("shaders: %w", err)
	}
	return string(b), nil
}
