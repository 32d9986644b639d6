package imagedata

import (
	"math"
	"math/rand/v2"
)

// rgb is a colour with channels in [0, 1].
type rgb [3]float64

var white = rgb{1, 1, 1}

// mix returns (1 - t)·a + t·b.
func mix(a, b rgb, t float64) rgb {
	return rgb{a[0] + t*(b[0]-a[0]), a[1] + t*(b[1]-a[1]), a[2] + t*(b[2]-a[2])}
}

// scale returns k·c.
func (c rgb) scale(k float64) rgb { return rgb{k * c[0], k * c[1], k * c[2]} }

// jitter moves every channel of c by up to ±d, staying in [0, 1].
func (c rgb) jitter(rng *rand.Rand, d float64) rgb {
	for i := range c {
		c[i] = min(max(c[i]+d*(2*rng.Float64()-1), 0), 1)
	}
	return c
}

// set writes c at (x, y) of a 3-channel image, mapping [0, 1] to [-1, 1].
func (c rgb) set(im Image, y, x int) {
	for k := range c {
		im.Set(k, y, x, float32(2*min(max(c[k], 0), 1)-1))
	}
}

// shade returns the brightness of a point at (x, y) with signed distance d inside shape s,
// lit from the upper left: a soft spot around the shape's highlight falling to 0.45 far
// from it, darkened towards the rim as on a rounded ("pillow") surface,
//
//	shade = (1 - 0.55·min(ρ, 1)) · (0.6 + 0.4·√min(-d / (0.4·b), 1)),  ρ = |p - h| / (2a),
//
// plus a specular highlight (1 - |p - h|/(0.3a))² · 0.5 near h.
func (s shape) shade(x, y, d float64) (diffuse, specular float64) {
	r := math.Hypot(x+0.5-s.hx, y+0.5-s.hy)
	light := 1 - 0.55*min(r/(2*s.a), 1)
	rim := 0.6 + 0.4*math.Sqrt(min(max(-d/(0.4*s.b), 0), 1))
	spec := max(1-r/(0.3*s.a), 0)
	return light * rim, 0.5 * spec * spec
}
