package cpu

import (
	"runtime"
	"sync"
)

// grain is the amount of work (roughly, multiply-adds or elements touched) below which an op
// runs on the calling goroutine: starting goroutines costs more than it saves.
const grain = 1 << 16

func defaultWorkers() int { return max(1, runtime.GOMAXPROCS(0)) }

// parallelFor calls f on consecutive chunks [lo, hi) covering [0, n). It splits across up to
// b.workers goroutines when work (the total cost of all n items) exceeds grain.
func (b *Backend) parallelFor(n, work int, f func(lo, hi int)) {
	w := min(b.workers, n)
	if w <= 1 || work < grain {
		f(0, n)
		return
	}
	w = min(w, max(1, work/grain))
	var wg sync.WaitGroup
	chunk := (n + w - 1) / w
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(lo, hi)
		}()
	}
	wg.Wait()
}
