package bench

import "testing"

// Loop runs step once to warm up (the first step of a model fills the backend's free list
// and the kernels' workspaces, which steady-state steps reuse), then as the body of b's
// loop, so that -benchmem reports what a steady-state step allocates. It reports, besides
// the wall time, the CPU time per iteration ("cpu-ms/op", where the platform measures it). On a shared machine the
// wall time counts the time other processes held the cores; the CPU time counts only this
// process's work (all its threads together), so it is the steadier figure to compare.
func Loop(b *testing.B, step func()) {
	step()
	c0 := cpuTime()
	for b.Loop() {
		step()
	}
	if c := cpuTime() - c0; c > 0 && b.N > 0 {
		b.ReportMetric(c.Seconds()*1e3/float64(b.N), "cpu-ms/op")
	}
}
