package cpu

// The portable row loops of the direct convolutions (rows_amd64.s has the AVX2 ones).

func axpyRowsGo(rows, n int, a float32, x []float32, ldx int, y []float32, ldy int) {
	for r := 0; r < rows; r++ {
		xr, yr := x[r*ldx:r*ldx+n], y[r*ldy:r*ldy+n]
		for j, v := range xr {
			yr[j] += a * v
		}
	}
}

func dotRowsGo(rows, n int, x []float32, ldx int, y []float32, ldy int) float32 {
	var s float32
	for r := 0; r < rows; r++ {
		xr, yr := x[r*ldx:r*ldx+n], y[r*ldy:r*ldy+n]
		for j, v := range xr {
			s += v * yr[j]
		}
	}
	return s
}
