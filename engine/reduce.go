package engine

import "slices"

// reduceAxes turns an axis list (negative counts from the end; empty means all) into a mask.
func (t *Tensor) reduceAxes(axes []int) []bool {
	mask := make([]bool, len(t.shape))
	if len(axes) == 0 {
		for i := range mask {
			mask[i] = true
		}
		return mask
	}
	for _, a := range axes {
		mask[t.axis(a)] = true
	}
	return mask
}

func keptShape(shape []int, mask []bool) []int {
	out := slices.Clone(shape)
	for i, m := range mask {
		if m {
			out[i] = 1
		}
	}
	return out
}

func droppedShape(shape []int, mask []bool) []int {
	out := []int{}
	for i, m := range mask {
		if !m {
			out = append(out, shape[i])
		}
	}
	return out
}

// SumKeep returns Σ t over the given axes (all when none), keeping them with size 1.
// Its gradient broadcasts g back over the summed axes.
func (t *Tensor) SumKeep(axes ...int) *Tensor {
	mask := t.reduceAxes(axes)
	out := t.dev.empty(keptShape(t.shape, mask))
	t.dev.b.Reduce(OpSum, out.buf, t.buf, Reduction{Shape: t.shape, Axes: mask})
	record(out, "sum", []*Tensor{t}, func(g *Tensor) []*Tensor { return []*Tensor{g.Expand(t.shape...)} })
	return out
}

// Sum returns Σ t over the given axes (all when none), dropping them.
func (t *Tensor) Sum(axes ...int) *Tensor {
	mask := t.reduceAxes(axes)
	return t.SumKeep(axes...).Reshape(droppedShape(t.shape, mask)...)
}

// MeanKeep returns the mean of t over the given axes (all when none), keeping them.
func (t *Tensor) MeanKeep(axes ...int) *Tensor {
	mask := t.reduceAxes(axes)
	n := Numel(t.shape) / max(1, Numel(keptShape(t.shape, mask)))
	return t.SumKeep(axes...).Scale(1 / float32(n))
}

// Mean returns the mean of t over the given axes (all when none), dropping them.
func (t *Tensor) Mean(axes ...int) *Tensor {
	mask := t.reduceAxes(axes)
	return t.MeanKeep(axes...).Reshape(droppedShape(t.shape, mask)...)
}

// MaxKeep returns the maximum of t over the given axes (all when none), keeping them. The
// gradient is shared equally by the elements that attain the maximum (as torch.amax).
func (t *Tensor) MaxKeep(axes ...int) *Tensor {
	mask := t.reduceAxes(axes)
	out := t.dev.empty(keptShape(t.shape, mask))
	t.dev.b.Reduce(OpMaxReduce, out.buf, t.buf, Reduction{Shape: t.shape, Axes: mask})
	record(out, "max", []*Tensor{t}, func(g *Tensor) []*Tensor {
		hit := t.Eq(out.Detach())
		count := hit.SumKeep(axes...)
		return []*Tensor{g.Div(count).Expand(t.shape...).Mul(hit)}
	})
	return out
}

// Max returns the maximum of t over the given axes (all when none), dropping them.
func (t *Tensor) Max(axes ...int) *Tensor {
	mask := t.reduceAxes(axes)
	return t.MaxKeep(axes...).Reshape(droppedShape(t.shape, mask)...)
}
