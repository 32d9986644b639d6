package nn

import (
	"strconv"

	"github.com/ganplay/ganplay/engine"
)

// Sequential applies its layers in order. Parameter names are prefixed with the layer's
// index ("0.weight", "2.bias"), as torch.nn.Sequential does.
type Sequential struct {
	Layers []Module
}

// NewSequential returns a Sequential of the given layers.
func NewSequential(layers ...Module) *Sequential { return &Sequential{Layers: layers} }

// Forward applies the layers in order.
func (s *Sequential) Forward(x *engine.Tensor) *engine.Tensor {
	for _, l := range s.Layers {
		x = l.Forward(x)
	}
	return x
}

// Params returns the layers' parameters, prefixed with their index.
func (s *Sequential) Params() []Param {
	var ps []Param
	for i, l := range s.Layers {
		ps = append(ps, prefixed(strconv.Itoa(i), l.Params())...)
	}
	return ps
}

// Buffers returns the layers' buffers, prefixed with their index.
func (s *Sequential) Buffers() []Param {
	var ps []Param
	for i, l := range s.Layers {
		if st, ok := l.(Stateful); ok {
			ps = append(ps, prefixed(strconv.Itoa(i), st.Buffers())...)
		}
	}
	return ps
}

// SetTraining switches every layer.
func (s *Sequential) SetTraining(on bool) {
	for _, l := range s.Layers {
		SetTraining(l, on)
	}
}
