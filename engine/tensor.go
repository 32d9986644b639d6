package engine

import (
	"context"
	"fmt"
)

// Tensor is an n-dimensional float32 array, row-major and contiguous in a backend Buffer,
// with the history needed to differentiate through it.
type Tensor struct {
	dev   *Device
	buf   Buffer
	shape []int

	requiresGrad bool
	node         *node // the op that made this tensor; nil for leaves and detached tensors

	// Grad holds the gradient accumulated by Backward for a leaf that requires grad.
	Grad *Tensor
}

// Device returns the device the tensor lives on.
func (t *Tensor) Device() *Device { return t.dev }

// Buffer returns the backend buffer that holds the tensor's elements.
func (t *Tensor) Buffer() Buffer { return t.buf }

// Shape returns a copy of the tensor's shape.
func (t *Tensor) Shape() []int { return append([]int(nil), t.shape...) }

// Dim returns the size of axis i; negative i counts from the end.
func (t *Tensor) Dim(i int) int { return t.shape[t.axis(i)] }

// Rank returns the number of axes.
func (t *Tensor) Rank() int { return len(t.shape) }

// Len returns the number of elements.
func (t *Tensor) Len() int { return Numel(t.shape) }

// Strides returns the row-major element strides of the tensor.
func (t *Tensor) Strides() []int { return ContiguousStrides(t.shape) }

// Read copies the tensor's elements back to the CPU.
func (t *Tensor) Read(ctx context.Context) ([]float32, error) {
	out := make([]float32, t.Len())
	if err := t.dev.b.Read(ctx, t.buf, out); err != nil {
		return nil, fmt.Errorf("engine: read %v: %w", t.shape, err)
	}
	return out, nil
}

// Data copies the tensor's elements back to the CPU and panics if the backend fails.
func (t *Tensor) Data() []float32 {
	out, err := t.Read(context.Background())
	if err != nil {
		panic(err)
	}
	return out
}

// Item returns the only element of a one-element tensor.
func (t *Tensor) Item() float32 {
	if t.Len() != 1 {
		panicf("Item of a tensor of shape %v", t.shape)
	}
	return t.Data()[0]
}

// RequiresGrad marks a leaf tensor as a parameter whose gradient Backward accumulates in
// Grad, and returns it.
func (t *Tensor) RequiresGrad() *Tensor {
	if t.node != nil {
		panicf("RequiresGrad on a non-leaf tensor")
	}
	t.requiresGrad = true
	return t
}

// NeedsGrad reports whether gradients flow to this tensor.
func (t *Tensor) NeedsGrad() bool { return t.requiresGrad }

// Detach returns a tensor that shares t's elements but has no history: gradients stop there.
func (t *Tensor) Detach() *Tensor {
	return &Tensor{dev: t.dev, buf: t.buf, shape: t.shape}
}

// Copy returns a detached tensor with its own copy of t's elements.
func (t *Tensor) Copy() *Tensor {
	out := t.dev.empty(t.shape)
	v := View{Shape: t.shape, Strides: t.Strides()}
	t.dev.b.Copy(out.buf, v, t.buf, v)
	return out
}

// Set overwrites a leaf's elements with src's (same shape) in place, keeping the tensor's
// identity, as optimizers and weight loading need. It records no history.
func (t *Tensor) Set(src *Tensor) {
	if !sameShape(t.shape, src.shape) {
		panicf("Set: shape %v from %v", t.shape, src.shape)
	}
	v := View{Shape: t.shape, Strides: t.Strides()}
	t.dev.b.Copy(t.buf, v, src.buf, v)
}

// SetData overwrites a tensor's elements from a Go slice in place.
func (t *Tensor) SetData(data []float32) {
	if len(data) != t.Len() {
		panicf("SetData: %d values for shape %v", len(data), t.shape)
	}
	t.dev.b.Write(t.buf, data)
}

// String prints the shape and, for small tensors, the values.
func (t *Tensor) String() string {
	if t.Len() > 64 {
		return fmt.Sprintf("Tensor%v", t.shape)
	}
	return fmt.Sprintf("Tensor%v%v", t.shape, t.Data())
}

// axis resolves a possibly negative axis index.
func (t *Tensor) axis(i int) int {
	r := len(t.shape)
	if i < 0 {
		i += r
	}
	if i < 0 || i >= r {
		panicf("axis %d out of range for shape %v", i, t.shape)
	}
	return i
}
