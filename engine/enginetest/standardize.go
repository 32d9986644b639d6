package enginetest

import (
	"fmt"
	"math"

	"github.com/ganplay/ganplay/engine"
)

// standardizeEps is the eps of the Standardize cases (BatchNorm's and InstanceNorm's).
const standardizeEps = 1e-5

// standardizeCases returns engine.Standardize (BatchNorm's and InstanceNorm's core, fused on
// backends that implement engine.Standardizer) on views [a, c, b]: one element per channel
// and b, many channels, channels longer than a 256-invocation workgroup, and a case for the
// Hessian-vector check that a gradient penalty through a norm layer needs.
func standardizeCases() []opCase {
	var cases []opCase
	for _, s := range []struct {
		a, c, b int
		second  bool
	}{
		{1, 3, 5, false},   // InstanceNorm of one image: [N·C, H·W] with a = 1
		{4, 3, 2, true},    // BatchNorm: [N, C, H·W]
		{2, 1, 7, false},   // one channel
		{5, 2, 1, false},   // BatchNorm of a linear layer: b = 1
		{1, 70, 4, false},  // many channels
		{2, 2, 300, false}, // 600 elements per channel, beyond one pass of a workgroup
	} {
		a, c, b := s.a, s.c, s.b
		cases = append(cases, opCase{
			desc:   fmt.Sprintf("Standardize(x [%d %d %d], eps %g)", a, c, b, standardizeEps),
			in:     []operand{{name: "x", shape: []int{a, c, b}, draw: normal}},
			terms:  a * b,
			second: s.second,
			run: func(x []*engine.Tensor) *engine.Tensor {
				y, _, _ := engine.Standardize(x[0], a, c, b, standardizeEps)
				return y
			},
			ref: func(x []*array) *array { return standardizeRef(x[0], a, c, b) },
		})
	}
	// BatchNorm's training map with its scale and shift (fused on backends that implement
	// engine.AffineStandardizer), gradients to x, w and bias.
	for _, s := range []struct {
		a, c, b int
		second  bool
	}{
		{4, 3, 2, true},
		{3, 2, 13, false}, // rows longer than a vector, with a tail
		{5, 2, 1, false},
		{2, 3, 300, false},
	} {
		a, c, b := s.a, s.c, s.b
		cases = append(cases, opCase{
			desc: fmt.Sprintf("StandardizeAffine(x [%d %d %d], w [%d], bias [%d], eps %g)", a, c, b, c, c, standardizeEps),
			in: []operand{{name: "x", shape: []int{a, c, b}, draw: normal},
				{name: "w", shape: []int{c}, draw: normal}, {name: "bias", shape: []int{c}, draw: normal}},
			terms:  a * b,
			second: s.second,
			run: func(x []*engine.Tensor) *engine.Tensor {
				y, _, _ := engine.StandardizeAffine(x[0], x[1], x[2], a, c, b, standardizeEps)
				return y
			},
			ref: func(x []*array) *array {
				y := standardizeRef(x[0], a, c, b)
				for i := range y.data {
					ch := i / b % c
					y.data[i] = y.data[i]*x[1].data[ch] + x[2].data[ch]
				}
				return y
			},
		})
	}
	return cases
}

// standardizeRef is Standardize in float64: per channel over its a·b elements, the mean, the
// biased variance and y = (x - mean)/√(var + eps).
func standardizeRef(x *array, a, c, b int) *array {
	y := newArray(x.shape...)
	n := float64(a * b)
	for ch := range c {
		var m, v float64
		for i := range a {
			for k := range b {
				m += x.data[(i*c+ch)*b+k]
			}
		}
		m /= n
		for i := range a {
			for k := range b {
				d := x.data[(i*c+ch)*b+k] - m
				v += d * d
			}
		}
		inv := 1 / math.Sqrt(v/n+standardizeEps)
		for i := range a {
			for k := range b {
				j := (i*c+ch)*b + k
				y.data[j] = (x.data[j] - m) * inv
			}
		}
	}
	return y
}
