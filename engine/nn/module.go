// Package nn holds the layers, initialisers and losses that GAN models are built from. Layers
// follow PyTorch's shapes and parameter names (weight, bias, running_mean, running_var) so
// that weights trained elsewhere can be loaded by name.
package nn

import (
	"strings"

	"github.com/ganplay/ganplay/engine"
)

// Module is a layer or a network of layers.
type Module interface {
	// Forward applies the module to x.
	Forward(x *engine.Tensor) *engine.Tensor
	// Params returns the trainable tensors with their names, in a fixed order.
	Params() []Param
}

// Param is a named tensor of a module.
type Param struct {
	Name string
	T    *engine.Tensor
}

// Stateful is implemented by modules with tensors that are saved but not trained, such as
// BatchNorm's running statistics.
type Stateful interface {
	Buffers() []Param
}

// Switchable is implemented by modules that behave differently in training and in evaluation
// (BatchNorm, Dropout).
type Switchable interface {
	SetTraining(on bool)
}

// SetTraining switches m and every module inside it to training (on) or evaluation mode.
func SetTraining(m Module, on bool) {
	if s, ok := m.(Switchable); ok {
		s.SetTraining(on)
	}
}

// State returns the parameters followed by the buffers of m: everything a weight file holds.
func State(m Module) []Param {
	ps := m.Params()
	if s, ok := m.(Stateful); ok {
		ps = append(ps, s.Buffers()...)
	}
	return ps
}

// Tensors returns just the tensors of a parameter list, as optimizers take them.
func Tensors(ps []Param) []*engine.Tensor {
	ts := make([]*engine.Tensor, len(ps))
	for i, p := range ps {
		ts[i] = p.T
	}
	return ts
}

// prefixed returns ps with "prefix." put before every name.
func prefixed(prefix string, ps []Param) []Param {
	out := make([]Param, len(ps))
	for i, p := range ps {
		out[i] = Param{Name: strings.TrimPrefix(prefix+"."+p.Name, "."), T: p.T}
	}
	return out
}
