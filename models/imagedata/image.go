package imagedata

import (
	"image"
	"image/color"

	"github.com/ganplay/ganplay/engine"
)

// Image is a C×H×W image with values in [-1, 1], stored channel-major:
// Pix[(c·H + y)·W + x]. For RGB, C is 3; -1 is black and +1 white.
type Image struct {
	C, H, W int
	Pix     []float32
}

// Pair is an aligned (input, target) example for Pix2pix.
type Pair struct{ Input, Target Image }

// NewImage returns a C×H×W image filled with v.
func NewImage(c, h, w int, v float32) Image {
	im := Image{C: c, H: h, W: w, Pix: make([]float32, c*h*w)}
	for i := range im.Pix {
		im.Pix[i] = v
	}
	return im
}

// At returns the value of channel c at (x, y).
func (im Image) At(c, y, x int) float32 { return im.Pix[(c*im.H+y)*im.W+x] }

// Set sets the value of channel c at (x, y).
func (im Image) Set(c, y, x int, v float32) { im.Pix[(c*im.H+y)*im.W+x] = v }

// Pad returns the image with p pixels of value v added on every side.
func (im Image) Pad(p int, v float32) Image {
	out := NewImage(im.C, im.H+2*p, im.W+2*p, v)
	for c := 0; c < im.C; c++ {
		for y := 0; y < im.H; y++ {
			copy(out.Pix[(c*out.H+y+p)*out.W+p:], im.Pix[(c*im.H+y)*im.W:][:im.W])
		}
	}
	return out
}

// RGBA converts a 1- or 3-channel image to 8-bit colour, v ↦ round((v + 1)·127.5), for
// drawing and for PNG files.
func (im Image) RGBA() *image.RGBA {
	out := image.NewRGBA(image.Rect(0, 0, im.W, im.H))
	for y := 0; y < im.H; y++ {
		for x := 0; x < im.W; x++ {
			var ch [3]uint8
			for k := range ch {
				ch[k] = to8(im.At(min(k, im.C-1), y, x))
			}
			out.SetRGBA(x, y, color.RGBA{ch[0], ch[1], ch[2], 255})
		}
	}
	return out
}

// to8 maps [-1, 1] to 0..255, clamping.
func to8(v float32) uint8 {
	return uint8(min(max((v+1)*127.5+0.5, 0), 255))
}

// Batch stacks images of one size into a tensor [N, C, H, W].
func Batch(dev *engine.Device, ims []Image) *engine.Tensor {
	if len(ims) == 0 {
		panic("imagedata: Batch of no images")
	}
	c, h, w := ims[0].C, ims[0].H, ims[0].W
	data := make([]float32, 0, len(ims)*c*h*w)
	for _, im := range ims {
		if im.C != c || im.H != h || im.W != w {
			panic("imagedata: Batch of images of different sizes")
		}
		data = append(data, im.Pix...)
	}
	return dev.FromSlice(data, len(ims), c, h, w)
}
