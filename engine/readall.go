package engine

import (
	"context"
	"fmt"
)

// MultiReader is implemented by backends that copy several buffers to the host at once:
// the WebGPU backend copies them into one staging buffer and maps it once, where a Read
// per buffer would wait for one round trip each.
type MultiReader interface {
	// ReadMany copies srcs[i] into dsts[i], whose lengths are the buffers' sizes.
	ReadMany(ctx context.Context, srcs []Buffer, dsts [][]float32) error
}

// ReadAll copies the elements of every tensor back to the CPU, out[i] for ts[i], in one
// round trip on a backend that implements MultiReader and one Read per tensor otherwise.
// The tensors must all be on one device.
func ReadAll(ctx context.Context, ts ...*Tensor) ([][]float32, error) {
	if len(ts) == 0 {
		return nil, nil
	}
	dev := ts[0].dev
	out := make([][]float32, len(ts))
	bufs := make([]Buffer, len(ts))
	for i, t := range ts {
		if t.dev != dev {
			return nil, fmt.Errorf("engine: ReadAll of tensors on two devices (tensor %d)", i)
		}
		out[i], bufs[i] = make([]float32, t.Len()), t.buf
	}
	if mr, ok := dev.b.(MultiReader); ok {
		if err := mr.ReadMany(ctx, bufs, out); err != nil {
			return nil, fmt.Errorf("engine: read %d tensors: %w", len(ts), err)
		}
		return out, nil
	}
	for i, t := range ts {
		if err := dev.b.Read(ctx, bufs[i], out[i]); err != nil {
			return nil, fmt.Errorf("engine: read %v: %w", t.shape, err)
		}
	}
	return out, nil
}
