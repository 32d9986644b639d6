package gemm

// directRows is the largest number of rows of C for which op(B), when it is not
// transposed, is read in place rather than packed (where the kernel supports
// it, kernel.tileB): with so few rows each packed value of B would serve only a
// few tiles, and the packing pass costs about as much as the products (a
// 32-channel convolution spent a quarter of its time packing). Measured with
// the AVX-512 kernel: 8-32 rows gain 8% to 2.6×; at 64 rows a 576-deep
// product with 4096 columns lost 21% (rows 16 KiB apart share L1 sets).
var directRows = 32

// gemmBlocked computes C = alpha * op(A) * op(B) + beta * C on the calling
// goroutine with the GotoBLAS loop nest of kern: columns of C in blocks of nc,
// the depth in blocks of kc (packing op(B) once per block, or only its last,
// partial sliver when op(B) is read in place), rows in blocks of mc (packing
// op(A)), then mr×nr tiles. When boff is not nil, row p of op(B) (untransposed)
// is b[boff[p]:] instead of b[p*ldb:]. It requires m, n, k > 0 and sizes that
// have already been checked.
func gemmBlocked(kern *kernel, transA, transB bool, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, boff []int, beta float32, c []float32, ldc int) {
	mr, nr := kern.mr, kern.nr
	kcb := balance(k, kern.kc, 1)
	mcb := balance(m, kern.mc, mr)
	ncb := balance(n, kern.nc, nr)
	direct := !transB && m <= directRows && (boff == nil && kern.tileB != nil || boff != nil && kern.tileO != nil)

	ws := getWorkspace(mcb*kcb, ncb*kcb, mr*nr)
	defer putWorkspace(ws)

	for jc := 0; jc < n; jc += ncb {
		nc := min(ncb, n-jc)
		for pc := 0; pc < k; pc += kcb {
			kc := min(kcb, k-pc)
			src := blockB(ws, direct, transB, b, ldb, boff, pc, jc, kc, nc, nr)
			bet := beta
			if pc > 0 {
				bet = 1
			}
			for ic := 0; ic < m; ic += mcb {
				mc := min(mcb, m-ic)
				packA(ws.a, transA, a, lda, ic, pc, mc, kc, mr)
				macroKernel(kern, ws, src, mc, nc, alpha, bet, c[ic*ldc+jc:], ldc)
			}
		}
	}
}

// blockB prepares the kc×nc block of op(B) whose top-left element is
// op(B)[pc][jc] and returns where macroKernel finds it: packed into ws.b, or,
// when direct, read in place but for its last, partial sliver (packed at its
// place in ws.b).
func blockB(ws *workspace, direct, transB bool, b []float32, ldb int, boff []int, pc, jc, kc, nc, nr int) bSource {
	src := bSource{kc: kc, nr: nr, packed: ws.b}
	if boff != nil {
		src.offs = boff[pc : pc+kc]
	}
	pack := func(from int) { // columns from..nc-1 of the block
		if src.offs != nil {
			packRunsAt(ws.b[from*kc:], b, src.offs, jc+from, kc, nc-from, nr)
		} else {
			packB(ws.b[from*kc:], transB, b, ldb, pc, jc+from, kc, nc-from, nr)
		}
	}
	if !direct {
		pack(0) // full stays 0: every sliver is read from ws.b
		return src
	}
	src.full = nc / nr * nr
	if src.offs != nil {
		src.direct = b[jc:]
	} else {
		src.direct, src.ldb = b[pc*ldb+jc:], ldb
	}
	if src.full < nc {
		pack(src.full)
	}
	return src
}

// bSource is where macroKernel finds the kc×nc block of op(B): packed slivers
// in packed, except the first full columns, which are read in place from
// direct when it is set: row p at direct[p*ldb:], or at direct[offs[p]:] when
// offs is set.
type bSource struct {
	kc, nr int
	packed []float32
	direct []float32
	ldb    int
	offs   []int
	full   int
}

// tile computes the mr×nr tile of C at c from the packed sliver ap of A and
// the columns of B from jr on (see kernel.tile).
func (s bSource) tile(kern *kernel, jr int, ap, c []float32, ldc int, alpha, beta float32) {
	switch {
	case jr >= s.full:
	case s.offs != nil:
		kern.tileO(s.kc, ap, s.direct[jr:], s.offs, c, ldc, alpha, beta)
		return
	default:
		kern.tileB(s.kc, ap, s.direct[jr:], s.ldb, c, ldc, alpha, beta)
		return
	}
	kern.tile(s.kc, ap, s.packed[jr*s.kc:jr*s.kc+s.kc*s.nr], c, ldc, alpha, beta)
}

// macroKernel computes C = alpha * Ã * B̃ + beta * C for the packed mc×kc
// block Ã in ws.a and the kc×nc block B̃ of src, where c starts at the block's
// top-left element. Full tiles are written in place; edge tiles go through
// ws.tmp and only their valid part is written back.
func macroKernel(kern *kernel, ws *workspace, src bSource, mc, nc int, alpha, beta float32, c []float32, ldc int) {
	mr, nr, kc := kern.mr, kern.nr, src.kc
	for jr := 0; jr < nc; jr += nr {
		nn := min(nr, nc-jr)
		for ir := 0; ir < mc; ir += mr {
			mm := min(mr, mc-ir)
			ap := ws.a[ir*kc : ir*kc+kc*mr]
			if mm == mr && nn == nr {
				src.tile(kern, jr, ap, c[ir*ldc+jr:], ldc, alpha, beta)
				continue
			}
			t := ws.tmp[:mr*nr]
			src.tile(kern, jr, ap, t, nr, alpha, 0)
			for i := 0; i < mm; i++ {
				off := (ir+i)*ldc + jr
				row := c[off : off+nn]
				part := t[i*nr : i*nr+nn]
				if beta == 0 {
					copy(row, part)
					continue
				}
				for j, v := range part {
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
