package cpu

import (
	"runtime"
	"sync"
)

// pool recycles buffer storage. A training step allocates the same sizes again and again; a
// fresh Go slice costs an allocation and a clearing pass, so when the garbage collector finds
// a buffer unreachable, a cleanup hands its slice back here, keyed by length, for the next
// Alloc of that length. Slices shorter than minPooled are cheaper to allocate than to track.
type pool struct {
	mu   sync.Mutex
	free map[int][][]float32
	held int // elements held in free
}

const (
	minPooled = 1024
	maxHeld   = 8 << 20 // elements (32 MiB); beyond it, returned slices go to the GC
)

func newPool() *pool { return &pool{free: make(map[int][][]float32)} }

// get returns a buffer of n elements with unspecified contents.
func (p *pool) get(n int) *buffer {
	if n < minPooled {
		return &buffer{d: make([]float32, n)}
	}
	p.mu.Lock()
	var d []float32
	if list := p.free[n]; len(list) > 0 {
		d = list[len(list)-1]
		list[len(list)-1] = nil
		p.free[n] = list[:len(list)-1]
		p.held -= n
	}
	p.mu.Unlock()
	if d == nil {
		d = make([]float32, n)
	}
	b := &buffer{d: d}
	runtime.AddCleanup(b, p.put, d)
	return b
}

// put takes back the storage of a buffer that has become unreachable.
func (p *pool) put(d []float32) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.held+len(d) > maxHeld {
		return
	}
	p.free[len(d)] = append(p.free[len(d)], d)
	p.held += len(d)
}
