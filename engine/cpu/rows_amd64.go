package cpu

import "golang.org/x/sys/cpu"

// haveFMA selects the AVX2+FMA row loops.
var haveFMA = cpu.X86.HasAVX2 && cpu.X86.HasFMA

//go:noescape
func axpyRowsAVX2(rows, n int, a float32, x *float32, ldx int, y *float32, ldy int)

//go:noescape
func dotRowsAVX2(rows, n int, x *float32, ldx int, y *float32, ldy int) float32

// axpyRows adds a·x[r·ldx + j] to y[r·ldy + j] for r < rows, j < n.
func axpyRows(rows, n int, a float32, x []float32, ldx int, y []float32, ldy int) {
	if rows <= 0 || n <= 0 {
		return
	}
	_, _ = x[(rows-1)*ldx+n-1], y[(rows-1)*ldy+n-1]
	if haveFMA {
		axpyRowsAVX2(rows, n, a, &x[0], ldx, &y[0], ldy)
		return
	}
	axpyRowsGo(rows, n, a, x, ldx, y, ldy)
}

// dotRows returns Σ x[r·ldx + j]·y[r·ldy + j] over r < rows, j < n.
func dotRows(rows, n int, x []float32, ldx int, y []float32, ldy int) float32 {
	if rows <= 0 || n <= 0 {
		return 0
	}
	_, _ = x[(rows-1)*ldx+n-1], y[(rows-1)*ldy+n-1]
	if haveFMA {
		return dotRowsAVX2(rows, n, &x[0], ldx, &y[0], ldy)
	}
	return dotRowsGo(rows, n, x, ldx, y, ldy)
}
