package webgpu

import (
	"context"
	"testing"

	"github.com/ganplay/ganplay/engine"
)

// TestProfiling checks that profiling runs every dispatch alone, with correct results,
// counts each kernel and grid once per dispatch and one round trip per dispatch, and that
// turning it off clears it.
func TestProfiling(t *testing.T) {
	b := newBackend(t)
	b.SetProfiling(true)
	defer b.SetProfiling(false)
	const n = 100
	x, y := b.Alloc(n), b.Alloc(n)
	b.Fill(x, 2)
	ones := make([]float32, n)
	for i := range ones {
		ones[i] = 1
	}
	b.Write(y, ones)
	bc := engine.Broadcast{Shape: []int{n}, StridesA: []int{1}, StridesB: []int{1}}
	b.Binary(engine.OpAdd, engine.Params{}, x, x, y, bc)
	b.Binary(engine.OpAdd, engine.Params{}, x, x, y, bc)
	out := make([]float32, n)
	if err := b.Read(context.Background(), x, out); err != nil {
		t.Fatal(err)
	}
	for i, v := range out {
		if v != 4 {
			t.Fatalf("x[%d] = %v after fill 2 and two adds of 1; want 4", i, v)
		}
	}
	got := map[string]int{}
	prof := b.Profile()
	for i, k := range prof {
		got[k.Kernel] += k.Count
		if k.Total <= 0 {
			t.Errorf("%s %v: total %v", k.Kernel, k.Groups, k.Total)
		}
		if i > 0 && k.Total > prof[i-1].Total {
			t.Errorf("Profile is not sorted by total: %v before %v", prof[i-1], k)
		}
	}
	want := map[string]int{"fill": 1, "binary_inplace": 2, "(round trip)": 3}
	for k, c := range want {
		if got[k] != c {
			t.Errorf("profile counts %v; want %v", got, want)
			break
		}
	}
	b.SetProfiling(false)
	if p := b.Profile(); len(p) != 0 {
		t.Errorf("Profile after SetProfiling(false): %v; want none", p)
	}
}
