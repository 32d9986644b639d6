package weights_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/models/weights"
)

// smallNet is Conv2d(1→2, k1, bias) as a torch.nn.Sequential: tensors "0.weight" [2 1 1 1]
// and "0.bias" [2].
func smallNet(dev *engine.Device, seed uint64) *nn.Sequential {
	return nn.NewSequential(nn.NewConv2d(dev, rand.New(rand.NewPCG(seed, 1)), 1, 2, 1, 1, 0, true))
}

func values(ps []nn.Param) [][]float32 {
	var out [][]float32
	for _, p := range ps {
		out = append(out, p.T.Data())
	}
	return out
}

func sameValues(a, b [][]float32) bool {
	return slices.EqualFunc(a, b, func(x, y []float32) bool { return slices.Equal(x, y) })
}

func TestRoundTrip(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	rng := rand.New(rand.NewPCG(1, 2))
	src := nn.NewSequential(nn.NewConv2d(dev, rng, 3, 4, 3, 1, 1, false), nn.NewBatchNorm(dev, 4), nn.ReLU{},
		nn.NewConvTranspose2d(dev, rng, 4, 2, 4, 2, 1, 0, true))
	src.Forward(dev.Randn(rng, 0, 1, 2, 3, 5, 5)) // move the running statistics off 0 and 1
	dst := nn.NewSequential(nn.NewConv2d(dev, rng, 3, 4, 3, 1, 1, false), nn.NewBatchNorm(dev, 4), nn.ReLU{},
		nn.NewConvTranspose2d(dev, rng, 4, 2, 4, 2, 1, 0, true))
	var buf bytes.Buffer
	meta := map[string]string{"model": "test", "seed": "1"}
	if err := weights.Save(&buf, nn.State(src), meta); err != nil {
		t.Fatal(err)
	}
	if buf.Len()%8 != 0 {
		t.Errorf("file length %d; want a multiple of 8 (aligned header, F32 data)", buf.Len())
	}
	file := slices.Clone(buf.Bytes())
	if err := weights.Load(bytes.NewReader(file), nn.State(dst)); err != nil {
		t.Fatal(err)
	}
	if got, want := values(nn.State(dst)), values(nn.State(src)); !sameValues(got, want) {
		t.Errorf("loaded values differ from the saved ones")
	}
	ts, gotMeta, err := weights.Read(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if len(gotMeta) != 2 || gotMeta["model"] != "test" || gotMeta["seed"] != "1" {
		t.Errorf("Read metadata = %v; want %v", gotMeta, meta)
	}
	for _, p := range nn.State(src) {
		got, ok := ts[p.Name]
		if !ok || got.DType != weights.F32 || !slices.Equal(got.Shape, p.T.Shape()) || !slices.Equal(got.Data, p.T.Data()) {
			t.Errorf("Read()[%q] = %v, %v, %v; want F32 %v", p.Name, got.DType, got.Shape, ok, p.T.Shape())
		}
	}
	var again bytes.Buffer
	if err := weights.Save(&again, nn.State(dst), meta); err != nil || !bytes.Equal(again.Bytes(), file) {
		t.Errorf("saving the loaded model gave different bytes (err %v)", err)
	}
}

func TestSaveAsHalf(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	in := []float32{0, 1, -2, 0.5, 65504, 1e-7, 5.960464477539063e-08, 1.0009765625, 3.14159, 1e6, float32(math.Inf(-1))}
	for _, c := range []struct {
		dt   weights.DType
		want []float32
	}{
		// binary16: 1e-7 rounds to 2·2^-24 (subnormal), 1e6 overflows to +Inf.
		{weights.F16, []float32{0, 1, -2, 0.5, 65504, 1.1920928955078125e-07, 5.960464477539063e-08, 1.0009765625, 3.140625, float32(math.Inf(1)), float32(math.Inf(-1))}},
		// bfloat16 keeps 8 bits of mantissa.
		{weights.BF16, []float32{0, 1, -2, 0.5, 65536, 1.0011717677116394e-07, 5.960464477539063e-08, 1, 3.140625, 999424, float32(math.Inf(-1))}},
	} {
		var buf bytes.Buffer
		if err := weights.SaveAs(&buf, []nn.Param{{Name: "x", T: dev.FromSlice(in, len(in))}}, nil, c.dt); err != nil {
			t.Fatal(err)
		}
		if buf.Len() != 8+int(binary.LittleEndian.Uint64(buf.Bytes()))+2*len(in) {
			t.Errorf("%s file of %d bytes; want 2 bytes per element", c.dt, buf.Len())
		}
		ts, meta, err := weights.Read(&buf)
		if err != nil || meta != nil {
			t.Fatalf("Read %s: %v, metadata %v", c.dt, err, meta)
		}
		if got := ts["x"]; got.DType != c.dt || !slices.Equal(got.Data, c.want) {
			t.Errorf("%s round trip of %v = %v %v; want %v", c.dt, in, got.DType, got.Data, c.want)
		}
	}
	var buf bytes.Buffer
	if err := weights.SaveAs(&buf, nil, nil, weights.I64); err == nil {
		t.Errorf("SaveAs(I64) succeeded; want an error")
	}
}

func TestSaveRejectsBadNames(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	x := dev.Zeros(1)
	for _, ps := range [][]nn.Param{
		{{Name: "a", T: x}, {Name: "a", T: x}},
		{{Name: "", T: x}},
		{{Name: "__metadata__", T: x}},
	} {
		if err := weights.Save(&bytes.Buffer{}, ps, nil); err == nil {
			t.Errorf("Save(%v) succeeded; want an error", ps)
		}
	}
}

// TestPyTorchFile loads a file written byte by byte as Python's safetensors.torch.save_file
// writes it for torch.nn.Sequential(torch.nn.Conv2d(1, 2, 1)) with its weight in float16:
// compact JSON, "__metadata__" first, tensors ordered by alignment then name, the header
// padded with spaces to a multiple of 8.
func TestPyTorchFile(t *testing.T) {
	header := `{"__metadata__":{"format":"pt"},` +
		`"0.bias":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},` +
		`"0.weight":{"dtype":"F16","shape":[2,1,1,1],"data_offsets":[8,12]}}` + "   "
	var file []byte
	file = append(file, 0xa0, 0, 0, 0, 0, 0, 0, 0) // 160 = 157 bytes of JSON + 3 spaces
	file = append(file, header...)
	file = append(file, 0x00, 0x00, 0x00, 0x3f) // 0.5
	file = append(file, 0x00, 0x00, 0xa0, 0xbf) // -1.25
	file = append(file, 0x00, 0x3e)             // 1.5 in float16
	file = append(file, 0x66, 0xae)             // -0.0999755859375 in float16
	if len(header) != 160 {
		t.Fatalf("test header has %d bytes; want 160", len(header))
	}
	dev := engine.NewDevice(cpu.New())
	m := smallNet(dev, 1)
	if err := weights.Load(bytes.NewReader(file), nn.State(m)); err != nil {
		t.Fatal(err)
	}
	conv := m.Layers[0].(*nn.Conv2d)
	if got, want := conv.Bias.Data(), []float32{0.5, -1.25}; !slices.Equal(got, want) {
		t.Errorf("bias = %v; want %v", got, want)
	}
	if got, want := conv.Weight.Data(), []float32{1.5, -0.0999755859375}; !slices.Equal(got, want) {
		t.Errorf("weight = %v; want %v", got, want)
	}
	_, meta, err := weights.Read(bytes.NewReader(file))
	if err != nil || meta["format"] != "pt" {
		t.Errorf("Read metadata = %v, %v; want format pt", meta, err)
	}
}

// TestPyTorchBatchNorm reads a BatchNorm state as PyTorch saves it, with the I64
// num_batches_tracked that ganplay's layers do not have: an extra tensor unless allowed.
func TestPyTorchBatchNorm(t *testing.T) {
	dev := engine.NewDevice(cpu.New())
	bn := nn.NewBatchNorm(dev, 1)
	var data []byte
	for _, v := range []float32{2, 3, 0.25, 4} { // weight, bias, running_mean, running_var
		data = binary.LittleEndian.AppendUint32(data, math.Float32bits(v))
	}
	data = binary.LittleEndian.AppendUint64(data, 7) // num_batches_tracked
	file := build(`{"bias":{"dtype":"F32","shape":[1],"data_offsets":[4,8]},`+
		`"num_batches_tracked":{"dtype":"I64","shape":[],"data_offsets":[16,24]},`+
		`"running_mean":{"dtype":"F32","shape":[1],"data_offsets":[8,12]},`+
		`"running_var":{"dtype":"F32","shape":[1],"data_offsets":[12,16]},`+
		`"weight":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}`, data)
	err := weights.Load(bytes.NewReader(file), nn.State(bn))
	if !errors.Is(err, weights.ErrMismatch) || !strings.Contains(err.Error(), `"num_batches_tracked": in the file but not in the model`) {
		t.Errorf("Load = %v; want the extra num_batches_tracked", err)
	}
	if err := weights.LoadWith(bytes.NewReader(file), nn.State(bn), weights.Options{AllowExtra: true}); err != nil {
		t.Fatal(err)
	}
	got := values(nn.State(bn))
	if want := [][]float32{{2}, {3}, {0.25}, {4}}; !sameValues(got, want) {
		t.Errorf("BatchNorm state = %v; want %v", got, want)
	}
	ts, _, err := weights.Read(bytes.NewReader(file))
	if err != nil || ts["num_batches_tracked"].Data[0] != 7 || len(ts["num_batches_tracked"].Shape) != 0 {
		t.Errorf("Read num_batches_tracked = %+v, %v; want 7 with shape []", ts["num_batches_tracked"], err)
	}
}
