package cpu

import (
	"sync"

	"github.com/ganplay/ganplay/engine"
)

// freeList keeps released buffers by length for the next Alloc of that length. The engine
// releases a buffer only when nothing can reference it (engine.Releaser), so a training step
// reuses the previous step's gradient storage, warm in cache, instead of clearing fresh
// slices. It holds at most maxFree elements (see maxfree_*.go); beyond that released
// buffers go to the GC. The cap must exceed what one training step makes, or every step
// clears fresh memory for the excess: a 64×64 CycleGAN step with 32 filters makes about
// 500 MB.
type freeList struct {
	mu   sync.Mutex
	bufs map[int][]*buffer
	held int
}

// Release implements engine.Releaser.
func (b *Backend) Release(buf engine.Buffer) {
	cb, ok := buf.(*buffer)
	if !ok || len(cb.d) == 0 {
		return
	}
	f := &b.free
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.held+len(cb.d) > maxFree {
		return
	}
	if f.bufs == nil {
		f.bufs = make(map[int][]*buffer)
	}
	f.bufs[len(cb.d)] = append(f.bufs[len(cb.d)], cb)
	f.held += len(cb.d)
}

// take returns a released buffer of n elements, or nil.
func (f *freeList) take(n int) *buffer {
	f.mu.Lock()
	defer f.mu.Unlock()
	list := f.bufs[n]
	if len(list) == 0 {
		return nil
	}
	b := list[len(list)-1]
	list[len(list)-1] = nil
	f.bufs[n] = list[:len(list)-1]
	f.held -= n
	return b
}
