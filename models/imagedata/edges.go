package imagedata

import "math"

// EdgeSize is the side of an edges → digit pair: a 28×28 digit padded by 2 pixels, so
// that a U-Net with 5 levels takes it.
const EdgeSize = 32

// EdgeThreshold is the Sobel gradient magnitude, on intensities in [0, 1], above which a
// pixel is an edge: a quarter of the largest response to a sharp step, |G| = 4.
const EdgeThreshold = 1.0

// Edges returns the edge map of a 1-channel image: with u = (v + 1)/2 in [0, 1] and the
// Sobel derivatives
//
//	G_x = [-1 0 1; -2 0 2; -1 0 1] ∗ u,   G_y = G_xᵀ ∗ u,
//
// a pixel is an edge (+1) where √(G_x² + G_y²) > EdgeThreshold and background (-1)
// elsewhere. Pixels outside the image count as background (u = 0). Thick strokes give
// both of their sides, as the edge maps of edges2shoes do.
func Edges(im Image) Image {
	u := func(y, x int) float64 {
		if y < 0 || y >= im.H || x < 0 || x >= im.W {
			return 0
		}
		return (float64(im.At(0, y, x)) + 1) / 2
	}
	out := NewImage(1, im.H, im.W, -1)
	for y := 0; y < im.H; y++ {
		for x := 0; x < im.W; x++ {
			gx := u(y-1, x+1) + 2*u(y, x+1) + u(y+1, x+1) - u(y-1, x-1) - 2*u(y, x-1) - u(y+1, x-1)
			gy := u(y+1, x-1) + 2*u(y+1, x) + u(y+1, x+1) - u(y-1, x-1) - 2*u(y-1, x) - u(y-1, x+1)
			if math.Hypot(gx, gy) > EdgeThreshold {
				out.Set(0, y, x, 1)
			}
		}
	}
	return out
}

// EdgePair returns the Pix2pix pair for a 28×28 digit: Edges(digit) as input and the digit
// as target, both padded with background (-1) to 32×32.
func EdgePair(digit Image) Pair {
	p := (EdgeSize - digit.H) / 2
	return Pair{Input: Edges(digit).Pad(p, -1), Target: digit.Pad(p, -1)}
}
