package engine

// Scope runs f and then hands back to the backend (when it implements Releaser) the storage
// of every tensor made inside f, except the tensors f returns and any tensor sharing their
// storage. It is for one training step: the step's activations, batches and gradients are
// dead once the step is done, and reusing their storage spares clearing fresh memory. A
// tensor made inside f and not returned must not be used afterwards: its storage is marked
// released and any use panics. Scopes do not nest: an inner Scope just runs f.
func (d *Device) Scope(f func() (keep []*Tensor)) []*Tensor {
	rel, ok := d.b.(Releaser)
	if !ok || d.scope != nil {
		return f()
	}
	s := &scope{released: make(map[Buffer]bool)}
	d.scope = s
	defer func() { d.scope = nil }()
	keep := f()
	kept := make(map[Buffer]bool, len(keep))
	for _, t := range keep {
		if t != nil {
			kept[t.buf] = true
		}
	}
	for _, t := range s.made {
		b := t.buf
		if _, done := b.(releasedBuffer); done || kept[b] {
			continue
		}
		t.buf = releasedBuffer{}
		if s.released[b] {
			continue
		}
		s.released[b] = true
		rel.Release(b)
	}
	return keep
}

// Outside runs f with the open Scope (if any) suspended: tensors made inside f are not
// the scope's and outlive it. It is for state that a step creates once and keeps across
// steps (a history pool's slots, a model's copy of its last batch); outside a scope it
// just runs f.
func (d *Device) Outside(f func()) {
	s := d.scope
	d.scope = nil
	defer func() { d.scope = s }()
	f()
}

// scope records the tensors made inside Device.Scope and the buffers already released
// there (by a backward pass's recycler), so that no buffer is released twice.
type scope struct {
	made     []*Tensor
	released map[Buffer]bool
}

// release hands b back to the backend, once.
func (d *Device) release(rel Releaser, b Buffer) {
	if d.scope != nil {
		if d.scope.released[b] {
			return
		}
		d.scope.released[b] = true
	}
	rel.Release(b)
}

// releasedBuffer replaces the storage of a tensor released by Scope; any backend use of it
// panics with a message that says so.
type releasedBuffer struct{}

func (releasedBuffer) Len() int {
	panic("engine: tensor used after Device.Scope released its storage")
}
