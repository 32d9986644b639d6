//go:build !amd64

package cpu

// axpyRows adds a·x[r·ldx + j] to y[r·ldy + j] for r < rows, j < n.
func axpyRows(rows, n int, a float32, x []float32, ldx int, y []float32, ldy int) {
	axpyRowsGo(rows, n, a, x, ldx, y, ldy)
}

// dotRows returns Σ x[r·ldx + j]·y[r·ldy + j] over r < rows, j < n.
func dotRows(rows, n int, x []float32, ldx int, y []float32, ldy int) float32 {
	return dotRowsGo(rows, n, x, ldx, y, ldy)
}
