package enginetest

import (
	"fmt"

	"github.com/ganplay/ganplay/engine"
)

// oneInput builds a case of an op on one operand x of shape.
func oneInput(desc string, shape []int, run func(x *engine.Tensor) *engine.Tensor, ref func(x *array) *array) opCase {
	return opCase{
		desc: desc,
		in:   []operand{{name: "x", shape: shape, draw: normal}},
		run:  func(x []*engine.Tensor) *engine.Tensor { return run(x[0]) },
		ref:  func(x []*array) *array { return ref(x[0]) },
	}
}

// movementCases returns the movement ops: Reshape, Flatten, Expand, Permute, Transpose,
// Slice, Flip, Pad, PadReflect and Concat.
func movementCases() []opCase {
	var cases []opCase
	for _, s := range [][2][]int{
		{{2, 3, 4}, {4, -1}}, {{6, 4}, {-1}}, {{24}, {2, 3, 4}}, {{2, 3}, {3, 2}}, {{1, 5}, {5, 1}},
		{{2, 3}, {2, 3}}, {{1}, {}}, {{}, {1, 1}}, {{2, 3, 4}, {2, -1, 2}},
	} {
		cases = append(cases, oneInput(fmt.Sprintf("Reshape(x %v, %v)", s[0], s[1]), s[0],
			func(x *engine.Tensor) *engine.Tensor { return x.Reshape(s[1]...) },
			func(x *array) *array { return reshapeRef(x, s[1]) }))
	}
	for _, s := range [][]int{{2, 3, 4}, {1, 5}, {3, 1}, {2, 2, 1, 3}} {
		cases = append(cases, oneInput(fmt.Sprintf("Flatten(x %v)", s), s,
			(*engine.Tensor).Flatten,
			func(x *array) *array { return reshapeRef(x, []int{x.shape[0], -1}) }))
	}
	for _, s := range [][2][]int{
		{{3, 1}, {2, 3, 4}}, {{1}, {3, 2}}, {{4}, {2, 4}}, {{}, {2, 3}}, {{2, 1, 3}, {2, 5, 3}}, {{1, 1}, {1, 1}},
		{{1, 4, 1}, {3, 4, 2}},
	} {
		cases = append(cases, oneInput(fmt.Sprintf("Expand(x %v, %v)", s[0], s[1]), s[0],
			func(x *engine.Tensor) *engine.Tensor { return x.Expand(s[1]...) },
			func(x *array) *array { return expandRef(x, s[1]) }))
	}
	for _, s := range []struct{ shape, perm []int }{
		{[]int{2, 3, 4}, []int{2, 0, 1}}, {[]int{2, 3, 4}, []int{1, 2, 0}}, {[]int{2, 3, 4}, []int{0, 1, 2}},
		{[]int{2, 3, 4}, []int{-1, 0, -2}}, {[]int{3, 5}, []int{1, 0}}, {[]int{2, 1, 3, 2}, []int{3, 1, 0, 2}},
	} {
		cases = append(cases, oneInput(fmt.Sprintf("Permute(x %v, %v)", s.shape, s.perm), s.shape,
			func(x *engine.Tensor) *engine.Tensor { return x.Permute(s.perm...) },
			func(x *array) *array { return permuteRef(x, s.perm) }))
	}
	for _, s := range []struct {
		shape []int
		i, j  int
	}{{[]int{3, 5}, 0, 1}, {[]int{2, 3, 4}, 0, 2}, {[]int{2, 3, 4}, -1, -2}, {[]int{2, 3, 4}, 1, 1}, {[]int{4, 1, 3}, 1, -1}} {
		cases = append(cases, oneInput(fmt.Sprintf("Transpose(x %v, %d, %d)", s.shape, s.i, s.j), s.shape,
			func(x *engine.Tensor) *engine.Tensor { return x.Transpose(s.i, s.j) },
			func(x *array) *array { return transposeRef(x, s.i, s.j) }))
	}
	for _, s := range []struct {
		shape            []int
		axis, start, end int
	}{
		{[]int{7}, 0, 2, 5}, {[]int{3, 4}, 0, 1, 3}, {[]int{3, 4}, 1, 0, 1}, {[]int{3, 4}, -1, 3, 4},
		{[]int{2, 5, 3}, 1, 1, 4}, {[]int{2, 5, 3}, -3, 0, 2}, {[]int{2, 5, 3}, 2, 0, 3}, {[]int{4, 3}, 0, 2, 2},
	} {
		cases = append(cases, oneInput(fmt.Sprintf("Slice(x %v, axis %d, %d, %d)", s.shape, s.axis, s.start, s.end), s.shape,
			func(x *engine.Tensor) *engine.Tensor { return x.Slice(s.axis, s.start, s.end) },
			func(x *array) *array { return sliceRef(x, s.axis, s.start, s.end) }))
	}
	for _, s := range []struct {
		shape []int
		axis  int
	}{{[]int{5}, 0}, {[]int{3, 4}, 0}, {[]int{3, 4}, -1}, {[]int{2, 3, 4}, 1}, {[]int{2, 1, 3}, 1}, {[]int{2, 3, 4}, -3}} {
		cases = append(cases, oneInput(fmt.Sprintf("Flip(x %v, axis %d)", s.shape, s.axis), s.shape,
			func(x *engine.Tensor) *engine.Tensor { return x.Flip(s.axis) },
			func(x *array) *array { return flipRef(x, s.axis) }))
	}
	for _, s := range []struct {
		shape               []int
		axis, before, after int
	}{
		{[]int{4}, 0, 2, 1}, {[]int{3, 4}, 1, 0, 2}, {[]int{3, 4}, 0, 1, 0}, {[]int{2, 3, 4}, -1, 1, 1},
		{[]int{2, 3, 4}, 1, 0, 0}, {[]int{1, 3}, 0, 2, 3},
	} {
		cases = append(cases, oneInput(fmt.Sprintf("Pad(x %v, axis %d, %d, %d)", s.shape, s.axis, s.before, s.after), s.shape,
			func(x *engine.Tensor) *engine.Tensor { return x.Pad(s.axis, s.before, s.after) },
			func(x *array) *array { return padRef(x, s.axis, s.before, s.after) }))
	}
	for _, s := range []struct {
		shape               []int
		axis, before, after int
	}{
		{[]int{4}, 0, 2, 1}, {[]int{4}, 0, 3, 3}, {[]int{3, 5}, 1, 1, 1}, {[]int{3, 5}, 0, 0, 2}, {[]int{2, 3, 4}, -1, 2, 0},
		{[]int{2, 2, 3}, -2, 1, 1}, {[]int{1, 2, 5, 4}, 2, 2, 2},
	} {
		cases = append(cases, oneInput(fmt.Sprintf("PadReflect(x %v, axis %d, %d, %d)", s.shape, s.axis, s.before, s.after), s.shape,
			func(x *engine.Tensor) *engine.Tensor { return x.PadReflect(s.axis, s.before, s.after) },
			func(x *array) *array { return padReflectRef(x, s.axis, s.before, s.after) }))
	}
	return append(cases, concatCases()...)
}

// concatCases returns Concat of two and three parts along different axes.
func concatCases() []opCase {
	var cases []opCase
	for _, s := range []struct {
		axis   int
		shapes [][]int
	}{
		{0, [][]int{{2}, {3}}},
		{0, [][]int{{2, 3}, {1, 3}}},
		{1, [][]int{{2, 3}, {2, 1}}},
		{-1, [][]int{{2, 3, 1}, {2, 3, 2}, {2, 3, 3}}},
		{1, [][]int{{2, 1, 4}, {2, 3, 4}, {2, 2, 4}}},
		{0, [][]int{{1, 2, 2}, {2, 2, 2}, {1, 2, 2}}},
		{-2, [][]int{{3, 2}, {3, 2}}},
		{0, [][]int{{3, 4}}},
	} {
		in := make([]operand, len(s.shapes))
		for i, sh := range s.shapes {
			in[i] = operand{name: fmt.Sprintf("x%d", i), shape: sh, draw: normal}
		}
		cases = append(cases, opCase{
			desc: fmt.Sprintf("Concat(axis %d, %v)", s.axis, s.shapes),
			in:   in,
			run:  func(x []*engine.Tensor) *engine.Tensor { return engine.Concat(s.axis, x...) },
			ref:  func(x []*array) *array { return concatRef(s.axis, x...) },
		})
	}
	return cases
}
