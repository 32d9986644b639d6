package webgpu

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/ganplay/ganplay/engine"
)

// freshBackend returns a backend of its own (the test breaks it), closed at the end.
func freshBackend(t *testing.T) *Backend {
	t.Helper()
	newBackend(t) // skips (or fails) without an adapter, as every test here does
	b, err := New(context.Background())
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(b.Close)
	return b
}

// TestSimulateLoss checks what a lost device looks like: Lost reports it, Read fails with
// it, and further ops neither panic nor run.
func TestSimulateLoss(t *testing.T) {
	b := freshBackend(t)
	dev := engine.NewDevice(b)
	x := dev.FromSlice([]float32{1, 2, 3}, 3)
	if got := x.AddScalar(1).Data(); got[2] != 4 {
		t.Fatalf("x+1 = %v before the loss", got)
	}
	if err := b.Lost(); err != nil {
		t.Fatalf("Lost() = %v before the loss", err)
	}
	y := x.Scale(2) // recorded, not yet submitted: dropped by the loss
	b.SimulateLoss("test")
	err := b.Lost()
	if !errors.Is(err, ErrDeviceLost) || !strings.Contains(err.Error(), "test") {
		t.Fatalf("Lost() = %v; want ErrDeviceLost with the reason", err)
	}
	if _, rerr := y.Read(context.Background()); !errors.Is(rerr, ErrDeviceLost) {
		t.Errorf("Read after the loss: %v; want ErrDeviceLost", rerr)
	}
	z := dev.FromSlice([]float32{5}, 1).Exp() // a Write and an op after the loss
	if _, rerr := z.Read(context.Background()); !errors.Is(rerr, ErrDeviceLost) {
		t.Errorf("Read of work recorded after the loss: %v; want ErrDeviceLost", rerr)
	}
	b.SimulateLoss("again")
	if got := b.Lost(); got != err {
		t.Errorf("a second SimulateLoss changed Lost() from %v to %v", err, got)
	}
	t.Logf("Lost() = %v", err)
}
