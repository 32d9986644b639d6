package imagedata

import "math/rand/v2"

// SketchSize is the side of a Sketches pair.
const SketchSize = 64

// Sketches is Pix2pix's sketch → object dataset: the input is a black outline on white (one
// channel), the target the same shape filled with a shaded colour and outlined in a darker
// tone (RGB). The colour depends on the kind of shape (ellipses red, rounded boxes blue,
// stars gold, triangles green, each with a little jitter), so that the outline alone
// determines the target and a closed outline drawn by a user is a valid input.
type Sketches struct {
	Seed uint64
	Size int // side in pixels; 0 means SketchSize
}

// kindColour is the base colour of each shape kind.
var kindColour = [numShapeKinds]rgb{
	ellipse:    {0.86, 0.2, 0.16},
	roundedBox: {0.2, 0.4, 0.86},
	star:       {0.96, 0.76, 0.12},
	triangle:   {0.2, 0.7, 0.3},
}

// Pair returns pair i, a pure function of (Seed, i).
func (s Sketches) Pair(i int) Pair {
	size := s.Size
	if size == 0 {
		size = SketchSize
	}
	rng := rand.New(rand.NewPCG(s.Seed, 0x5e7c<<32|uint64(uint32(i))))
	sh := randomShape(rng, size)
	base := kindColour[sh.kind].jitter(rng, 0.08)
	outline := base.scale(0.25)
	w := float64(size) / 32 // line width: 2 pixels at 64
	p := Pair{Input: NewImage(1, size, size, 1), Target: NewImage(3, size, size, 1)}
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			d := sh.dist(float64(x), float64(y))
			line := ink(d, w)
			p.Input.Set(0, y, x, float32(1-2*line))
			diffuse, spec := sh.shade(float64(x), float64(y), d)
			fill := mix(base.scale(diffuse), white, spec)
			c := mix(mix(white, fill, coverage(d)), outline, line)
			c.set(p.Target, y, x)
		}
	}
	return p
}
