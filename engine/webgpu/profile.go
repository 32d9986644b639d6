package webgpu

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/gogpu/wgpu"
)

// KernelTime is the time the dispatches of one kernel on one grid took while profiling.
type KernelTime struct {
	Kernel string
	Groups [3]uint32 // the dispatch's workgroup grid, which tells the shapes apart
	Count  int
	Total  time.Duration // wall time from submission to a completed map, summed
}

// SetProfiling turns profiling on or off and clears what was measured. While it is on,
// every dispatch is submitted alone and waited for (through a 4-byte readback), and its
// wall time is added to Profile: slow, for finding which kernels take the time, never for
// measuring throughput. A readback without dispatches is timed as "(round trip)", the fixed
// cost included in every other row. Like every method, it must not be called from a JS
// callback in the browser.
func (b *Backend) SetProfiling(on bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.profile = nil
	if on {
		b.profile = make(map[profileKey]*KernelTime)
	}
}

// Profile returns what profiling measured, the kernels that took longest first.
func (b *Backend) Profile() []KernelTime {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]KernelTime, 0, len(b.profile))
	for _, kt := range b.profile {
		out = append(out, *kt)
	}
	slices.SortFunc(out, func(x, y KernelTime) int { return cmp.Compare(y.Total, x.Total) })
	return out
}

type profileKey struct {
	kernel string
	groups [3]uint32
}

// profileLast runs the work recorded so far (when profiling, the one dispatch just
// recorded, kernel name on groups) and adds its time, then times an empty round trip. The
// caller holds b.mu.
func (b *Backend) profileLast(name string, groups [3]uint32) {
	var tmp [4]byte
	for _, key := range []profileKey{{kernel: name, groups: groups}, {kernel: "(round trip)"}} {
		t0 := time.Now()
		if b.readLocked(context.Background(), []*wgpu.Buffer{b.scratch[0]}, [][]byte{tmp[:]}) != nil {
			return
		}
		b.addProfile(key, time.Since(t0))
	}
}

func (b *Backend) addProfile(key profileKey, d time.Duration) {
	kt := b.profile[key]
	if kt == nil {
		kt = &KernelTime{Kernel: key.kernel, Groups: key.groups}
		b.profile[key] = kt
	}
	kt.Count++
	kt.Total += d
}
