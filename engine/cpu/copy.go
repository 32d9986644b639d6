package cpu

import "github.com/ganplay/ganplay/engine"

// Copy copies src read through sv into dst written through dv.
func (b *Backend) Copy(dst engine.Buffer, dv engine.View, src engine.Buffer, sv engine.View) {
	d, s := data(dst), data(src)
	if len(dv.Shape) != len(sv.Shape) {
		panic("cpu: Copy views of different rank")
	}
	n := 1
	for i, x := range dv.Shape {
		if sv.Shape[i] != x {
			panic("cpu: Copy views of different shape")
		}
		n *= x
	}
	if n == 0 {
		return
	}
	shape, st := engine.Collapse(dv.Shape, dv.Strides, sv.Strides)
	inner := shape[len(shape)-1]
	sd, ss := st[0][len(shape)-1], st[1][len(shape)-1]
	b.parallelFor(outerCount(shape), n, func(lo, hi int) {
		rows(shape, st, lo, hi, func(offs []int) {
			od, os := dv.Offset+offs[0], sv.Offset+offs[1]
			if sd == 1 && ss == 1 {
				copy(d[od:od+inner], s[os:os+inner])
				return
			}
			for i := 0; i < inner; i++ {
				d[od] = s[os]
				od += sd
				os += ss
			}
		})
	})
}
