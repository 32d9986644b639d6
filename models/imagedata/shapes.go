package imagedata

import (
	"math"
	"math/rand/v2"
)

// shapeKind is one of the kinds of object that the procedural datasets draw.
type shapeKind int

// The shape kinds.
const (
	ellipse shapeKind = iota
	roundedBox
	star
	triangle
	numShapeKinds
)

// shape is a shape placed in an image: a signed distance function in pixels.
type shape struct {
	kind   shapeKind
	cx, cy float64 // centre
	a, b   float64 // half-width and half-height (outer radius for stars and triangles)
	angle  float64 // rotation in radians
	corner float64 // corner radius of a rounded box
	poly   [][2]float64
	hx, hy float64 // where the light hits, for shading
}

// randomShape draws a shape of a random kind that fits in a size×size image with a margin.
func randomShape(rng *rand.Rand, size int) shape {
	s := float64(size)
	r := s * (0.24 + 0.14*rng.Float64()) // outer radius 24-38 % of the side
	sh := shape{
		kind:  shapeKind(rng.IntN(int(numShapeKinds))),
		angle: (rng.Float64() - 0.5) * math.Pi / 3,
	}
	sh.cx = s/2 + (rng.Float64()-0.5)*(s-2*r-4)*0.8
	sh.cy = s/2 + (rng.Float64()-0.5)*(s-2*r-4)*0.8
	sh.a, sh.b = r, r*(0.6+0.4*rng.Float64())
	switch sh.kind {
	case roundedBox:
		sh.corner = sh.b * (0.15 + 0.35*rng.Float64())
	case star:
		sh.poly = starPolygon(5, r, r*(0.42+0.12*rng.Float64()))
	case triangle:
		sh.poly = starPolygon(3, r, r/2) // the inner vertices lie on the edges
	}
	sh.hx, sh.hy = sh.cx-0.35*r, sh.cy-0.35*r
	return sh
}

// starPolygon returns the 2n vertices of a star with points at radius outer and notches at
// radius inner, the first point straight up.
func starPolygon(n int, outer, inner float64) [][2]float64 {
	pts := make([][2]float64, 2*n)
	for i := range pts {
		r := outer
		if i%2 == 1 {
			r = inner
		}
		t := -math.Pi/2 + float64(i)*math.Pi/float64(n)
		pts[i] = [2]float64{r * math.Cos(t), r * math.Sin(t)}
	}
	return pts
}

// dist returns the signed distance in pixels from pixel centre (x + ½, y + ½) to the
// shape's outline: negative inside. It is exact for boxes and polygons and a first-order
// approximation for ellipses.
func (s shape) dist(x, y float64) float64 {
	dx, dy := x+0.5-s.cx, y+0.5-s.cy
	c, sn := math.Cos(s.angle), math.Sin(s.angle)
	px, py := c*dx+sn*dy, -sn*dx+c*dy // into the shape's frame
	switch s.kind {
	case ellipse:
		k0 := math.Hypot(px/s.a, py/s.b)
		k1 := math.Hypot(px/(s.a*s.a), py/(s.b*s.b))
		if k1 == 0 {
			return -min(s.a, s.b)
		}
		return k0 * (k0 - 1) / k1
	case roundedBox:
		qx := math.Abs(px) - (s.a - s.corner)
		qy := math.Abs(py) - (s.b - s.corner)
		return math.Hypot(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - s.corner
	default:
		return polygonDist(s.poly, px, py)
	}
}

// polygonDist returns the signed distance from (x, y) to a closed polygon: the distance to
// the nearest edge, negative when an even-odd ray crossing test says inside.
func polygonDist(pts [][2]float64, x, y float64) float64 {
	d := math.Inf(1)
	inside := false
	for i, j := 0, len(pts)-1; i < len(pts); j, i = i, i+1 {
		ax, ay, bx, by := pts[j][0], pts[j][1], pts[i][0], pts[i][1]
		ex, ey := bx-ax, by-ay
		t := min(max(((x-ax)*ex+(y-ay)*ey)/(ex*ex+ey*ey), 0), 1)
		d = min(d, math.Hypot(x-ax-t*ex, y-ay-t*ey))
		if (ay > y) != (by > y) && x < ax+(y-ay)*ex/ey {
			inside = !inside
		}
	}
	if inside {
		return -d
	}
	return d
}

// coverage returns how much of a pixel at signed distance d lies inside (anti-aliasing over
// one pixel): 1 deep inside, 0 outside.
func coverage(d float64) float64 { return min(max(0.5-d, 0), 1) }

// ink returns how much of a pixel at signed distance d a line of width w along the outline
// covers.
func ink(d, w float64) float64 { return min(max(w/2+0.5-math.Abs(d), 0), 1) }
