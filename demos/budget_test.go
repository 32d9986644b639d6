package demos

import (
	"testing"
	"time"
)

func TestBudget(t *testing.T) {
	t.Parallel()
	now := time.Unix(0, 0)
	clock := func() time.Time { return now }
	slowStep := func() error { now = now.Add(5 * time.Millisecond); return nil }
	b := Budget{Limit: 12 * time.Millisecond, Now: clock}
	if n, _ := b.Run(10, slowStep); n != 3 {
		t.Errorf("Run(10) with 5 ms steps and a 12 ms budget ran %d steps; want 3", n)
	}
	// A step slower than the whole budget still runs once.
	b = Budget{Limit: time.Millisecond, Now: clock}
	if n, _ := b.Run(4, func() error { now = now.Add(time.Second); return nil }); n != 1 {
		t.Errorf("Run with a step over budget ran %d; want 1", n)
	}
	// Slow motion: speed 0.25 runs one step every fourth frame.
	b = Budget{Limit: time.Second, Now: clock}
	total := 0
	for range 8 {
		n, _ := b.Run(0.25, func() error { return nil })
		total += n
	}
	if total != 2 {
		t.Errorf("8 frames at speed 0.25 ran %d steps; want 2", total)
	}
}
