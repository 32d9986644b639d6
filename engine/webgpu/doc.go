// Package webgpu is the engine.Backend that runs every op as a WGSL compute shader through
// github.com/gogpu/wgpu: natively on Vulkan (Metal, DX12) and, from the same code built with
// GOOS=js GOARCH=wasm, on the browser's WebGPU. The kernels live in the shaders package, one
// file per family of Backend methods.
//
// Buffers stay on the GPU. Ops are recorded, not run: the backend keeps a list of dispatches
// and turns it into one command encoder, one compute pass and one queue submission when a
// Read needs a result (or when the list grows long). Read copies the buffer into a staging
// buffer in that same submission and maps it.
//
// Limits are the adapter's, requested explicitly. A tensor larger than
// maxStorageBufferBindingSize panics with a message that says so; large ops spread their
// workgroups over a 2-D grid to stay within maxComputeWorkgroupsPerDimension.
//
// Natively the package registers gogpu/wgpu's Vulkan HAL (and Metal on macOS, DX12 on
// Windows) but never its software rasterizer, which ignores barriers and workgroup memory.
// Like everything that links gogpu/wgpu natively, it must not share a binary with Ebiten
// (see DESIGN.md, the link constraint).
package webgpu
