package webgpu

import (
	"cmp"
	"slices"
	"sync"

	"github.com/gogpu/wgpu"
)

// pool recycles the GPU buffers of tensors that the engine released (engine.Releaser) or
// that the garbage collector found unreachable, keyed by size: a training step allocates the same sizes again and again, and creating a GPU
// buffer costs far more than a map lookup.
//
// Recycling is safe although recorded work may still use a recycled buffer: every op is
// recorded in program order and runs in that order, so the new owner's writes come after the
// old owner's last use.
//
// get hands out the idle buffer that first came to the pool (the lowest rank), not the last
// one put back: a training step that allocates and releases the same sizes in the same order
// from the same idle set then gets the same buffers every step, so that its bind groups,
// keyed by buffer, come from the cache (a stack handed them out in an order that drifted from
// step to step, and an image GAN created every bind group anew).
type pool struct {
	mu    sync.Mutex
	free  map[uint64][]*wgpu.Buffer // by size, each list in increasing rank
	rank  map[*wgpu.Buffer]uint64   // the order in which buffers first came to the pool
	ranks uint64
	held  uint64         // bytes held in free
	drop  []*wgpu.Buffer // beyond maxHeld: released after the next submission
}

const maxHeld = 1 << 30 // bytes

func newPool() *pool {
	return &pool{free: make(map[uint64][]*wgpu.Buffer), rank: make(map[*wgpu.Buffer]uint64)}
}

// get returns the idle buffer of size bytes with the lowest rank, or nil.
func (p *pool) get(size uint64) *wgpu.Buffer {
	p.mu.Lock()
	defer p.mu.Unlock()
	list := p.free[size]
	if len(list) == 0 {
		return nil
	}
	wb := list[0]
	p.free[size] = slices.Delete(list, 0, 1)
	p.held -= size
	return wb
}

// put takes back the buffer of a tensor that was released or has become unreachable (then
// on the garbage collector's cleanup goroutine). A buffer beyond the pool's capacity is not released here:
// recorded but unsubmitted work may still bind it.
func (p *pool) put(wb *wgpu.Buffer) {
	p.mu.Lock()
	defer p.mu.Unlock()
	size := wb.Size()
	if p.held+size > maxHeld {
		delete(p.rank, wb)
		p.drop = append(p.drop, wb)
		return
	}
	r, ok := p.rank[wb]
	if !ok {
		r = p.ranks
		p.ranks++
		p.rank[wb] = r
	}
	list := p.free[size]
	i, _ := slices.BinarySearchFunc(list, r, func(x *wgpu.Buffer, r uint64) int { return cmp.Compare(p.rank[x], r) })
	p.free[size] = slices.Insert(list, i, wb)
	p.held += size
}

// releaseDropped releases the buffers put beyond capacity, after calling before (when there
// are any) to drop what refers to them; the caller has just submitted every recorded
// command, and wgpu keeps a submitted buffer alive until the GPU is done.
func (p *pool) releaseDropped(before func()) {
	p.mu.Lock()
	drop := p.drop
	p.drop = nil
	p.mu.Unlock()
	if len(drop) > 0 && before != nil {
		before()
	}
	for _, wb := range drop {
		wb.Release()
	}
}

// releaseAll releases every pooled buffer.
func (p *pool) releaseAll() {
	p.releaseDropped(nil)
	p.mu.Lock()
	defer p.mu.Unlock()
	for size, list := range p.free {
		for _, wb := range list {
			delete(p.rank, wb)
			wb.Release()
		}
		delete(p.free, size)
	}
	p.held = 0
}
