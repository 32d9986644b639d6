package cpu

// Loops over the rows of one channel of an [A, C, B] tensor: rows = A rows of n = B floats,
// a stride C·B apart. Whole channels go through one call each (AVX2 on amd64, see
// chanrows_amd64.s), so short rows (DCGAN's 7×7 maps give 49 floats) cost no call apiece.
// Sums add runs of up to 256 floats of a row in float32 (at most 33 values per float32
// partial sum on amd64) and the runs' sums in float64.

// sumRowsGo returns Σ x[r·ldx + j] over r < rows, j < n.
func sumRowsGo(rows, n int, x []float32, ldx int) float64 {
	var s float64
	for r := 0; r < rows; r++ {
		for k := 0; k < n; k += chunk {
			var rs float32
			for _, v := range x[r*ldx+k : r*ldx+min(n, k+chunk)] {
				rs += v
			}
			s += float64(rs)
		}
	}
	return s
}

// chunk is the run of a row that a float32 partial sum gathers.
const chunk = 256

// dotShiftRowsGo returns Σ x[r·ldx + j]·(y[r·ldy + j] + s) over r < rows, j < n.
func dotShiftRowsGo(rows, n int, s float32, x []float32, ldx int, y []float32, ldy int) float64 {
	var t float64
	for r := 0; r < rows; r++ {
		for k := 0; k < n; k += chunk {
			var rs float32
			e := min(n, k+chunk)
			yr := y[r*ldy+k : r*ldy+e]
			for j, v := range x[r*ldx+k : r*ldx+e] {
				rs += v * (yr[j] + s)
			}
			t += float64(rs)
		}
	}
	return t
}

// sqDevRowsGo returns Σ (x[r·ldx + j] - m)² over r < rows, j < n.
func sqDevRowsGo(rows, n int, m float32, x []float32, ldx int) float64 {
	var s float64
	for r := 0; r < rows; r++ {
		for k := 0; k < n; k += chunk {
			var rs float32
			for _, v := range x[r*ldx+k : r*ldx+min(n, k+chunk)] {
				d := v - m
				rs += d * d
			}
			s += float64(rs)
		}
	}
	return s
}

// affineRowsGo sets y[r·ldy + j] = ((x[r·ldx + j] + s)·a)·w + b, rounding after every
// operation; y may be x.
func affineRowsGo(rows, n int, s, a, w, b float32, x []float32, ldx int, y []float32, ldy int) {
	for r := 0; r < rows; r++ {
		yr := y[r*ldy : r*ldy+n]
		for j, v := range x[r*ldx : r*ldx+n] {
			t := float32(float32(v+s)*a) * w
			yr[j] = t + b
		}
	}
}

// gradRowsGo sets d[r·ldd + j] = (((y[r·ldy + j] + s)·a + b) + g[r·ldg + j])·c, rounding
// after every operation.
func gradRowsGo(rows, n int, s, a, b, c float32, y []float32, ldy int, g []float32, ldg int, d []float32, ldd int) {
	for r := 0; r < rows; r++ {
		yr, gr, dr := y[r*ldy:r*ldy+n], g[r*ldg:r*ldg+n], d[r*ldd:r*ldd+n]
		for j, v := range yr {
			t := float32(float32(v+s) * a)
			t = float32(t + b)
			dr[j] = float32(t+gr[j]) * c
		}
	}
}

// rowsFit panics unless rows rows of n floats ld apart fit in x (rows, n > 0).
func rowsFit(x []float32, rows, n, ld int) { _ = x[(rows-1)*ld+n-1] }
