package cpu

import (
	"context"
	"fmt"
	"sync/atomic"

	"github.com/ganplay/ganplay/engine"
)

// Backend is the CPU implementation of engine.Backend. Its zero value is not usable; call New.
type Backend struct {
	workers int // goroutines that large ops are split across
	free    freeList

	fresh, reused atomic.Int64 // Allocs served by new memory and by released buffers
	freshElems    atomic.Int64 // elements of the fresh ones
}

// AllocStats counts a backend's allocations since it was made.
type AllocStats struct {
	Fresh      int64 // buffers made from new memory
	FreshElems int64 // their elements
	Reused     int64 // buffers served from released ones (see Release)
}

// AllocStats returns the allocation counts so far. A training loop whose steps hand their
// storage back (engine.Device.Scope) reaches a steady state in which Fresh stops growing.
func (b *Backend) AllocStats() AllocStats {
	return AllocStats{Fresh: b.fresh.Load(), FreshElems: b.freshElems.Load(), Reused: b.reused.Load()}
}

// New returns a CPU backend that splits large ops across runtime.GOMAXPROCS goroutines.
func New() *Backend { return &Backend{workers: defaultWorkers()} }

// buffer is a CPU buffer: a plain slice.
type buffer struct{ d []float32 }

func (b *buffer) Len() int { return len(b.d) }

// data returns the slice behind a buffer of this backend.
func data(b engine.Buffer) []float32 {
	cb, ok := b.(*buffer)
	if !ok {
		panic(fmt.Sprintf("cpu: buffer of type %T does not belong to the CPU backend", b))
	}
	return cb.d
}

// Name returns "cpu".
func (*Backend) Name() string { return "cpu" }

// Alloc returns a buffer of n elements with unspecified contents: one the engine released
// (see Release), or a fresh slice. (Recycling through runtime.AddCleanup instead was tried:
// reuse waited a whole GC cycle, so the pool held a cycle of garbage, stretched the cycles
// and grew the heap to over a gigabyte for no gain in speed.)
func (b *Backend) Alloc(n int) engine.Buffer {
	if buf := b.free.take(n); buf != nil {
		b.reused.Add(1)
		return buf
	}
	b.fresh.Add(1)
	b.freshElems.Add(int64(n))
	return &buffer{d: make([]float32, n)}
}

// Write copies src into dst.
func (*Backend) Write(dst engine.Buffer, src []float32) {
	d := data(dst)
	if len(d) != len(src) {
		panic(fmt.Sprintf("cpu: Write of %d values into a buffer of %d", len(src), len(d)))
	}
	copy(d, src)
}

// Read copies src into dst; CPU work is already done when a call returns.
func (*Backend) Read(_ context.Context, src engine.Buffer, dst []float32) error {
	s := data(src)
	if len(s) != len(dst) {
		return fmt.Errorf("cpu: Read of a buffer of %d into %d values", len(s), len(dst))
	}
	copy(dst, s)
	return nil
}

// Fill sets every element of dst to v.
func (*Backend) Fill(dst engine.Buffer, v float32) {
	d := data(dst)
	for i := range d {
		d[i] = v
	}
}
