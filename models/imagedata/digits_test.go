package imagedata_test

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/models/imagedata"
)

// loadAsset loads the committed digits asset.
func loadAsset(t *testing.T) *imagedata.Digits {
	t.Helper()
	f, err := os.Open(filepath.Join("assets", "digits.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := imagedata.LoadDigits(f)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDigitsAsset(t *testing.T) {
	d := loadAsset(t)
	for _, c := range []struct {
		name     string
		s        *imagedata.DigitSet
		perClass int
		first    uint8 // MNIST's first label: 5 in training, 7 in test
	}{{"training", &d.Train, 1000, 5}, {"test", &d.Test, 100, 7}} {
		if c.s.Len() != 10*c.perClass {
			t.Errorf("%s set has %d digits; want %d", c.name, c.s.Len(), 10*c.perClass)
		}
		var counts [10]int
		for _, l := range c.s.Labels {
			counts[l]++
		}
		for k, n := range counts {
			if n != c.perClass {
				t.Errorf("%s set has %d digits of class %d; want %d", c.name, n, k, c.perClass)
			}
		}
		if c.s.Labels[0] != c.first {
			t.Errorf("%s digit 0 has label %d; want MNIST's %d", c.name, c.s.Labels[0], c.first)
		}
		im := c.s.Image(0)
		lo, hi := slices.Min(im.Pix), slices.Max(im.Pix)
		if im.C != 1 || im.H != 28 || im.W != 28 || lo != -1 || hi != 1 {
			t.Errorf("%s digit 0: %d×%d×%d with values in [%v, %v]; want 1×28×28 spanning [-1, 1]", c.name, im.C, im.H, im.W, lo, hi)
		}
	}
	x, labels := d.Train.Batch(engine.NewDevice(cpu.New()), []int{0, 1, 2})
	if !slices.Equal(x.Shape(), []int{3, 1, 28, 28}) || !slices.Equal(labels, []int{5, 0, 4}) {
		t.Errorf("Batch = %v, %v; want [3 1 28 28], [5 0 4]", x.Shape(), labels)
	}
}

// asset returns a gzip stream of a raw asset body.
func asset(body []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(body)
	zw.Close()
	return buf.Bytes()
}

// body returns the uncompressed asset of train and test digits with the given labels.
func body(magic string, rows, cols int, train, test []uint8) []byte {
	b := []byte(magic)
	for _, v := range []int{rows, cols, len(train), len(test)} {
		b = binary.LittleEndian.AppendUint32(b, uint32(v))
	}
	for _, labels := range [][]uint8{train, test} {
		b = append(b, labels...)
		b = append(b, make([]byte, len(labels)*28*28)...)
	}
	return b
}

func TestDigitsRoundTrip(t *testing.T) {
	src := &imagedata.Digits{
		Train: imagedata.DigitSet{Labels: []uint8{3, 9}, Pix: make([]uint8, 2*784)},
		Test:  imagedata.DigitSet{Labels: []uint8{0}, Pix: make([]uint8, 784)},
	}
	src.Train.Pix[784+5] = 200
	var buf bytes.Buffer
	if err := imagedata.WriteDigits(&buf, src); err != nil {
		t.Fatal(err)
	}
	got, err := imagedata.LoadDigits(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Train.Labels, src.Train.Labels) || !slices.Equal(got.Train.Pix, src.Train.Pix) ||
		!slices.Equal(got.Test.Labels, src.Test.Labels) || !slices.Equal(got.Test.Pix, src.Test.Pix) {
		t.Errorf("round trip changed the digits")
	}
	bad := &imagedata.Digits{Train: imagedata.DigitSet{Labels: []uint8{10}, Pix: make([]uint8, 784)}}
	if err := imagedata.WriteDigits(&bytes.Buffer{}, bad); err == nil {
		t.Errorf("WriteDigits of label 10 succeeded; want an error")
	}
}

func TestDigitsCorrupt(t *testing.T) {
	good := asset(body("GPDIGIT1", 28, 28, []uint8{1, 2}, []uint8{3}))
	flipped := slices.Clone(good)
	flipped[len(flipped)-6] ^= 0xff // inside the CRC-32 of the gzip trailer
	absurd := body("GPDIGIT1", 28, 28, nil, nil)
	binary.LittleEndian.PutUint32(absurd[16:], 1<<30) // the training count
	for _, c := range []struct {
		name string
		file []byte
		want string
	}{
		{"empty", nil, "imagedata: digits asset is not gzip"},
		{"not gzip", []byte("GPDIGIT1 plain"), "imagedata: digits asset is not gzip"},
		{"bad magic", asset(body("PNGDIGIT", 28, 28, []uint8{1}, nil)), `starts with "PNGDIGIT"`},
		{"short header", asset([]byte("GPDIGIT1\x1c\x00")), "header: truncated"},
		{"wrong size", asset(body("GPDIGIT1", 32, 32, []uint8{1}, nil)), "32×32 images, want 28×28"},
		{"absurd count", asset(absurd), "claims 1073741824 + 0 digits"},
		{"truncated images", asset(body("GPDIGIT1", 28, 28, []uint8{1, 2}, []uint8{3})[:500]), "training images: truncated"},
		{"truncated test", asset(body("GPDIGIT1", 28, 28, []uint8{1, 2}, []uint8{3})[:2000]), "test images: truncated"},
		{"bad label", asset(body("GPDIGIT1", 28, 28, []uint8{1, 12}, nil)), "digit 1 has label 12, not 0-9 (training set)"},
		{"trailing bytes", asset(append(body("GPDIGIT1", 28, 28, []uint8{1}, nil), 7, 7)), "2 bytes after the test images"},
		{"truncated gzip", good[:len(good)-10], "truncated"},
		{"bad checksum", flipped, "checksum"},
	} {
		_, err := imagedata.LoadDigits(bytes.NewReader(c.file))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "imagedata: ") {
			t.Errorf("%s: LoadDigits = %v; want an error containing %q", c.name, err, c.want)
		}
	}
	if _, err := imagedata.LoadDigits(bytes.NewReader(good)); err != nil {
		t.Errorf("the uncorrupted asset: %v", err)
	}
}
