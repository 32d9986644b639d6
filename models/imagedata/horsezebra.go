package imagedata

import (
	"math"
	"math/rand/v2"
)

// HorseZebraSize is the default side of a HorseZebra image.
const HorseZebraSize = 32

// HorseZebra is CycleGAN's pair of unpaired domains in miniature, "horse ↔ zebra": domain X
// holds plain shapes in a shaded brown on grass, domain Y the same kinds of shapes striped
// black and white on the same kind of grass. The obvious mapping G: X → Y paints stripes
// on the shape and leaves the grass alone; F: Y → X removes them.
type HorseZebra struct {
	Seed uint64
	Size int // side in pixels; 0 means HorseZebraSize
}

// X returns image i of domain X (a horse): the first image of Pair(2i).
func (h HorseZebra) X(i int) Image { x, _ := h.Pair(2 * i); return x }

// Y returns image i of domain Y (a zebra): the second image of Pair(2i + 1), so that X(i)
// and Y(i) show unrelated shapes, as unpaired data does.
func (h HorseZebra) Y(i int) Image { _, y := h.Pair(2*i + 1); return y }

// Pair renders scene i, a pure function of (Seed, i), in both domains: the same shape on
// the same grass, brown in x and striped in y. Training uses X and Y; Pair is the ground
// truth for measuring a translation.
func (h HorseZebra) Pair(i int) (x, y Image) {
	size := h.Size
	if size == 0 {
		size = HorseZebraSize
	}
	rng := rand.New(rand.NewPCG(h.Seed, 0x20b7a<<32|uint64(uint32(i))))
	sh := randomShape(rng, size)
	grass := rgb{0.5, 0.74, 0.38}.jitter(rng, 0.06)
	brown := rgb{0.55, 0.34, 0.18}.scale(0.85 + 0.3*rng.Float64())
	period := float64(size) * (0.16 + 0.06*rng.Float64()) // 5-7 pixels at 32
	theta := sh.angle + math.Pi/2 + (rng.Float64()-0.5)*0.6
	phase := rng.Float64() * 2 * math.Pi
	cs, sn := math.Cos(theta), math.Sin(theta)

	x, y = NewImage(3, size, size, 0), NewImage(3, size, size, 0)
	for py := 0; py < size; py++ {
		bg := grass.scale(1.08 - 0.16*float64(py)/float64(size)) // lighter far away
		for px := 0; px < size; px++ {
			d := sh.dist(float64(px), float64(py))
			cov := coverage(d)
			diffuse, _ := sh.shade(float64(px), float64(py), d)
			light := 0.7 + 0.3*diffuse
			// Stripes: a sine across direction θ, sharpened and clamped to [0, 1].
			t := (float64(px)+0.5)*cs + (float64(py)+0.5)*sn
			stripe := min(max(0.5+1.5*math.Sin(2*math.Pi*t/period+phase), 0), 1)
			zebra := mix(rgb{0.08, 0.08, 0.08}, rgb{0.95, 0.95, 0.92}, stripe).scale(light)
			mix(bg, brown.scale(light), cov).set(x, py, px)
			mix(bg, zebra, cov).set(y, py, px)
		}
	}
	return x, y
}
