package enginetest

import (
	"fmt"

	"github.com/ganplay/ganplay/engine"
)

// matmulSizes are the products op(a)·op(b) of an M×K by a K×N matrix that MatMul runs on,
// with Batch 0 for plain 2-D operands. SharedA (SharedB) makes a a 2-D matrix shared by
// every batch of a 3-D b (or the reverse).
var matmulSizes = []struct {
	batch, m, k, n   int
	sharedA, sharedB bool
}{
	{m: 1, k: 1, n: 1},
	{m: 3, k: 5, n: 7},
	{m: 17, k: 1, n: 9},
	{m: 4, k: 6, n: 2},
	{m: 1, k: 8, n: 1},
	{batch: 1, m: 3, k: 5, n: 7},
	{batch: 2, m: 3, k: 4, n: 5},
	{batch: 3, m: 1, k: 6, n: 2},
	{batch: 3, m: 4, k: 5, n: 2, sharedA: true},
	{batch: 2, m: 3, k: 1, n: 4, sharedA: true},
	{batch: 3, m: 4, k: 5, n: 2, sharedB: true},
	{batch: 2, m: 5, k: 3, n: 1, sharedB: true},
	{batch: 4, m: 16, k: 33, n: 40},
}

// matmulShape returns the stored shape of a rows×cols operand (cols×rows when transposed),
// with a leading batch axis unless batch is 0.
func matmulShape(batch, rows, cols int, trans bool) []int {
	if trans {
		rows, cols = cols, rows
	}
	if batch == 0 {
		return []int{rows, cols}
	}
	return []int{batch, rows, cols}
}

// matmulCases returns MatMul on every size with the four transpose combinations, and the
// Tensor.MatMul method.
func matmulCases() []opCase {
	var cases []opCase
	for _, s := range matmulSizes {
		ba, bb := s.batch, s.batch
		if s.sharedA {
			ba = 0
		}
		if s.sharedB {
			bb = 0
		}
		for _, tr := range [][2]bool{{false, false}, {true, false}, {false, true}, {true, true}} {
			ta, tb := tr[0], tr[1]
			sa, sb := matmulShape(ba, s.m, s.k, ta), matmulShape(bb, s.k, s.n, tb)
			cases = append(cases, opCase{
				desc:   fmt.Sprintf("MatMul(a %v, b %v, transA %v, transB %v)", sa, sb, ta, tb),
				in:     []operand{{name: "a", shape: sa, draw: normal}, {name: "b", shape: sb, draw: normal}},
				terms:  max(s.m, s.k, s.n) * max(s.batch, 1),
				second: numel(sa)+numel(sb) <= fdLimit,
				run:    func(x []*engine.Tensor) *engine.Tensor { return engine.MatMul(x[0], x[1], ta, tb) },
				ref:    func(x []*array) *array { return matmulRef(x[0], x[1], ta, tb) },
			})
		}
	}
	for _, s := range [][2][]int{{{3, 5}, {5, 2}}, {{2, 3, 4}, {4, 3}}} {
		cases = append(cases, opCase{
			desc:  fmt.Sprintf("(a %v).MatMul(b %v)", s[0], s[1]),
			in:    []operand{{name: "a", shape: s[0], draw: normal}, {name: "b", shape: s[1], draw: normal}},
			terms: 5 * 2,
			run:   func(x []*engine.Tensor) *engine.Tensor { return x[0].MatMul(x[1]) },
			ref:   func(x []*array) *array { return matmulRef(x[0], x[1], false, false) },
		})
	}
	return cases
}
