package weights

import (
	"io"
	"slices"
)

// Tensor is one tensor of a file, converted to float32 for inspection.
type Tensor struct {
	DType DType     // the dtype in the file
	Shape []int     // the shape in the file; [] for a scalar
	Data  []float32 // Π Shape elements, row-major
}

// Read parses a whole safetensors file and returns its tensors by name and its metadata
// (nil when the file has none). A corrupt file is an error wrapping ErrFormat.
func Read(r io.Reader) (map[string]Tensor, map[string]string, error) {
	f, err := readFile(r)
	if err != nil {
		return nil, nil, err
	}
	ts := make(map[string]Tensor, len(f.entries))
	for _, e := range f.entries {
		ts[e.name] = Tensor{DType: e.dtype, Shape: slices.Clone(e.shape), Data: e.dtype.decode(e.data)}
	}
	return ts, f.meta, nil
}
