//go:build !js

package webgpu

import (
	"testing"

	"github.com/ganplay/ganplay/bench"
	"github.com/ganplay/ganplay/engine"
)

// TestStepsReuseBindGroups trains the Pix2pix benchmark model (its steps run in a
// Device.Scope) and checks that once the pool holds a step's buffers, a step gets the same
// buffers as the last and so finds its bind groups in the cache. With a pool that handed out
// buffers in a drifting order (a stack), step 3 still created 330 of its 697 bind groups
// anew, and on a GPU every step created all of them.
func TestStepsReuseBindGroups(t *testing.T) {
	b := newBackend(t)
	m, src, err := bench.NewPix2pix(engine.NewDevice(b), 1)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 4 {
		s0 := b.Stats()
		losses, err := m.Step(src)
		if err != nil {
			t.Fatal(err)
		}
		_ = losses[0].T.Data()
		s1 := b.Stats()
		created, dispatches := s1.BindGroups-s0.BindGroups, s1.Dispatches-s0.Dispatches
		t.Logf("step %d: %d dispatches, %d bind groups created", i, dispatches, created)
		if i >= 2 && created > dispatches/20 {
			t.Errorf("step %d created %d bind groups for %d dispatches; want the cache to serve at least 95%%", i, created, dispatches)
		}
	}
}
