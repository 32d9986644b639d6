package gemm

import (
	"sync"
	"unsafe"
)

// workspace holds the packing buffers of one goroutine running the blocked
// algorithm. Workspaces are recycled through wsPool, so the steady state does
// not allocate.
type workspace struct {
	a   []float32 // packed block of op(A), mc×kc rounded up to whole slivers
	b   []float32 // packed block of op(B), kc×nc rounded up to whole slivers
	tmp []float32 // one mr×nr tile for the edges of C
}

// wsPool recycles workspaces between calls and goroutines.
var wsPool sync.Pool

// getWorkspace returns a workspace whose buffers hold at least na, nb and nt
// values.
func getWorkspace(na, nb, nt int) *workspace {
	ws, _ := wsPool.Get().(*workspace)
	if ws == nil {
		ws = new(workspace)
	}
	if len(ws.a) < na {
		ws.a = alignedFloats(na)
	}
	if len(ws.b) < nb {
		ws.b = alignedFloats(nb)
	}
	if len(ws.tmp) < nt {
		ws.tmp = alignedFloats(nt)
	}
	return ws
}

// putWorkspace returns ws to the pool.
func putWorkspace(ws *workspace) { wsPool.Put(ws) }

// cacheLine is the alignment, in bytes, of the packing buffers.
const cacheLine = 64

// alignedFloats returns a zeroed slice of n float32 values whose first element
// starts on a cache-line boundary.
func alignedFloats(n int) []float32 {
	const extra = cacheLine / 4
	buf := make([]float32, n+extra)
	addr := uintptr(unsafe.Pointer(unsafe.SliceData(buf)))
	off := int((cacheLine-addr%cacheLine)%cacheLine) / 4
	return buf[off : off+n : off+n]
}
