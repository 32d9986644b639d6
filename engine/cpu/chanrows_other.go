//go:build !amd64

package cpu

// sumRows returns Σ x[r·ldx + j] over r < rows, j < n.
func sumRows(rows, n int, x []float32, ldx int) float64 {
	if rows <= 0 || n <= 0 {
		return 0
	}
	return sumRowsGo(rows, n, x, ldx)
}

// dotRows64 returns Σ x[r·ldx + j]·y[r·ldy + j] over r < rows, j < n.
func dotRows64(rows, n int, x []float32, ldx int, y []float32, ldy int) float64 {
	if rows <= 0 || n <= 0 {
		return 0
	}
	return dotRows64Go(rows, n, x, ldx, y, ldy)
}

// sqDevRows returns Σ (x[r·ldx + j] - m)² over r < rows, j < n.
func sqDevRows(rows, n int, m float32, x []float32, ldx int) float64 {
	if rows <= 0 || n <= 0 {
		return 0
	}
	return sqDevRowsGo(rows, n, m, x, ldx)
}

// shiftScaleRows sets y[r·ldy + j] = (x[r·ldx + j] + b)·a; y may be x.
func shiftScaleRows(rows, n int, b, a float32, x []float32, ldx int, y []float32, ldy int) {
	if rows > 0 && n > 0 {
		shiftScaleRowsGo(rows, n, b, a, x, ldx, y, ldy)
	}
}

// gradRows sets d[r·ldd + j] = ((a·y[r·ldy + j] + b) + g[r·ldg + j])·c, rounding after
// every operation.
func gradRows(rows, n int, a, b, c float32, y []float32, ldy int, g []float32, ldg int, d []float32, ldd int) {
	if rows > 0 && n > 0 {
		gradRowsGo(rows, n, a, b, c, y, ldy, g, ldg, d, ldd)
	}
}
