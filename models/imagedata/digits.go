package imagedata

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/ganplay/ganplay/engine"
)

//go:generate go run gen_mnist.go -o assets/digits.gz

// DigitSize is the side of an MNIST digit.
const DigitSize = 28

// DigitsAssetPath is the digits asset's path from the repository root.
const DigitsAssetPath = "models/imagedata/assets/digits.gz"

// digitsMagic starts the decompressed asset.
const digitsMagic = "GPDIGIT1"

// maxDigits bounds the counts in an asset header (MNIST has 70,000 digits).
const maxDigits = 70000

// DigitSet is a set of 28×28 grey digits with their labels 0-9.
type DigitSet struct {
	Pix    []uint8 // Len()·28·28 intensities, 0 background to 255 ink, image after image
	Labels []uint8 // Len() labels
}

// Digits is the digits asset: MNIST's training digits and test digits kept apart.
type Digits struct {
	Train, Test DigitSet
}

// Len returns the number of digits.
func (s *DigitSet) Len() int { return len(s.Labels) }

// Image returns digit i as a 1×28×28 image with v ↦ v/127.5 - 1 (background -1, ink +1).
func (s *DigitSet) Image(i int) Image {
	im := Image{C: 1, H: DigitSize, W: DigitSize, Pix: make([]float32, DigitSize*DigitSize)}
	for k, v := range s.Pix[i*DigitSize*DigitSize:][:DigitSize*DigitSize] {
		im.Pix[k] = float32(v)/127.5 - 1
	}
	return im
}

// Batch returns the digits idx as a tensor [len(idx), 1, 28, 28] in [-1, 1] and their labels.
func (s *DigitSet) Batch(dev *engine.Device, idx []int) (*engine.Tensor, []int) {
	ims := make([]Image, len(idx))
	labels := make([]int, len(idx))
	for k, i := range idx {
		ims[k], labels[k] = s.Image(i), int(s.Labels[i])
	}
	return Batch(dev, ims), labels
}

// WriteDigits writes d in the asset format that LoadDigits reads: a gzip stream of
//
//	"GPDIGIT1", then uint32 little-endian rows (28), columns (28), training count, test count,
//	then for the training set and then the test set: the labels (one byte each), then the
//	images (rows·columns bytes each, row-major, 0 background to 255 ink).
func WriteDigits(w io.Writer, d *Digits) error {
	for _, s := range []*DigitSet{&d.Train, &d.Test} {
		if err := s.check(); err != nil {
			return err
		}
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("imagedata: %w", err)
	}
	var hdr []byte
	hdr = append(hdr, digitsMagic...)
	for _, v := range []int{DigitSize, DigitSize, d.Train.Len(), d.Test.Len()} {
		hdr = binary.LittleEndian.AppendUint32(hdr, uint32(v))
	}
	parts := [][]byte{hdr, d.Train.Labels, d.Train.Pix, d.Test.Labels, d.Test.Pix}
	for _, p := range parts {
		if _, err := zw.Write(p); err != nil {
			return fmt.Errorf("imagedata: write digits: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("imagedata: write digits: %w", err)
	}
	return nil
}

// check validates sizes and labels.
func (s *DigitSet) check() error {
	if len(s.Pix) != len(s.Labels)*DigitSize*DigitSize {
		return fmt.Errorf("imagedata: %d bytes of pixels for %d digits of 28×28", len(s.Pix), len(s.Labels))
	}
	for i, l := range s.Labels {
		if l > 9 {
			return fmt.Errorf("imagedata: digit %d has label %d, not 0-9", i, l)
		}
	}
	return nil
}

// LoadDigits reads a digits asset (see WriteDigits for the format), checking its magic,
// sizes, labels, length and gzip checksum; a corrupt asset is an error that says what is
// wrong.
func LoadDigits(r io.Reader) (*Digits, error) {
	zr, err := gzip.NewReader(bufio.NewReader(r))
	if err != nil {
		return nil, fmt.Errorf("imagedata: digits asset is not gzip: %w", err)
	}
	zr.Multistream(false)
	var hdr [len(digitsMagic) + 16]byte
	if _, err := io.ReadFull(zr, hdr[:]); err != nil {
		return nil, fmt.Errorf("imagedata: digits asset header: %w", truncated(err))
	}
	if string(hdr[:len(digitsMagic)]) != digitsMagic {
		return nil, fmt.Errorf("imagedata: digits asset starts with %q, want %q", hdr[:len(digitsMagic)], digitsMagic)
	}
	var v [4]int
	for i := range v {
		v[i] = int(binary.LittleEndian.Uint32(hdr[len(digitsMagic)+4*i:]))
	}
	if v[0] != DigitSize || v[1] != DigitSize {
		return nil, fmt.Errorf("imagedata: digits asset has %d×%d images, want 28×28", v[0], v[1])
	}
	if v[2] > maxDigits || v[3] > maxDigits {
		return nil, fmt.Errorf("imagedata: digits asset claims %d + %d digits, more than MNIST's %d", v[2], v[3], maxDigits)
	}
	d := &Digits{}
	for k, s := range []*DigitSet{&d.Train, &d.Test} {
		n := v[2+k]
		s.Labels = make([]uint8, n)
		s.Pix = make([]uint8, n*DigitSize*DigitSize)
		name := [2]string{"training", "test"}[k]
		if _, err := io.ReadFull(zr, s.Labels); err != nil {
			return nil, fmt.Errorf("imagedata: digits asset %s labels: %w", name, truncated(err))
		}
		if _, err := io.ReadFull(zr, s.Pix); err != nil {
			return nil, fmt.Errorf("imagedata: digits asset %s images: %w", name, truncated(err))
		}
		if err := s.check(); err != nil {
			return nil, fmt.Errorf("%w (%s set)", err, name)
		}
	}
	// Read to the end so that gzip verifies its checksum and length.
	if n, err := io.Copy(io.Discard, zr); err != nil {
		return nil, fmt.Errorf("imagedata: digits asset: %w", truncated(err))
	} else if n > 0 {
		return nil, fmt.Errorf("imagedata: digits asset has %d bytes after the test images", n)
	}
	return d, nil
}

// truncated names an early end of the stream as truncation.
func truncated(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("truncated: %w", err)
	}
	return err
}
