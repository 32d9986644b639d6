package enginetest

import (
	"fmt"

	"github.com/ganplay/ganplay/engine"
)

// reduceShapes are the reductions every reduce op runs: single, several, all (nil) and
// negative axes, size-1 axes, a scalar, and two larger tensors.
var reduceShapes = []struct {
	shape []int
	axes  []int
}{
	{[]int{}, nil},
	{[]int{1}, []int{0}},
	{[]int{5}, nil},
	{[]int{5}, []int{0}},
	{[]int{5}, []int{-1}},
	{[]int{3, 4}, []int{0}},
	{[]int{3, 4}, []int{1}},
	{[]int{3, 4}, []int{-1}},
	{[]int{3, 4}, []int{-2}},
	{[]int{3, 4}, []int{0, 1}},
	{[]int{3, 4}, nil},
	{[]int{4, 1}, []int{1}},
	{[]int{1, 4}, []int{0}},
	{[]int{2, 3, 4}, []int{1}},
	{[]int{2, 3, 4}, []int{0, 2}},
	{[]int{2, 3, 4}, []int{-1, 0}},
	{[]int{2, 3, 4}, []int{1, 2}},
	{[]int{2, 3, 4}, nil},
	{[]int{2, 1, 3, 5}, []int{1}},
	{[]int{2, 1, 3, 5}, []int{1, 3}},
	{[]int{2, 1, 3, 5}, []int{-3, -1}},
	{[]int{2, 1, 3, 5}, []int{0, 2}},
	{[]int{16, 250}, []int{1}},
	{[]int{64, 63}, nil},
}

// reduceOp is one reduction of the engine's public API.
type reduceOp struct {
	name     string
	run      func(x *engine.Tensor, axes ...int) *engine.Tensor
	ref      func(x *array, axes []int, keep bool) *array
	keep     bool
	distinct bool
	second   bool
}

var reduceOps = []reduceOp{
	{name: "Sum", run: (*engine.Tensor).Sum, ref: sumRef, second: true},
	{name: "SumKeep", run: (*engine.Tensor).SumKeep, ref: sumRef, keep: true},
	{name: "Mean", run: (*engine.Tensor).Mean, ref: meanRef},
	{name: "MeanKeep", run: (*engine.Tensor).MeanKeep, ref: meanRef, keep: true},
	{name: "Max", run: (*engine.Tensor).Max, ref: maxRef, distinct: true},
	{name: "MaxKeep", run: (*engine.Tensor).MaxKeep, ref: maxRef, keep: true, distinct: true},
}

// reduceCases returns every reduce op on every reduction.
func reduceCases() []opCase {
	var cases []opCase
	for _, op := range reduceOps {
		for _, s := range reduceShapes {
			// The number of terms per output element.
			want := op.ref(newArray(s.shape...), s.axes, op.keep)
			terms := numel(s.shape) / max(1, len(want.data))
			cases = append(cases, opCase{
				desc:     fmt.Sprintf("%s(x %v, axes %v)", op.name, s.shape, s.axes),
				in:       []operand{{name: "x", shape: s.shape, draw: normal}},
				terms:    terms,
				distinct: op.distinct,
				second:   op.second && numel(s.shape) <= fdLimit,
				run:      func(x []*engine.Tensor) *engine.Tensor { return op.run(x[0], s.axes...) },
				ref:      func(x []*array) *array { return op.ref(x[0], s.axes, op.keep) },
			})
		}
	}
	return cases
}
