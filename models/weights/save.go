package weights

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"

	"github.com/ganplay/ganplay/engine/nn"
)

// Save writes ps as a safetensors file of F32 tensors, in the order given, with the
// metadata meta (may be nil). Names must be unique and non-empty.
func Save(w io.Writer, ps []nn.Param, meta map[string]string) error {
	return SaveAs(w, ps, meta, F32)
}

// SaveAs is Save with the elements stored as dt: F32, or F16 or BF16 (rounded to nearest,
// ties to even) for files half the size.
func SaveAs(w io.Writer, ps []nn.Param, meta map[string]string, dt DType) error {
	if dt != F32 && dt != F16 && dt != BF16 {
		return fmt.Errorf("weights: cannot save as %q: want F32, F16 or BF16", dt)
	}
	if err := checkNames(ps); err != nil {
		return err
	}
	header := make(map[string]any, len(ps)+1)
	if len(meta) > 0 {
		header[metadataKey] = meta
	}
	var data []byte
	for _, p := range ps {
		v, err := p.T.Read(context.Background())
		if err != nil {
			return fmt.Errorf("weights: tensor %q: %w", p.Name, err)
		}
		begin := len(data)
		data = dt.encode(data, v)
		shape := p.T.Shape()
		if shape == nil {
			shape = []int{}
		}
		header[p.Name] = headerEntry{DType: dt, Shape: &shape, DataOffsets: &[]int64{int64(begin), int64(len(data))}}
	}
	h, err := json.Marshal(header) // keys come out sorted, so files are reproducible
	if err != nil {
		return fmt.Errorf("weights: header: %w", err)
	}
	// Pad with spaces so the data section starts at a multiple of 8, as safetensors does.
	h = append(h, bytes.Repeat([]byte(" "), (8-len(h)%8)%8)...)
	out := binary.LittleEndian.AppendUint64(make([]byte, 0, 8+len(h)+len(data)), uint64(len(h)))
	out = append(append(out, h...), data...)
	if _, err := w.Write(out); err != nil {
		return fmt.Errorf("weights: write: %w", err)
	}
	return nil
}

// checkNames rejects empty, reserved and repeated names.
func checkNames(ps []nn.Param) error {
	seen := make(map[string]bool, len(ps))
	for _, p := range ps {
		switch {
		case p.Name == "" || p.Name == metadataKey:
			return fmt.Errorf("weights: invalid tensor name %q", p.Name)
		case seen[p.Name]:
			return fmt.Errorf("weights: tensor %q appears twice", p.Name)
		case p.T == nil:
			return fmt.Errorf("weights: tensor %q is nil", p.Name)
		}
		seen[p.Name] = true
	}
	return nil
}
