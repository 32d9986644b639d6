package gemm

// Packed layout. A block of op(A) (mc×kc) is stored as ceil(mc/mr) slivers of
// mr rows, and a block of op(B) (kc×nc) as ceil(nc/nr) slivers of nr columns.
// A sliver holds its kc steps one after the other, w values per step:
//
//	Ã[s*kc*mr + p*mr + i] = op(A)[i0+s*mr+i][p0+p]
//	B̃[s*kc*nr + p*nr + j] = op(B)[p0+p][j0+s*nr+j]
//
// Rows or columns past the end of the block are zero, so the micro-kernel can
// always compute a full tile. Whether a sliver is gathered from rows of the
// source (packInterleave) or copied from contiguous runs (packRuns) depends on
// the transpose, which is thus resolved here and never seen by the kernel.

// packA packs the mc×kc block of op(A) whose top-left element is op(A)[i0][p0]
// into dst, where op(A)[i][p] is a[i*lda+p], or a[p*lda+i] when trans is set.
func packA(dst []float32, trans bool, a []float32, lda, i0, p0, mc, kc, mr int) {
	if trans {
		packRuns(dst, a, lda, p0, i0, kc, mc, mr)
		return
	}
	packInterleave(dst, a, lda, i0, p0, mc, kc, mr)
}

// packB packs the kc×nc block of op(B) whose top-left element is op(B)[p0][j0]
// into dst, where op(B)[p][j] is b[p*ldb+j], or b[j*ldb+p] when trans is set.
func packB(dst []float32, trans bool, b []float32, ldb, p0, j0, kc, nc, nr int) {
	if trans {
		packInterleave(dst, b, ldb, j0, p0, nc, kc, nr)
		return
	}
	packRuns(dst, b, ldb, p0, j0, kc, nc, nr)
}

// packInterleave packs rows r0..r0+n-1 of src, columns c0..c0+kc-1, into
// slivers of w rows with the rows interleaved:
//
//	dst[s*kc*w + p*w + i] = src[(r0+s*w+i)*ld + c0+p].
func packInterleave(dst, src []float32, ld, r0, c0, n, kc, w int) {
	for s := 0; s*w < n; s++ {
		rows := min(w, n-s*w)
		d := dst[s*kc*w : (s+1)*kc*w]
		off := (r0+s*w)*ld + c0
		switch {
		case rows == 4 && w == 4:
			interleave4(d, 0, 4, src, ld, off, kc)
		case rows == 6 && w == 6:
			interleave6(d, src, ld, off, kc)
		default:
			// Whole groups of eight rows, then the rest one by one, then zeros.
			i := 0
			if w%8 == 0 {
				for ; i+8 <= rows; i += 8 {
					interleave8(d, i, w, src, ld, off+i*ld, kc)
				}
			}
			for ; i < rows; i++ {
				di := d[i:]
				for p, v := range src[off+i*ld : off+i*ld+kc] {
					di[p*w] = v
				}
			}
			if rows < w {
				for p := 0; p < kc; p++ {
					clear(d[p*w+rows : p*w+w])
				}
			}
		}
	}
}

// interleave4 stores four rows of kc values, src[off+i*ld+p] for i < 4, at
// d[p*stride+at+i].
func interleave4(d []float32, at, stride int, src []float32, ld, off, kc int) {
	s0 := src[off : off+kc]
	s1, s2, s3 := src[off+ld:], src[off+2*ld:], src[off+3*ld:]
	// Equal lengths let the compiler drop the bounds checks in the loop.
	s1, s2, s3 = s1[:len(s0)], s2[:len(s0)], s3[:len(s0)]
	for p := range s0 {
		dp := (*[4]float32)(d[p*stride+at:])
		dp[0], dp[1], dp[2], dp[3] = s0[p], s1[p], s2[p], s3[p]
	}
}

// interleave6 stores six rows of kc values, src[off+i*ld+p] for i < 6, at
// d[p*6+i].
func interleave6(d []float32, src []float32, ld, off, kc int) {
	s0 := src[off : off+kc]
	s1, s2, s3, s4, s5 := src[off+ld:], src[off+2*ld:], src[off+3*ld:], src[off+4*ld:], src[off+5*ld:]
	s1, s2, s3, s4, s5 = s1[:len(s0)], s2[:len(s0)], s3[:len(s0)], s4[:len(s0)], s5[:len(s0)]
	d = d[:6*len(s0)]
	for p := range s0 {
		dp := (*[6]float32)(d[p*6:])
		dp[0], dp[1], dp[2], dp[3], dp[4], dp[5] = s0[p], s1[p], s2[p], s3[p], s4[p], s5[p]
	}
}

// interleave8 stores eight rows of kc values, src[off+i*ld+p] for i < 8, at
// d[p*stride+at+i].
func interleave8(d []float32, at, stride int, src []float32, ld, off, kc int) {
	done := transpose8(d, at, stride, src, ld, off, kc)
	d = d[done*stride:]
	off += done
	kc -= done
	if kc == 0 {
		return
	}
	s0 := src[off : off+kc]
	s1, s2, s3 := src[off+ld:], src[off+2*ld:], src[off+3*ld:]
	s4, s5, s6, s7 := src[off+4*ld:], src[off+5*ld:], src[off+6*ld:], src[off+7*ld:]
	s1, s2, s3 = s1[:len(s0)], s2[:len(s0)], s3[:len(s0)]
	s4, s5, s6, s7 = s4[:len(s0)], s5[:len(s0)], s6[:len(s0)], s7[:len(s0)]
	for p := range s0 {
		dp := (*[8]float32)(d[p*stride+at:])
		dp[0], dp[1], dp[2], dp[3] = s0[p], s1[p], s2[p], s3[p]
		dp[4], dp[5], dp[6], dp[7] = s4[p], s5[p], s6[p], s7[p]
	}
}

// packRuns packs rows r0..r0+kc-1 of src, columns c0..c0+n-1, into slivers of
// w columns, copying each row's contiguous run of w values:
//
//	dst[s*kc*w + p*w + j] = src[(r0+p)*ld + c0+s*w+j].
//
// Each source row is read once, front to back.
func packRuns(dst, src []float32, ld, r0, c0, kc, n, w int) {
	for p := 0; p < kc; p++ {
		off := (r0+p)*ld + c0
		packRow(dst, src[off:off+n], p, kc, w)
	}
}

// packRunsAt is packRuns for rows that start at given offsets: row p of the
// block is src[offs[p]+c0 : offs[p]+c0+n], for p < kc.
func packRunsAt(dst, src []float32, offs []int, c0, kc, n, w int) {
	for p, o := range offs[:kc] {
		packRow(dst, src[o+c0:o+c0+n], p, kc, w)
	}
}

// packRow stores row, step p of a kc-deep block, into its slivers of w
// columns: dst[s*kc*w + p*w + j] = row[s*w+j], zero past the end of row.
func packRow(dst, row []float32, p, kc, w int) {
	n := len(row)
	full := n / w
	switch {
	case copyRuns(dst[p*w:], row, full, kc*w, w):
	case w == 4:
		for s := 0; s < full; s++ {
			dp := (*[4]float32)(dst[s*kc*4+p*4:])
			sp := (*[4]float32)(row[s*4:])
			dp[0], dp[1], dp[2], dp[3] = sp[0], sp[1], sp[2], sp[3]
		}
	case w == 6:
		for s := 0; s < full; s++ {
			dp := (*[6]float32)(dst[s*kc*6+p*6:])
			sp := (*[6]float32)(row[s*6:])
			dp[0], dp[1], dp[2], dp[3], dp[4], dp[5] = sp[0], sp[1], sp[2], sp[3], sp[4], sp[5]
		}
	case w == 16:
		for s := 0; s < full; s++ {
			dp := (*[16]float32)(dst[s*kc*16+p*16:])
			sp := (*[16]float32)(row[s*16:])
			*(*[4]float32)(dp[0:]) = *(*[4]float32)(sp[0:])
			*(*[4]float32)(dp[4:]) = *(*[4]float32)(sp[4:])
			*(*[4]float32)(dp[8:]) = *(*[4]float32)(sp[8:])
			*(*[4]float32)(dp[12:]) = *(*[4]float32)(sp[12:])
		}
	default:
		for s := 0; s < full; s++ {
			copy(dst[s*kc*w+p*w:s*kc*w+p*w+w], row[s*w:s*w+w])
		}
	}
	if rest := n - full*w; rest > 0 {
		dp := dst[full*kc*w+p*w : full*kc*w+p*w+w]
		copy(dp, row[full*w:])
		clear(dp[rest:])
	}
}
