package nets

import (
	"fmt"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
)

// ReflectionPad2d pads the two spatial axes of [N, C, H, W] by Pad pixels on every side,
// mirroring the interior without repeating the edge (torch.nn.ReflectionPad2d):
// [a b c d] padded by 2 is [c b a b c d c b].
type ReflectionPad2d struct{ Pad int }

// Forward pads x.
func (p ReflectionPad2d) Forward(x *engine.Tensor) *engine.Tensor {
	return x.PadReflect(2, p.Pad, p.Pad).PadReflect(3, p.Pad, p.Pad)
}

// Params returns nothing: padding has no parameters.
func (ReflectionPad2d) Params() []nn.Param { return nil }

// SetDropout switches every Dropout inside m on or off and leaves the other layers alone.
// Pix2pix keeps dropout on at test time as its source of noise while BatchNorm may use its
// running statistics.
func SetDropout(m nn.Module, on bool) {
	nn.Walk(m, func(l nn.Module) {
		if d, ok := l.(*nn.Dropout); ok {
			d.SetTraining(on)
		}
	})
}

// prefix puts "name." before every parameter name.
func prefix(name string, ps []nn.Param) []nn.Param {
	out := make([]nn.Param, len(ps))
	for i, p := range ps {
		out[i] = nn.Param{Name: name + "." + p.Name, T: p.T}
	}
	return out
}

func panicf(format string, args ...any) {
	panic(fmt.Sprintf("nets: "+format, args...))
}
