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
// Per-dispatch costs are kept low: the parameters of one submission go into one uniform
// buffer that is kept and rewritten (a new one only for a submission recorded while an
// earlier one may still run), and bind groups are cached by kernel, parameter offset and
// buffers, so that a loop that records the same dispatches on the same buffers creates no
// bind group after its first iteration (see bindKey). The matmul kernels (matmul.wgsl) are
// tiled in workgroup memory with vec4 loads and 8×8 (or 4×4) outputs per invocation; every
// tensor buffer is rounded up to 16 bytes so that they can bind operands as vec4 arrays.
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
