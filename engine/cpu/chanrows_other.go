//go:build !amd64

package cpu

// sumRows returns Σ x[r·ldx + j] over r < rows, j < n.
func sumRows(rows, n int, x []float32, ldx int) float64 {
	if rows <= 0 || n <= 0 {
		return 0
	}
	return sumRowsGo(rows, n, x, ldx)
}

// dotShiftRows returns Σ x[r·ldx + j]·(y[r·ldy + j] + s) over r < rows, j < n.
func dotShiftRows(rows, n int, s float32, x []float32, ldx int, y []float32, ldy int) float64 {
	if rows <= 0 || n <= 0 {
		return 0
	}
	return dotShiftRowsGo(rows, n, s, x, ldx, y, ldy)
}

// sqDevRows returns Σ (x[r·ldx + j] - m)² over r < rows, j < n.
func sqDevRows(rows, n int, m float32, x []float32, ldx int) float64 {
	if rows <= 0 || n <= 0 {
		return 0
	}
	return sqDevRowsGo(rows, n, m, x, ldx)
}

// affineRows sets y[r·ldy + j] = ((x[r·ldx + j] + s)·a)·w + b, rounding after every
// operation; y may be x.
func affineRows(rows, n int, s, a, w, b float32, x []float32, ldx int, y []float32, ldy int) {
	if rows > 0 && n > 0 {
		affineRowsGo(rows, n, s, a, w, b, x, ldx, y, ldy)
	}
}

// gradRows sets d[r·ldd + j] = (((y[r·ldy + j] + s)·a + b) + g[r·ldg + j])·c, rounding
// after every operation.
func gradRows(rows, n int, s, a, b, c float32, y []float32, ldy int, g []float32, ldg int, d []float32, ldd int) {
	if rows > 0 && n > 0 {
		gradRowsGo(rows, n, s, a, b, c, y, ldy, g, ldg, d, ldd)
	}
}
