package engine

// Releaser is implemented by backends that can reuse a buffer once nothing references it:
// the CPU backend keeps it for the next Alloc of the same size, a GPU backend avoids
// creating (and waiting for the collection of) device buffers.
type Releaser interface {
	// Release hands back a buffer that the engine will not touch again.
	Release(b Buffer)
}

// recycler returns to the backend, during a backward pass without CreateGraph, every
// buffer that the pass allocated and no longer needs: the temporaries of the backward
// rules and the gradients of intermediate tensors once they have been passed on. Buffers
// allocated before the pass (forward activations, user tensors) are never released, and a
// buffer is released only when no gradient in the map refers to it (gradients may share
// buffers: add passes g on to both inputs, reshape returns a view).
type recycler struct {
	dev   *Device
	rel   Releaser
	fresh map[Buffer]bool // allocated during this pass
	refs  map[Buffer]int  // references from the gradient map
	drop  []Buffer        // candidates to check at the next settle
}

func newRecycler(dev *Device, rel Releaser) *recycler {
	rc := &recycler{dev: dev, rel: rel, fresh: make(map[Buffer]bool), refs: make(map[Buffer]int)}
	dev.tracked = dev.tracked[:0]
	dev.tracking = true
	return rc
}

// stop ends the tracking of allocations on the device.
func (rc *recycler) stop() {
	rc.dev.tracking = false
	rc.dev.tracked = rc.dev.tracked[:0]
}

// ref counts a gradient map entry that refers to g's buffer.
func (rc *recycler) ref(g *Tensor) {
	if rc != nil {
		rc.refs[g.buf]++
	}
}

// unref drops a gradient map entry that referred to g's buffer.
func (rc *recycler) unref(g *Tensor) {
	if rc == nil {
		return
	}
	if rc.refs[g.buf]--; rc.refs[g.buf] <= 0 {
		delete(rc.refs, g.buf)
		rc.drop = append(rc.drop, g.buf)
	}
}

// settle marks what was allocated since the last call as fresh and releases every fresh
// buffer that no gradient refers to any more.
func (rc *recycler) settle() {
	if rc == nil {
		return
	}
	for _, b := range rc.dev.tracked {
		rc.fresh[b] = true
		rc.drop = append(rc.drop, b)
	}
	rc.dev.tracked = rc.dev.tracked[:0]
	for _, b := range rc.drop {
		if rc.fresh[b] && rc.refs[b] == 0 {
			delete(rc.fresh, b)
			rc.dev.release(rc.rel, b)
		}
	}
	rc.drop = rc.drop[:0]
}
