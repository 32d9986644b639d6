package weights_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/models/weights"
)

// build lays out a file: the length prefix, the header padded with spaces to a multiple of
// 8, then data.
func build(header string, data []byte) []byte {
	h := []byte(header)
	for len(h)%8 != 0 {
		h = append(h, ' ')
	}
	out := binary.LittleEndian.AppendUint64(nil, uint64(len(h)))
	return append(append(out, h...), data...)
}

// entries returns header entries for smallNet's tensors at the given byte ranges.
func entries(bias, weight string) string {
	return `{"0.bias":{"dtype":"F32","shape":[2],"data_offsets":` + bias + `},` +
		`"0.weight":{"dtype":"F32","shape":[2,1,1,1],"data_offsets":` + weight + `}}`
}

func TestCorruptFiles(t *testing.T) {
	good := make([]byte, 16)
	prefix := func(n uint64, rest int) []byte {
		return append(binary.LittleEndian.AppendUint64(nil, n), make([]byte, rest)...)
	}
	for _, c := range []struct {
		name string
		file []byte
		want string
		kind error
	}{
		{"empty", nil, "weights: truncated header: 0 bytes", weights.ErrFormat},
		{"short prefix", []byte{1, 2, 3}, "truncated header: 3 bytes", weights.ErrFormat},
		{"absurd length", prefix(1<<40, 64), "header length 1099511627776 is absurd", weights.ErrFormat},
		{"length beyond the file", prefix(1000, 40), "truncated header: length 1000 but only 40 bytes follow", weights.ErrFormat},
		{"bad JSON", build(`{"0.bias": {"dtype"`, good), "bad JSON header", weights.ErrFormat},
		{"not an object", build(`[1, 2]`, good), "bad JSON header: want an object", weights.ErrFormat},
		{"data after the object", build(entries("[0,8]", "[8,16]")+`x`, good), "data after the object", weights.ErrFormat},
		{"repeated name", build(`{"0.bias":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"0.bias":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}}`, good), `"0.bias" appears twice`, weights.ErrFormat},
		{"metadata not strings", build(`{"__metadata__":{"seed":1}}`, nil), "__metadata__ must map strings to strings", weights.ErrFormat},
		{"unknown dtype", build(`{"0.bias":{"dtype":"F99","shape":[2],"data_offsets":[0,8]}}`, good[:8]), `tensor "0.bias": unknown dtype "F99"`, weights.ErrFormat},
		{"no offsets", build(`{"0.bias":{"dtype":"F32","shape":[2]}}`, nil), `tensor "0.bias": data_offsets must be [begin, end]`, weights.ErrFormat},
		{"no shape", build(`{"0.bias":{"dtype":"F32","data_offsets":[0,8]}}`, good[:8]), `tensor "0.bias": no shape`, weights.ErrFormat},
		{"negative dimension", build(`{"0.bias":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}`, good[:8]), `tensor "0.bias": negative dimension`, weights.ErrFormat},
		{"offsets reversed", build(entries("[8,0]", "[8,16]"), good), `tensor "0.bias": data_offsets [8, 0] out of range`, weights.ErrFormat},
		{"size not shape × dtype", build(entries("[0,12]", "[12,20]"), good), `tensor "0.bias": data_offsets [0, 12] hold 12 bytes but shape [2] of F32 needs 8`, weights.ErrFormat},
		{"overlap", build(entries("[0,8]", "[4,12]"), good[:12]), `tensor "0.weight": bytes [4, 12) overlap tensor "0.bias", which ends at 8`, weights.ErrFormat},
		{"gap", build(entries("[0,8]", "[12,20]"), make([]byte, 20)), `tensor "0.weight": bytes [12, 20) leave a gap after tensor "0.bias"`, weights.ErrFormat},
		{"data truncated", build(entries("[0,8]", "[8,16]"), good[:13]), `tensor "0.weight": data truncated: bytes [8, 16) but the data section has 13`, weights.ErrFormat},
		{"trailing bytes", build(entries("[0,8]", "[8,16]"), make([]byte, 20)), "4 bytes after the last tensor's data", weights.ErrFormat},
		{"missing tensor", build(`{"0.bias":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}`, good[:8]), `weights: tensor "0.weight": missing from the file`, weights.ErrMismatch},
		{"extra tensor", build(`{"0.bias":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"0.weight":{"dtype":"F32","shape":[2,1,1,1],"data_offsets":[8,16]},"1.weight":{"dtype":"F32","shape":[1],"data_offsets":[16,20]}}`, make([]byte, 20)), `weights: tensor "1.weight": in the file but not in the model`, weights.ErrMismatch},
		// The first tensor fits, the second does not: nothing may be written.
		{"shape mismatch", build(`{"0.bias":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"0.weight":{"dtype":"F32","shape":[1,2,1,1],"data_offsets":[8,16]}}`, good), `weights: tensor "0.weight": shape [1 2 1 1] in file, [2 1 1 1] in model`, weights.ErrMismatch},
	} {
		t.Run(c.name, func(t *testing.T) {
			dev := engine.NewDevice(cpu.New())
			m := smallNet(dev, 7)
			before := values(nn.State(m))
			err := weights.Load(bytes.NewReader(c.file), nn.State(m))
			if err == nil || !strings.Contains(err.Error(), c.want) || !errors.Is(err, c.kind) {
				t.Errorf("Load = %v; want an error containing %q wrapping %v", err, c.want, c.kind)
			}
			if !sameValues(values(nn.State(m)), before) {
				t.Errorf("Load changed the model although it failed")
			}
			if c.kind == weights.ErrFormat {
				if _, _, err := weights.Read(bytes.NewReader(c.file)); !errors.Is(err, weights.ErrFormat) {
					t.Errorf("Read = %v; want an error wrapping ErrFormat", err)
				}
			}
		})
	}
}

// TestShapeMismatchMessage checks the exact text for the mistake users make most: loading
// weights for another number of input channels.
func TestShapeMismatchMessage(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	file := build(`{"3.weight":{"dtype":"F32","shape":[64,3,4,4],"data_offsets":[0,12288]}}`, make([]byte, 12288))
	w := dev.Full(1, 64, 1, 4, 4)
	err := weights.Load(bytes.NewReader(file), []nn.Param{{Name: "3.weight", T: w}})
	const want = `weights: tensor "3.weight": shape [64 3 4 4] in file, [64 1 4 4] in model`
	if err == nil || err.Error() != want {
		t.Errorf("Load = %v; want %s", err, want)
	}
	var we *weights.Error
	if !errors.As(err, &we) || we.Tensor != "3.weight" {
		t.Errorf("errors.As(%v) = %+v; want a *weights.Error naming 3.weight", err, we)
	}
	if w.Data()[0] != 1 {
		t.Errorf("the tensor changed although Load failed")
	}
}

// TestAllowExtra loads a file with a tensor the model lacks.
func TestAllowExtra(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	var buf bytes.Buffer
	src := nn.NewSequential(smallNet(dev, 1).Layers[0], smallNet(dev, 2).Layers[0])
	if err := weights.Save(&buf, nn.State(src), nil); err != nil {
		t.Fatal(err)
	}
	dst := smallNet(dev, 3)
	if err := weights.LoadWith(bytes.NewReader(buf.Bytes()), nn.State(dst), weights.Options{AllowExtra: true}); err != nil {
		t.Fatal(err)
	}
	if got, want := values(nn.State(dst)), values(nn.State(src))[:2]; !sameValues(got, want) {
		t.Errorf("loaded %v; want %v", got, want)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

func TestReadError(t *testing.T) {
	if _, _, err := weights.Read(failingReader{}); err == nil || !strings.HasPrefix(err.Error(), "weights: read") {
		t.Errorf("Read of a failing reader = %v; want a read error", err)
	}
}
