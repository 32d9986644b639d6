package imagedata_test

import (
	"testing"

	"github.com/ganplay/ganplay/models/imagedata"
)

// TestEdgesOfSquare checks the Sobel edges of a white 6×6 square on black: its border
// pixels and the background pixels next to it are edges, its interior and the far
// background are not.
func TestEdgesOfSquare(t *testing.T) {
	im := imagedata.NewImage(1, 12, 12, -1)
	for y := 3; y < 9; y++ {
		for x := 3; x < 9; x++ {
			im.Set(0, y, x, 1)
		}
	}
	e := imagedata.Edges(im)
	for _, c := range []struct {
		y, x int
		want float32
	}{{3, 5, 1}, {2, 5, 1}, {5, 8, 1}, {5, 9, 1}, {5, 5, -1}, {6, 6, -1}, {0, 0, -1}, {11, 5, -1}} {
		if got := e.At(0, c.y, c.x); got != c.want {
			t.Errorf("Edges at (%d, %d) = %v; want %v", c.x, c.y, got, c.want)
		}
	}
}

// TestEdgePairs checks the pairs of 300 digits: 32×32, background padding, values ±1 in
// the input, edges wherever there is a digit and only next to its ink.
func TestEdgePairs(t *testing.T) {
	d := loadAsset(t)
	for i := 0; i < 300; i++ {
		p := imagedata.EdgePair(d.Train.Image(i))
		in, tg := p.Input, p.Target
		if in.C != 1 || in.H != 32 || in.W != 32 || tg.C != 1 || tg.H != 32 || tg.W != 32 {
			t.Fatalf("pair %d: %d×%d×%d → %d×%d×%d; want 1×32×32 both", i, in.C, in.H, in.W, tg.C, tg.H, tg.W)
		}
		edges, ink := 0, 0
		for y := 0; y < 32; y++ {
			for x := 0; x < 32; x++ {
				if v := in.At(0, y, x); v != 1 && v != -1 {
					t.Fatalf("pair %d: edge value %v; want ±1", i, v)
				}
				border := y < 2 || y >= 30 || x < 2 || x >= 30
				if border && tg.At(0, y, x) != -1 {
					t.Fatalf("pair %d: target padding at (%d, %d) = %v; want -1", i, x, y, tg.At(0, y, x))
				}
				if tg.At(0, y, x) > -1 {
					ink++
				}
				if in.At(0, y, x) == 1 {
					edges++
					if !nearInk(tg, y, x) {
						t.Fatalf("pair %d: edge at (%d, %d) with no ink within one pixel", i, x, y)
					}
				}
			}
		}
		if ink > 0 && edges < 10 {
			t.Errorf("pair %d: %d edge pixels for a digit of %d ink pixels", i, edges, ink)
		}
	}
}

// nearInk reports whether a pixel within Chebyshev distance 1 of (x, y) has ink.
func nearInk(im imagedata.Image, y, x int) bool {
	for dy := -1; dy <= 1; dy++ {
		for dx := -1; dx <= 1; dx++ {
			if yy, xx := y+dy, x+dx; yy >= 0 && yy < im.H && xx >= 0 && xx < im.W && im.At(0, yy, xx) > -1 {
				return true
			}
		}
	}
	return false
}
