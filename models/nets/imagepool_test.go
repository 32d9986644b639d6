package nets_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ganplay/ganplay/models/nets"
)

// TestImagePool queries single 1×1 images tagged with their query number: the first 50 are
// stored and returned; then about half of the answers are older images, each returned at
// most once (it leaves the pool when returned), and the pool keeps 50.
func TestImagePool(t *testing.T) {
	dev, _ := setup(16)
	pool := nets.NewImagePool(50, rand.New(rand.NewPCG(16, 1)))
	const queries = 4000
	returned := map[float32]bool{}
	older := 0
	for i := 0; i < queries; i++ {
		got := pool.Query(dev.FromSlice([]float32{float32(i)}, 1, 1, 1, 1)).Item()
		if i < 50 {
			if got != float32(i) || pool.Len() != i+1 {
				t.Fatalf("query %d while filling returned %v with %d stored; want the new image and %d", i, got, pool.Len(), i+1)
			}
			continue
		}
		if got > float32(i) || returned[got] && got != float32(i) {
			t.Fatalf("query %d returned %v: an image from the future or one returned before", i, got)
		}
		returned[got] = true
		if got != float32(i) {
			older++
		}
	}
	if pool.Len() != 50 {
		t.Errorf("pool holds %d images; want 50", pool.Len())
	}
	n := float64(queries - 50)
	frac, sd := float64(older)/n, math.Sqrt(0.25/n)
	if math.Abs(frac-0.5) > 4*sd {
		t.Errorf("older images returned for %.3f of queries; want 0.5 ± %.3f", frac, 4*sd)
	}
}

// TestImagePoolBatch queries batches: the answer has the batch's shape and every image in it
// is one that was queried.
func TestImagePoolBatch(t *testing.T) {
	dev, rng := setup(17)
	pool := nets.NewImagePool(5, rng)
	seen := map[float32]bool{}
	for q := 0; q < 10; q++ {
		batch := make([]float32, 3*2*4)
		for i := range batch {
			batch[i] = float32(q*3 + i/8)
		}
		for _, v := range batch {
			seen[v] = true
		}
		out := pool.Query(dev.FromSlice(batch, 3, 2, 2, 2))
		if s := out.Shape(); len(s) != 4 || s[0] != 3 || s[1] != 2 || out.NeedsGrad() {
			t.Fatalf("Query shape %v (needs grad %v); want [3 2 2 2], detached", s, out.NeedsGrad())
		}
		d := out.Data()
		for i := 0; i < 3; i++ {
			img := d[i*8 : (i+1)*8]
			for _, v := range img {
				if v != img[0] || !seen[v] {
					t.Fatalf("query %d image %d = %v; want a whole image queried before", q, i, img)
				}
			}
		}
	}
}

// TestImagePoolOff checks that size 0 passes images through untouched.
func TestImagePoolOff(t *testing.T) {
	dev, rng := setup(18)
	pool := nets.NewImagePool(0, rng)
	x := dev.Randn(rng, 0, 1, 2, 1, 2, 2)
	if got := pool.Query(x); got != x || pool.Len() != 0 {
		t.Errorf("Query with size 0 returned another tensor or stored it")
	}
}
