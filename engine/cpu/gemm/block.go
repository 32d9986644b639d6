package gemm

// gemmBlocked computes C = alpha * op(A) * op(B) + beta * C on the calling
// goroutine with the GotoBLAS loop nest of kern: columns of C in blocks of nc,
// the depth in blocks of kc (packing op(B) once per block), rows in blocks of
// mc (packing op(A)), then mr×nr tiles. It requires m, n, k > 0 and sizes that
// have already been checked.
func gemmBlocked(kern *kernel, transA, transB bool, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	mr, nr := kern.mr, kern.nr
	kcb := balance(k, kern.kc, 1)
	mcb := balance(m, kern.mc, mr)
	ncb := balance(n, kern.nc, nr)

	ws := getWorkspace(mcb*kcb, ncb*kcb, mr*nr)
	defer putWorkspace(ws)

	for jc := 0; jc < n; jc += ncb {
		nc := min(ncb, n-jc)
		for pc := 0; pc < k; pc += kcb {
			kc := min(kcb, k-pc)
			packB(ws.b, transB, b, ldb, pc, jc, kc, nc, nr)
			bet := beta
			if pc > 0 {
				bet = 1
			}
			for ic := 0; ic < m; ic += mcb {
				mc := min(mcb, m-ic)
				packA(ws.a, transA, a, lda, ic, pc, mc, kc, mr)
				macroKernel(kern, ws, mc, nc, kc, alpha, bet, c[ic*ldc+jc:], ldc)
			}
		}
	}
}

// macroKernel computes C = alpha * Ã * B̃ + beta * C for the packed mc×kc
// block Ã in ws.a and kc×nc block B̃ in ws.b, where c starts at the block's
// top-left element. Full tiles are written in place; edge tiles go through
// ws.tmp and only their valid part is written back.
func macroKernel(kern *kernel, ws *workspace, mc, nc, kc int, alpha, beta float32, c []float32, ldc int) {
	mr, nr := kern.mr, kern.nr
	tile := kern.tile
	for jr := 0; jr < nc; jr += nr {
		nn := min(nr, nc-jr)
		bp := ws.b[jr*kc : jr*kc+kc*nr]
		for ir := 0; ir < mc; ir += mr {
			mm := min(mr, mc-ir)
			ap := ws.a[ir*kc : ir*kc+kc*mr]
			if mm == mr && nn == nr {
				tile(kc, ap, bp, c[ir*ldc+jr:], ldc, alpha, beta)
				continue
			}
			t := ws.tmp[:mr*nr]
			tile(kc, ap, bp, t, nr, alpha, 0)
			for i := 0; i < mm; i++ {
				off := (ir+i)*ldc + jr
				row := c[off : off+nn]
				src := t[i*nr : i*nr+nn]
				if beta == 0 {
					copy(row, src)
					continue
				}
				for j, v := range src {
					row[j] = v + beta*row[j]
				}
			}
		}
	}
}

// balance splits size into the fewest blocks of at most limit and returns the
// common block length, rounded up to a multiple of unit (limit must be one).
func balance(size, limit, unit int) int {
	blocks := (size + limit - 1) / limit
	l := (size + blocks - 1) / blocks
	return (l + unit - 1) / unit * unit
}
