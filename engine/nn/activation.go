package nn

import "github.com/ganplay/ganplay/engine"

// ReLU applies max(x, 0).
type ReLU struct{}

// LeakyReLU applies x for x > 0 and Slope·x otherwise (GANs use Slope = 0.2).
type LeakyReLU struct{ Slope float32 }

// Tanh applies tanh x, the usual output of an image generator.
type Tanh struct{}

// Sigmoid applies 1/(1 + e^-x).
type Sigmoid struct{}

// Flatten reshapes [N, ...] to [N, rest].
type Flatten struct{}

// Reshape reshapes [N, ...] to [N, Shape...].
type Reshape struct{ Shape []int }

func (ReLU) Forward(x *engine.Tensor) *engine.Tensor        { return x.Relu() }
func (l LeakyReLU) Forward(x *engine.Tensor) *engine.Tensor { return x.LeakyRelu(l.Slope) }
func (Tanh) Forward(x *engine.Tensor) *engine.Tensor        { return x.Tanh() }
func (Sigmoid) Forward(x *engine.Tensor) *engine.Tensor     { return x.Sigmoid() }
func (Flatten) Forward(x *engine.Tensor) *engine.Tensor     { return x.Flatten() }
func (r Reshape) Forward(x *engine.Tensor) *engine.Tensor {
	return x.Reshape(append([]int{x.Dim(0)}, r.Shape...)...)
}

func (ReLU) Params() []Param      { return nil }
func (LeakyReLU) Params() []Param { return nil }
func (Tanh) Params() []Param      { return nil }
func (Sigmoid) Params() []Param   { return nil }
func (Flatten) Params() []Param   { return nil }
func (Reshape) Params() []Param   { return nil }
