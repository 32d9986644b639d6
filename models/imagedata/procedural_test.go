package imagedata_test

import (
	"slices"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/models/imagedata"
)

func checkImage(t *testing.T, name string, im imagedata.Image, c, size int) {
	t.Helper()
	if im.C != c || im.H != size || im.W != size || len(im.Pix) != c*size*size {
		t.Fatalf("%s: %d×%d×%d with %d values; want %d×%d×%d", name, im.C, im.H, im.W, len(im.Pix), c, size, size)
	}
	if lo, hi := slices.Min(im.Pix), slices.Max(im.Pix); lo < -1 || hi > 1 || lo == hi {
		t.Errorf("%s: values in [%v, %v]; want a non-constant image within [-1, 1]", name, lo, hi)
	}
}

func TestSketchesDeterministic(t *testing.T) {
	a, b, c := imagedata.Sketches{Seed: 3}, imagedata.Sketches{Seed: 3}, imagedata.Sketches{Seed: 4}
	for i := 0; i < 5; i++ {
		pa, pb, pc := a.Pair(i), b.Pair(i), c.Pair(i)
		if !slices.Equal(pa.Input.Pix, pb.Input.Pix) || !slices.Equal(pa.Target.Pix, pb.Target.Pix) {
			t.Errorf("pair %d differs between two runs with seed 3", i)
		}
		if slices.Equal(pa.Target.Pix, pc.Target.Pix) || slices.Equal(pa.Target.Pix, a.Pair(i+1).Target.Pix) {
			t.Errorf("pair %d is the same for seeds 3 and 4, or the same as pair %d", i, i+1)
		}
	}
}

// TestSketchesCorrespond checks that input and target show the same object: the outline
// of the sketch is dark in the target, and the target's coloured region has the bounding
// box of the outline.
func TestSketchesCorrespond(t *testing.T) {
	s := imagedata.Sketches{Seed: 5}
	for i := 0; i < 40; i++ {
		p := s.Pair(i)
		checkImage(t, "sketch input", p.Input, 1, 64)
		checkImage(t, "sketch target", p.Target, 3, 64)
		inBox, tgBox := emptyBox(), emptyBox()
		for y := 0; y < 64; y++ {
			for x := 0; x < 64; x++ {
				lum := (p.Target.At(0, y, x) + p.Target.At(1, y, x) + p.Target.At(2, y, x)) / 3
				if p.Input.At(0, y, x) < -0.5 && lum > -0.2 {
					t.Fatalf("pair %d: outline at (%d, %d) but target luminance %v; want dark", i, x, y, lum)
				}
				if p.Input.At(0, y, x) < 0.9 {
					inBox.add(x, y)
				}
				if lum < 0.95 {
					tgBox.add(x, y)
				}
			}
		}
		if !inBox.near(tgBox, 1) || inBox.x1-inBox.x0 < 10 {
			t.Errorf("pair %d: outline box %v, target box %v; want the same within a pixel", i, inBox, tgBox)
		}
	}
}

func TestHorseZebra(t *testing.T) {
	h := imagedata.HorseZebra{Seed: 7}
	for i := 0; i < 20; i++ {
		x, y := h.Pair(i)
		checkImage(t, "horse", x, 3, 32)
		checkImage(t, "zebra", y, 3, 32)
		x2, y2 := h.Pair(i)
		if !slices.Equal(x.Pix, x2.Pix) || !slices.Equal(y.Pix, y2.Pix) {
			t.Fatalf("scene %d differs between two calls", i)
		}
		if !slices.Equal(h.X(i).Pix, func() []float32 { a, _ := h.Pair(2 * i); return a.Pix }()) {
			t.Fatalf("X(%d) is not the horse of scene %d", i, 2*i)
		}
		// Outside the shape the two domains share the grass; inside, the horse is brown
		// (red > green > blue) and the zebra has dark and light stripes. Pixels on the
		// anti-aliased outline mix both and are left out.
		differ := func(py, px int) bool {
			if py < 0 || py >= 32 || px < 0 || px >= 32 {
				return false
			}
			return x.At(0, py, px) != y.At(0, py, px) || x.At(1, py, px) != y.At(1, py, px) || x.At(2, py, px) != y.At(2, py, px)
		}
		inside, dark, light, brown := 0, 0, 0, 0
		for py := 0; py < 32; py++ {
			for px := 0; px < 32; px++ {
				if !differ(py, px) {
					if g := x.At(1, py, px); g < x.At(0, py, px) || g < x.At(2, py, px) {
						t.Fatalf("scene %d: shared pixel (%d, %d) is not grass green", i, px, py)
					}
					continue
				}
				if !differ(py-1, px) || !differ(py+1, px) || !differ(py, px-1) || !differ(py, px+1) {
					continue
				}
				inside++
				r, g, b := x.At(0, py, px), x.At(1, py, px), x.At(2, py, px)
				if r > g && g > b {
					brown++
				}
				switch lum := (y.At(0, py, px) + y.At(1, py, px) + y.At(2, py, px)) / 3; {
				case lum < -0.5:
					dark++
				case lum > 0.3:
					light++
				}
			}
		}
		if inside < 30 || brown != inside || dark < inside/6 || light < inside/6 {
			t.Errorf("scene %d: %d inner shape pixels, %d brown in X, %d dark and %d light in Y", i, inside, brown, dark, light)
		}
	}
	if slices.Equal(h.X(0).Pix, h.Y(0).Pix) || slices.Equal(h.X(0).Pix, imagedata.HorseZebra{Seed: 8}.X(0).Pix) {
		t.Errorf("X(0) equals Y(0) or the X(0) of another seed")
	}
	checkImage(t, "horse 64", imagedata.HorseZebra{Seed: 7, Size: 64}.X(0), 3, 64)
}

func TestBatch(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	s := imagedata.Sketches{Seed: 1, Size: 32}
	a, b := s.Pair(0), s.Pair(1)
	x := imagedata.Batch(dev, []imagedata.Image{a.Target, b.Target})
	if !slices.Equal(x.Shape(), []int{2, 3, 32, 32}) || !slices.Equal(x.Data()[3*32*32:], b.Target.Pix) {
		t.Errorf("Batch shape %v or contents wrong; want [2 3 32 32] holding the images in order", x.Shape())
	}
	if rgba := a.Target.RGBA(); rgba.Bounds().Dx() != 32 || rgba.RGBAAt(0, 0).R != 255 {
		t.Errorf("RGBA of a white-background image: corner %v; want white", rgba.RGBAAt(0, 0))
	}
}

type box struct{ x0, y0, x1, y1 int }

func emptyBox() box { return box{1 << 30, 1 << 30, -1, -1} }

func (b *box) add(x, y int) {
	b.x0, b.y0, b.x1, b.y1 = min(b.x0, x), min(b.y0, y), max(b.x1, x), max(b.y1, y)
}

func (b box) near(c box, tol int) bool {
	return abs(b.x0-c.x0) <= tol && abs(b.y0-c.y0) <= tol && abs(b.x1-c.x1) <= tol && abs(b.y1-c.y1) <= tol
}

func abs(x int) int { return max(x, -x) }
