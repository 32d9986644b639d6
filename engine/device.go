package engine

import (
	"math/rand/v2"
)

// Device pairs a Backend with the state of automatic differentiation. Tensors made on a
// device run their ops on its backend. A Device is not safe for concurrent use.
type Device struct {
	b      Backend
	noGrad int // depth of NoGrad regions; graph recording is off while > 0

	// tracking makes empty record every buffer it allocates in tracked (see recycler).
	tracking bool
	tracked  []Buffer
	scope    *scope // the open Scope, if any

	want map[*Tensor]bool // tensors on a path to Grad's inputs during its pass (nil: all)
}

// NewDevice returns a device that runs on b with gradient recording on.
func NewDevice(b Backend) *Device { return &Device{b: b} }

// Backend returns the backend that the device runs on.
func (d *Device) Backend() Backend { return d.b }

// GradEnabled reports whether ops on this device record the graph for differentiation.
func (d *Device) GradEnabled() bool { return d.noGrad == 0 }

// NoGrad runs f with graph recording off: tensors made inside have no history, as for
// evaluation, optimizer updates and detached targets.
func (d *Device) NoGrad(f func()) {
	d.noGrad++
	defer func() { d.noGrad-- }()
	f()
}

// FromSlice makes a tensor of the given shape holding a copy of data (row-major).
func (d *Device) FromSlice(data []float32, shape ...int) *Tensor {
	n := Numel(shape)
	if len(data) != n {
		panicf("FromSlice: %d values for shape %v (%d elements)", len(data), shape, n)
	}
	t := d.empty(shape)
	d.b.Write(t.buf, data)
	return t
}

// Zeros makes a tensor of zeros.
func (d *Device) Zeros(shape ...int) *Tensor { return d.Full(0, shape...) }

// Full makes a tensor with every element v.
func (d *Device) Full(v float32, shape ...int) *Tensor {
	t := d.empty(shape)
	d.b.Fill(t.buf, v)
	return t
}

// Scalar makes a tensor of shape [] holding v.
func (d *Device) Scalar(v float32) *Tensor { return d.Full(v) }

// Randn makes a tensor of draws from N(mean, std²) taken from rng.
func (d *Device) Randn(rng *rand.Rand, mean, std float64, shape ...int) *Tensor {
	data := make([]float32, Numel(shape))
	for i := range data {
		data[i] = float32(mean + std*rng.NormFloat64())
	}
	return d.FromSlice(data, shape...)
}

// Rand makes a tensor of draws from U[lo, hi) taken from rng.
func (d *Device) Rand(rng *rand.Rand, lo, hi float64, shape ...int) *Tensor {
	data := make([]float32, Numel(shape))
	for i := range data {
		data[i] = float32(lo + (hi-lo)*rng.Float64())
	}
	return d.FromSlice(data, shape...)
}

// empty allocates a contiguous tensor with no history and unspecified contents, for ops
// that write every element.
func (d *Device) empty(shape []int) *Tensor {
	for _, s := range shape {
		if s < 0 {
			panicf("negative dimension in shape %v", shape)
		}
	}
	sh := append([]int(nil), shape...)
	t := &Tensor{dev: d, buf: d.b.Alloc(Numel(sh)), shape: sh}
	if d.tracking {
		d.tracked = append(d.tracked, t.buf)
	}
	if d.scope != nil {
		d.scope.made = append(d.scope.made, t)
		// A buffer that a backward pass released earlier in the scope and the backend
		// hands out again is live once more: the scope must release it at its end.
		delete(d.scope.released, t.buf)
	}
	return t
}
