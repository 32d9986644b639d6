package cpu

import (
	"math"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/cpu/vec"
)

// Reduce folds x over the axes r.Axes into dst (see engine.ReduceOp). Each output element
// is owned by one goroutine: the work is split over the kept axes.
func (b *Backend) Reduce(op engine.ReduceOp, dst, x engine.Buffer, r engine.Reduction) {
	d, s := data(dst), data(x)
	if len(s) == 0 {
		return
	}
	init := float32(0)
	if op == engine.OpMaxReduce {
		init = float32(math.Inf(-1))
	}
	if op == engine.OpSum {
		if a, c, n, ok := keptMiddle(r); ok {
			// A sum over all but a middle axis (the gradient of a per-channel bias or
			// scale): each channel's rows in one call.
			b.parallelFor(c, len(s), func(lo, hi int) {
				for ch := lo; ch < hi; ch++ {
					d[ch] = float32(sumRows(a, n, s[ch*n:], c*n))
				}
			})
			return
		}
	}
	for i := range d {
		d[i] = init
	}
	if last := len(r.Shape) - 1; last >= 0 && !r.Axes[last] && r.Shape[last] > 1 {
		// The innermost axis is kept (a sum over the batch, as for a bias gradient): walk
		// x in memory order and add whole rows into the output, on one goroutine since
		// every row writes the same outputs.
		shape, st := engine.Collapse(r.Shape, engine.ContiguousStrides(r.Shape), reducedStrides(r.Shape, r.Axes))
		inner := shape[len(shape)-1]
		rows(shape, st, 0, outerCount(shape), func(offs []int) {
			reduceRow(op, d[offs[1]:], 1, s[offs[0]:], 1, inner)
		})
		return
	}
	// Put the kept axes first so that chunks of the outer loop own disjoint outputs:
	// iterate over [kept..., reduced...] with input strides and output strides.
	in := engine.ContiguousStrides(r.Shape)
	outSt := engine.ContiguousStrides(keep(r.Shape, r.Axes))
	var shape, sIn, sOut []int
	for pass := 0; pass < 2; pass++ {
		for i, n := range r.Shape {
			if r.Axes[i] == (pass == 1) {
				shape = append(shape, n)
				sIn = append(sIn, in[i])
				if r.Axes[i] {
					sOut = append(sOut, 0)
				} else {
					sOut = append(sOut, outSt[i])
				}
			}
		}
	}
	shape2, st := engine.Collapse(shape, sIn, sOut)
	inner := shape2[len(shape2)-1]
	si, so := st[0][len(shape2)-1], st[1][len(shape2)-1]
	outer := outerCount(shape2)
	// Split only along kept axes: chunks of the outer loop aligned to whole output groups.
	perOut := outer / max(1, nOutOuter(shape2, st[1]))
	groups := outer / max(1, perOut)
	b.parallelFor(groups, len(s), func(lo, hi int) {
		rows(shape2, st, lo*perOut, hi*perOut, func(offs []int) {
			reduceRow(op, d[offs[1]:], so, s[offs[0]:], si, inner)
		})
	})
}

// keptMiddle reports whether r sums, after collapsing, a [a, c, b] tensor over its first
// and last axes (b > 1, a > 1), and returns their sizes.
func keptMiddle(r engine.Reduction) (a, c, b int, ok bool) {
	shape, st := engine.Collapse(r.Shape, engine.ContiguousStrides(r.Shape), reducedStrides(r.Shape, r.Axes))
	if len(shape) != 3 || st[1][0] != 0 || st[1][1] != 1 || st[1][2] != 0 {
		return 0, 0, 0, false
	}
	return shape[0], shape[1], shape[2], true
}

// nOutOuter counts the distinct output offsets among the outer axes of a collapsed
// iteration (axes with a non-zero output stride come first).
func nOutOuter(shape, sOut []int) int {
	n := 1
	for d := 0; d < len(shape)-1; d++ {
		if sOut[d] != 0 {
			n *= shape[d]
		}
	}
	return n
}

func keep(shape []int, axes []bool) []int {
	out := make([]int, len(shape))
	for i, n := range shape {
		out[i] = n
		if axes[i] {
			out[i] = 1
		}
	}
	return out
}

func reduceRow(op engine.ReduceOp, d []float32, so int, s []float32, si int, n int) {
	switch {
	case so == 0 && si == 1: // a contiguous row folds into one output element
		if op == engine.OpSum {
			d[0] += float32(vec.Sum(s[:n]))
		} else {
			d[0] = max(d[0], vec.MaxOf(s[:n]))
		}
	case so == 0:
		if op == engine.OpSum {
			var acc float64
			for i, j := 0, 0; i < n; i, j = i+1, j+si {
				acc += float64(s[j])
			}
			d[0] += float32(acc)
			return
		}
		m := d[0]
		for i, j := 0, 0; i < n; i, j = i+1, j+si {
			m = max(m, s[j])
		}
		d[0] = m
	case so == 1 && si == 1: // a row adds into a row of outputs
		if op == engine.OpSum {
			vec.AddTo(d[:n], s[:n])
		} else {
			vec.MaxTo(d[:n], s[:n])
		}
	default:
		for i, j, k := 0, 0, 0; i < n; i, j, k = i+1, j+si, k+so {
			if op == engine.OpSum {
				d[k] += s[j]
			} else {
				d[k] = max(d[k], s[j])
			}
		}
	}
}

// reducedStrides returns the strides that map an input index to its output element: the
// output's contiguous strides, 0 on reduced axes.
func reducedStrides(shape []int, axes []bool) []int {
	st := engine.ContiguousStrides(keep(shape, axes))
	for i, a := range axes {
		if a {
			st[i] = 0
		}
	}
	return st
}
