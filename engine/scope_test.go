package engine_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
)

// TestScope checks that a scope keeps what it returns (and views sharing its storage),
// marks everything else it made as released so that a use panics, releases no buffer twice
// (the next allocations of that size must all be distinct), and leaves tensors made before
// it alone.
func TestScope(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	w := dev.FromSlice([]float32{1, 2, 3, 4}, 2, 2).RequiresGrad()
	var inner, view *engine.Tensor
	keep := dev.Scope(func() []*engine.Tensor {
		inner = w.MatMul(w).Tanh()
		loss := inner.Sum() // a reshape view of the SumKeep result
		view = loss.Reshape(1)
		g := engine.Grad([]*engine.Tensor{loss}, []*engine.Tensor{w}, engine.GradOptions{})
		w.Grad = g[0]
		return []*engine.Tensor{loss}
	})
	if got := keep[0].Item(); got < 3.9 || got > 4.1 { // tanh(7)+tanh(10)+tanh(15)+tanh(22) ≈ 4
		t.Errorf("kept loss = %v; want about 4", got)
	}
	if got := view.Item(); got != keep[0].Item() {
		t.Errorf("a view of the kept loss = %v; want %v", got, keep[0].Item())
	}
	if got := w.Data(); !slices.Equal(got, []float32{1, 2, 3, 4}) {
		t.Errorf("a tensor made before the scope changed: %v", got)
	}
	for name, x := range map[string]*engine.Tensor{"an activation": inner, "a gradient": w.Grad} {
		func() {
			defer func() {
				r := recover()
				if r == nil || !strings.Contains(r.(string), "released") {
					t.Errorf("using %s made inside the scope: panic %v; want a message about its release", name, r)
				}
			}()
			x.Data()
		}()
	}
	// Every released [2 2] buffer comes back once: eight allocations, eight distinct buffers.
	seen := map[engine.Buffer]bool{}
	for i := 0; i < 8; i++ {
		b := dev.Zeros(2, 2).Buffer()
		if seen[b] {
			t.Fatalf("allocation %d returned a buffer already handed out: released twice", i)
		}
		seen[b] = true
	}
}
