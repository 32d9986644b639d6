package models

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
)

// fixedSource returns the same batch (with labels, if any) at every call.
type fixedSource Batch

func (s fixedSource) Next(int) Batch { return Batch(s) }

// TestImageStepsReuseStorage trains each image model a few steps to a steady state and
// then checks, with the CPU backend's allocation counts, that further steps take no new
// memory from the backend: Device.Scope hands every step's storage to the next. It also
// checks that the returned losses stay readable and finite, and that the models keep what
// outlives a step (Sample's input copy, the image pools' slots) usable.
func TestImageStepsReuseStorage(t *testing.T) {
	type model interface {
		Step(Source) ([]Loss, error)
		Sample(n int) *engine.Tensor
	}
	cases := []struct {
		name string
		make func(dev *engine.Device, rng *rand.Rand) (model, Source)
	}{
		{"dcgan", func(dev *engine.Device, rng *rand.Rand) (model, Source) {
			c := smallDCGAN(0)
			c.Batch = 4
			m, err := NewDCGAN(dev, rng, c)
			if err != nil {
				t.Fatal(err)
			}
			return m, fixedSource{X: dev.Rand(rng, -1, 1, 4, 1, 28, 28)}
		}},
		{"cgan-digits", func(dev *engine.Device, rng *rand.Rand) (model, Source) {
			c := smallDCGAN(10)
			c.Batch = 4
			m, err := NewDCGAN(dev, rng, c)
			if err != nil {
				t.Fatal(err)
			}
			return m, fixedSource{X: dev.Rand(rng, -1, 1, 4, 1, 28, 28), Labels: []int{1, 7, 3, 3}}
		}},
		{"pix2pix", func(dev *engine.Device, rng *rand.Rand) (model, Source) {
			c := smallPix2pix()
			c.Batch = 2
			m, err := NewPix2pix(dev, rng, c)
			if err != nil {
				t.Fatal(err)
			}
			return m, fixedSource{X: dev.Rand(rng, -1, 1, 2, 2, 32, 32)}
		}},
		{"cyclegan", func(dev *engine.Device, rng *rand.Rand) (model, Source) {
			c := smallCycleGAN()
			c.Pool = 3 // full after two steps of batch 2
			m, err := NewCycleGAN(dev, rng, c)
			if err != nil {
				t.Fatal(err)
			}
			return m, fixedSource{X: dev.Rand(rng, -1, 1, 2, 6, 16, 16)}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := cpu.New()
			dev := engine.NewDevice(b)
			m, src := tc.make(dev, rand.New(rand.NewPCG(5, 6)))
			step := func() []Loss {
				ls, err := m.Step(src)
				if err != nil {
					t.Fatal(err)
				}
				return ls
			}
			// Warm up until the backend holds the step's high-water mark of buffers of
			// each size (with a pool, how many images a step copies varies with its
			// draws), then count.
			for range 8 {
				step()
			}
			before := b.AllocStats()
			var losses []float32
			for range 4 {
				losses = losses[:0]
				for _, l := range step() {
					losses = append(losses, l.T.Item()) // panics if the scope released it
				}
			}
			after := b.AllocStats()
			if after.Fresh != before.Fresh {
				t.Errorf("4 steady-state steps allocated %d new buffers (%d elements) from the backend; want 0",
					after.Fresh-before.Fresh, after.FreshElems-before.FreshElems)
			}
			if after.Reused == before.Reused {
				t.Errorf("4 steps reused no released buffer: the steps do not run inside a scope")
			}
			for i, v := range losses {
				if v != v || v > 1e30 || v < -1e30 {
					t.Errorf("loss %d = %v", i, v)
				}
			}
			s := m.Sample(3).Data() // Sample reads the copy of the last input
			if slices.ContainsFunc(s, func(v float32) bool { return v != v }) {
				t.Errorf("Sample after the steps holds NaN")
			}
		})
	}
}
