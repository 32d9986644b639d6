package enginetest

import (
	"fmt"

	"github.com/ganplay/ganplay/engine"
)

// convGeoms are the patch geometries that Im2Col and Col2Im run on; the last one has a
// non-square kernel and different strides and paddings along the two axes.
var convGeoms = []convGeom{
	{n: 1, c: 1, h: 4, w: 4, kh: 3, kw: 3, strideH: 1, strideW: 1},
	{n: 2, c: 3, h: 5, w: 6, kh: 3, kw: 3, strideH: 1, strideW: 1, padH: 1, padW: 1},
	{n: 1, c: 2, h: 7, w: 5, kh: 4, kw: 4, strideH: 2, strideW: 2, padH: 1, padW: 1},
	{n: 2, c: 1, h: 6, w: 6, kh: 2, kw: 2, strideH: 2, strideW: 2},
	{n: 1, c: 2, h: 5, w: 5, kh: 1, kw: 1, strideH: 1, strideW: 1},
	{n: 1, c: 2, h: 5, w: 4, kh: 3, kw: 3, strideH: 2, strideW: 2, padH: 2, padW: 2},
	{n: 1, c: 2, h: 6, w: 5, kh: 3, kw: 2, strideH: 2, strideW: 1, padH: 1},
}

// engineGeom converts g to the engine's geometry; equal strides and paddings go through
// engine.NewConvGeom, the others are filled in with the reference's output size.
func engineGeom(g convGeom) engine.ConvGeom {
	if g.strideH == g.strideW && g.padH == g.padW {
		return engine.NewConvGeom(g.n, g.c, g.h, g.w, g.kh, g.kw, g.strideH, g.padH)
	}
	oh, ow := g.out()
	return engine.ConvGeom{N: g.n, C: g.c, H: g.h, W: g.w, KH: g.kh, KW: g.kw,
		StrideH: g.strideH, StrideW: g.strideW, PadH: g.padH, PadW: g.padW, OH: oh, OW: ow}
}

// String prints g as case descriptions show it.
func (g convGeom) String() string {
	return fmt.Sprintf("N %d C %d H %d W %d, kernel %d×%d, stride %d×%d, pad %d×%d",
		g.n, g.c, g.h, g.w, g.kh, g.kw, g.strideH, g.strideW, g.padH, g.padW)
}

// im2colCases returns Im2Col and Col2Im on every geometry.
func im2colCases() []opCase {
	var cases []opCase
	for _, g := range convGeoms {
		oh, ow := g.out()
		xs := []int{g.n, g.c, g.h, g.w}
		cs := []int{g.n, g.c * g.kh * g.kw, oh * ow}
		cases = append(cases, opCase{
			desc:  fmt.Sprintf("Im2Col(x %v, %v)", xs, g),
			in:    []operand{{name: "x", shape: xs, draw: normal}},
			terms: g.kh * g.kw,
			run:   func(x []*engine.Tensor) *engine.Tensor { return x[0].Im2Col(engineGeom(g)) },
			ref:   func(x []*array) *array { return im2colRef(x[0], g) },
		}, opCase{
			desc:  fmt.Sprintf("Col2Im(cols %v, %v)", cs, g),
			in:    []operand{{name: "cols", shape: cs, draw: normal}},
			terms: g.kh * g.kw,
			run:   func(x []*engine.Tensor) *engine.Tensor { return x[0].Col2Im(engineGeom(g)) },
			ref:   func(x []*array) *array { return col2imRef(x[0], g) },
		})
	}
	return cases
}

// convShapes are the convolutions that Conv2d runs: x [N, C, H, W], w [CO, C, KH, KW].
var convShapes = []struct {
	x, w        []int
	bias        bool
	stride, pad int
}{
	{[]int{1, 1, 5, 5}, []int{1, 1, 3, 3}, false, 1, 0},
	{[]int{2, 3, 5, 6}, []int{4, 3, 3, 3}, true, 1, 1},
	{[]int{2, 3, 7, 5}, []int{2, 3, 3, 3}, true, 2, 1},
	{[]int{1, 2, 6, 6}, []int{3, 2, 4, 4}, true, 2, 1},
	{[]int{2, 2, 5, 7}, []int{3, 2, 1, 1}, true, 1, 0},
	{[]int{1, 3, 4, 4}, []int{2, 3, 1, 1}, false, 2, 0},
	{[]int{1, 2, 4, 5}, []int{2, 2, 3, 3}, false, 1, 2},
	{[]int{2, 1, 8, 8}, []int{2, 1, 4, 4}, false, 2, 0},
	{[]int{1, 2, 6, 5}, []int{2, 2, 3, 2}, true, 1, 1},
	{[]int{1, 1, 3, 3}, []int{1, 1, 3, 3}, true, 1, 0},
	{[]int{2, 4, 12, 12}, []int{8, 4, 3, 3}, true, 1, 1},
	// More than 4 output channels at stride 1 on one image, with and without padding,
	// with dropped columns of a shifted convolution (Wp > OW) and without (a 3×1 kernel,
	// no padding); convConstCases runs them with weights that do not train.
	{[]int{1, 3, 6, 7}, []int{6, 3, 3, 2}, true, 1, 0},
	{[]int{1, 2, 5, 5}, []int{5, 2, 2, 3}, false, 1, 2},
	{[]int{1, 2, 4, 6}, []int{6, 2, 3, 1}, true, 1, 0},
}

// convConstCases returns Conv2d with weights that do not require grad (a frozen or
// display pass), on the stride-1 shapes with more than 4 output channels: backends that
// implement engine.ShiftedConv take their shifted path here, whose input gradient (and its
// own gradient, for the Hessian-vector product) is checked like any other.
func convConstCases() []opCase {
	var cases []opCase
	for _, s := range convShapes {
		if s.stride != 1 || s.w[0] <= 4 || s.w[2]*s.w[3] == 1 {
			continue
		}
		desc := fmt.Sprintf("Conv2d(x %v, constant w %v, stride 1, pad %d)", s.x, s.w, s.pad)
		w := draw(newRand(desc+" w"), s.w, normal)
		g := convGeom{n: s.x[0], c: s.x[1], h: s.x[2], w: s.x[3], kh: s.w[2], kw: s.w[3],
			strideH: 1, strideW: 1, padH: s.pad, padW: s.pad}
		oh, ow := g.out()
		cases = append(cases, opCase{
			desc:   desc,
			in:     []operand{{name: "x", shape: s.x, draw: normal}},
			terms:  max(g.c*g.kh*g.kw, s.w[0]*g.kh*g.kw, g.n*oh*ow),
			second: true,
			run: func(x []*engine.Tensor) *engine.Tensor {
				wt := x[0].Device().FromSlice(w.float32s(), w.shape...)
				return engine.Conv2d(x[0], wt, nil, 1, s.pad)
			},
			ref: func(x []*array) *array { return conv2dRef(x[0], w, nil, 1, s.pad) },
		})
	}
	return cases
}

// convCases returns Conv2d on every convolution shape.
func convCases() []opCase {
	var cases []opCase
	for _, s := range convShapes {
		in := []operand{{name: "x", shape: s.x, draw: normal}, {name: "w", shape: s.w, draw: normal}}
		desc := fmt.Sprintf("Conv2d(x %v, w %v, nil, stride %d, pad %d)", s.x, s.w, s.stride, s.pad)
		if s.bias {
			in = append(in, operand{name: "b", shape: s.w[:1], draw: normal})
			desc = fmt.Sprintf("Conv2d(x %v, w %v, b %v, stride %d, pad %d)", s.x, s.w, s.w[:1], s.stride, s.pad)
		}
		g := convGeom{n: s.x[0], c: s.x[1], h: s.x[2], w: s.x[3], kh: s.w[2], kw: s.w[3],
			strideH: s.stride, strideW: s.stride, padH: s.pad, padW: s.pad}
		oh, ow := g.out()
		size := 0
		for _, o := range in {
			size += numel(o.shape)
		}
		cases = append(cases, opCase{
			desc:   desc,
			in:     in,
			terms:  max(g.c*g.kh*g.kw, s.w[0]*g.kh*g.kw, g.n*oh*ow),
			second: size <= 2*fdLimit,
			run: func(x []*engine.Tensor) *engine.Tensor {
				if len(x) == 3 {
					return engine.Conv2d(x[0], x[1], x[2], s.stride, s.pad)
				}
				return engine.Conv2d(x[0], x[1], nil, s.stride, s.pad)
			},
			ref: func(x []*array) *array {
				if len(x) == 3 {
					return conv2dRef(x[0], x[1], x[2], s.stride, s.pad)
				}
				return conv2dRef(x[0], x[1], nil, s.stride, s.pad)
			},
		})
	}
	return cases
}

// convTransposeShapes are the transposed convolutions that ConvTranspose2d runs:
// x [N, CI, H, W], w [CI, CO, KH, KW].
var convTransposeShapes = []struct {
	x, w                []int
	bias                bool
	stride, pad, outPad int
}{
	{[]int{1, 1, 3, 3}, []int{1, 1, 3, 3}, false, 1, 0, 0},
	{[]int{2, 3, 3, 4}, []int{3, 2, 3, 3}, true, 1, 1, 0},
	{[]int{1, 2, 3, 3}, []int{2, 3, 4, 4}, true, 2, 1, 0},
	{[]int{2, 2, 3, 2}, []int{2, 2, 3, 3}, true, 2, 1, 1},
	{[]int{1, 2, 4, 3}, []int{2, 1, 3, 3}, false, 2, 0, 1},
	{[]int{1, 3, 2, 2}, []int{3, 2, 2, 2}, true, 2, 0, 0},
	{[]int{1, 2, 3, 3}, []int{2, 2, 1, 1}, false, 1, 0, 0},
}

// convTransposeCases returns ConvTranspose2d on every shape.
func convTransposeCases() []opCase {
	var cases []opCase
	for _, s := range convTransposeShapes {
		in := []operand{{name: "x", shape: s.x, draw: normal}, {name: "w", shape: s.w, draw: normal}}
		b := "nil"
		if s.bias {
			in = append(in, operand{name: "b", shape: s.w[1:2], draw: normal})
			b = fmt.Sprintf("b %v", s.w[1:2])
		}
		n, ci, h, w := s.x[0], s.x[1], s.x[2], s.x[3]
		co, kh, kw := s.w[1], s.w[2], s.w[3]
		oh, ow := (h-1)*s.stride-2*s.pad+kh+s.outPad, (w-1)*s.stride-2*s.pad+kw+s.outPad
		cases = append(cases, opCase{
			desc:  fmt.Sprintf("ConvTranspose2d(x %v, w %v, %s, stride %d, pad %d, outPad %d)", s.x, s.w, b, s.stride, s.pad, s.outPad),
			in:    in,
			terms: max(ci*kh*kw, co*kh*kw, n*oh*ow),
			run: func(x []*engine.Tensor) *engine.Tensor {
				if len(x) == 3 {
					return engine.ConvTranspose2d(x[0], x[1], x[2], s.stride, s.pad, s.outPad)
				}
				return engine.ConvTranspose2d(x[0], x[1], nil, s.stride, s.pad, s.outPad)
			},
			ref: func(x []*array) *array {
				if len(x) == 3 {
					return convTranspose2dRef(x[0], x[1], x[2], s.stride, s.pad, s.outPad)
				}
				return convTranspose2dRef(x[0], x[1], nil, s.stride, s.pad, s.outPad)
			},
		})
	}
	return cases
}

// poolCases returns AvgPool2d and UpsampleNearest.
func poolCases() []opCase {
	var cases []opCase
	for _, s := range []struct {
		x              []int
		k, stride, pad int
	}{
		{[]int{1, 2, 4, 4}, 2, 2, 0},
		{[]int{2, 3, 6, 5}, 2, 2, 0},
		{[]int{1, 2, 5, 5}, 3, 1, 1},
		{[]int{2, 1, 4, 6}, 3, 1, 1},
	} {
		c := oneInput(fmt.Sprintf("AvgPool2d(x %v, k %d, stride %d, pad %d)", s.x, s.k, s.stride, s.pad), s.x,
			func(x *engine.Tensor) *engine.Tensor { return engine.AvgPool2d(x, s.k, s.stride, s.pad) },
			func(x *array) *array { return avgPool2dRef(x, s.k, s.stride, s.pad) })
		c.terms = s.k * s.k
		cases = append(cases, c)
	}
	for _, s := range []struct {
		x     []int
		scale int
	}{{[]int{1, 2, 3, 3}, 2}, {[]int{2, 1, 2, 3}, 3}, {[]int{1, 1, 1, 1}, 2}, {[]int{1, 3, 2, 4}, 1}} {
		c := oneInput(fmt.Sprintf("UpsampleNearest(x %v, %d)", s.x, s.scale), s.x,
			func(x *engine.Tensor) *engine.Tensor { return engine.UpsampleNearest(x, s.scale) },
			func(x *array) *array { return upsampleNearestRef(x, s.scale) })
		c.terms = s.scale * s.scale
		cases = append(cases, c)
	}
	return cases
}
