//go:build js

package cpu

// maxFree is smaller in the browser, whose wasm memory is at most 4 GiB and shared with
// everything else on the page.
const maxFree = 64 << 20 // elements (256 MiB)
