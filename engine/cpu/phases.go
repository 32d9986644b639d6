package cpu

import "github.com/ganplay/ganplay/engine"

// Strided patches through phase planes (space to depth). With stride s the kernel offset
// (p, q) of output pixel (i, j) reads padded pixel (i·s + p, j·s + q), which is pixel
// (i + ⌊p/s⌋, j + ⌊q/s⌋) of the phase plane (p mod s, q mod s): the padded plane split by
// the remainders of its coordinates,
//
//	phase[a, b][m, k] = padded[m·s_h + a, k·s_w + b].
//
// So once a plane is split into its s_h·s_w phases (one pass, padding included), every
// row of patches is a window of OH contiguous runs of OW in one phase, read without
// strides or bounds tests; folding back adds the windows into the phases and then
// interleaves them into the image, every pixel written once.

// phaseGeom is the shape of a plane's phases: sh·sw planes of ph×pw, and the runs that
// deal an image plane out over them.
type phaseGeom struct {
	sh, sw, ph, pw int
	imgSize        int // H·W
	runs           []phaseRun
	pairs          []phasePair // with sw = 2, the runs of each image row in one
}

// phaseRun is a run of n image pixels sw apart, from element img of the plane, that lie
// side by side in the phases from element at.
type phaseRun struct{ img, at, n int }

// phasePair is an image row of w pixels from element img of the plane with sw = 2: its
// even columns lie side by side in the phases from element even, its odd ones from odd.
type phasePair struct{ img, even, odd, w int }

// usePhases reports whether the patches of g go through phase planes: with strides no
// larger than the kernel (larger ones would split off phases no patch reads), and at
// stride 1 (one phase: the padded image) unless unfolding (not add) rows of at least
// phaseRowsBelow output pixels, which patchRow copies as fast. Measured with one thread:
// at stride 1, 128 channels of 18×18 unfold 1.9× and fold 2.7× faster through the
// phase, 3 channels of 70×70 (7×7 kernel) 1.4× and 1.9×; 32 channels of 64×64 fold 2×
// faster but unfold 1.3× slower.
func usePhases(g engine.ConvGeom, add bool) bool {
	if g.StrideH > g.KH || g.StrideW > g.KW {
		return false
	}
	strided := g.StrideH > 1 || g.StrideW > 1
	return strided || add || g.OW < phaseRowsBelow
}

// phaseRowsBelow is the output row length from which stride-1 unfolding copies rows
// directly (patchRow) rather than windows of a padded phase.
const phaseRowsBelow = 64

// newPhaseGeom sizes the phases to hold every image pixel and every pixel a patch reads.
// Row y of the image is row (y + PadH)/sh of phase row (y + PadH) mod sh, its pixels dealt
// out over the sw column phases.
func newPhaseGeom(g engine.ConvGeom) phaseGeom {
	hp := max(g.H+g.PadH, (g.OH-1)*g.StrideH+g.KH)
	wp := max(g.W+g.PadW, (g.OW-1)*g.StrideW+g.KW)
	sh, sw := g.StrideH, g.StrideW
	pg := phaseGeom{sh: sh, sw: sw, ph: (hp + sh - 1) / sh, pw: (wp + sw - 1) / sw, imgSize: g.H * g.W}
	for y := 0; y < g.H; y++ {
		yp := y + g.PadH
		pair := phasePair{img: y * g.W, w: g.W}
		for b := 0; b < sw; b++ {
			x0 := ((b-g.PadW)%sw + sw) % sw // first column of column phase b
			if x0 >= g.W {
				continue
			}
			at := ((yp%sh*sw+b)*pg.ph+yp/sh)*pg.pw + (x0+g.PadW)/sw
			pg.runs = append(pg.runs, phaseRun{img: y*g.W + x0, at: at, n: (g.W - x0 + sw - 1) / sw})
			if x0 == 0 {
				pair.even = at
			} else {
				pair.odd = at
			}
		}
		if sw == 2 {
			pg.pairs = append(pg.pairs, pair)
		}
	}
	for _, r := range pg.runs { // what splitPairs and mergePairs may assume
		if r.at < 0 || r.at+r.n > pg.size() || r.img < 0 || r.img+(r.n-1)*sw >= pg.imgSize {
			panic("cpu: phase run out of range")
		}
	}
	return pg
}

// size is the number of elements of one plane's phases.
func (pg *phaseGeom) size() int { return pg.sh * pg.sw * pg.ph * pg.pw }

// window returns where the window of kernel offset (p, q) starts in a plane's phases.
func (pg *phaseGeom) window(p, q int) int {
	return ((p%pg.sh*pg.sw+q%pg.sw)*pg.ph+p/pg.sh)*pg.pw + q/pg.sw
}

// split overwrites ph with the phases of the plane img, zero in the padding.
func (pg *phaseGeom) split(ph, img []float32) {
	clear(ph)
	if pg.pairs != nil {
		splitPairs(ph[:pg.size()], img[:pg.imgSize], pg.pairs)
		return
	}
	for _, r := range pg.runs {
		gather(ph[r.at:r.at+r.n], img[r.img:], pg.sw)
	}
}

// merge overwrites the plane img with the image pixels of the phases ph.
func (pg *phaseGeom) merge(img, ph []float32) {
	if pg.pairs != nil {
		mergePairs(img[:pg.imgSize], ph[:pg.size()], pg.pairs)
		return
	}
	for _, r := range pg.runs {
		scatter(img[r.img:], ph[r.at:r.at+r.n], pg.sw)
	}
}

// scatter sets dst[j·stride] = src[j].
func scatter(dst, src []float32, stride int) {
	if stride == 1 {
		copy(dst, src)
		return
	}
	if stride == 2 {
		dst = dst[:2*len(src)-1]
		for j, v := range src {
			dst[2*j] = v
		}
		return
	}
	for j, v := range src {
		dst[j*stride] = v
	}
}

// phasePatches is patches through phase planes (see usePhases). Every worker splits or
// accumulates the phases of one channel of every image at a time, in a scratch buffer
// from the free list, and moves each kernel offset's windows of all images in one call.
func (b *Backend) phasePatches(cols, img []float32, g engine.ConvGeom, wide, add bool) {
	l, hw := g.OH*g.OW, g.H*g.W
	pg := newPhaseGeom(g)
	ps := pg.size()
	wins := make([]int, 0, g.KH*g.KW) // where each kernel offset's window starts
	for p := 0; p < g.KH; p++ {
		for q := 0; q < g.KW; q++ {
			wins = append(wins, pg.window(p, q))
		}
	}
	// Image n's column row r starts at colRow(g, 0, r, wide) + n·cstride.
	wg := windows{count: g.N, cstride: g.C * g.KH * g.KW * l, pstride: ps, rows: g.OH, n: g.OW, ld: pg.pw}
	if wide {
		wg.cstride = l
	}
	b.parallelFor(g.C, g.N*g.C*g.KH*g.KW*l, func(lo, hi int) {
		buf := b.Alloc(g.N * ps)
		defer b.Release(buf)
		scratch := data(buf)
		for c := lo; c < hi; c++ {
			plane := func(n int) []float32 { return img[(n*g.C+c)*hw : (n*g.C+c+1)*hw] }
			if add {
				clear(scratch)
			} else {
				for n := range g.N {
					pg.split(scratch[n*ps:(n+1)*ps], plane(n))
				}
			}
			for pq, w := range wins {
				at := colRow(g, 0, c*g.KH*g.KW+pq, wide)
				if add {
					addWindows(scratch[w:], cols[at:], wg)
				} else {
					copyWindows(cols[at:], scratch[w:], wg)
				}
			}
			if add {
				for n := range g.N {
					pg.merge(plane(n), scratch[n*ps:(n+1)*ps])
				}
			}
		}
	})
}

// windows describes count windows of rows×n elements: in the columns, window k's row i
// starts at k·cstride + i·n; in the phases, at k·pstride + i·ld.
type windows struct{ count, cstride, pstride, rows, n, ld int }

// last returns the number of elements the columns and the phases must hold.
func (wg windows) last() (cols, phases int) {
	k := wg.count - 1
	return k*wg.cstride + wg.rows*wg.n, k*wg.pstride + (wg.rows-1)*wg.ld + wg.n
}

// copyWindowsGo copies the windows from the phases ph into the columns cols.
func copyWindowsGo(cols, ph []float32, wg windows) {
	for k := 0; k < wg.count; k++ {
		for i := 0; i < wg.rows; i++ {
			at, from := k*wg.cstride+i*wg.n, k*wg.pstride+i*wg.ld
			copy(cols[at:at+wg.n], ph[from:from+wg.n])
		}
	}
}

// addWindowsGo adds the windows of the columns cols into the phases ph.
func addWindowsGo(ph, cols []float32, wg windows) {
	for k := 0; k < wg.count; k++ {
		for i := 0; i < wg.rows; i++ {
			at, to := k*wg.cstride+i*wg.n, k*wg.pstride+i*wg.ld
			d, s := ph[to:to+wg.n], cols[at:at+wg.n]
			for j := range d {
				d[j] += s[j]
			}
		}
	}
}

// splitPairsGo is the portable splitPairs.
func splitPairsGo(ph, img []float32, pairs []phasePair) {
	for _, p := range pairs {
		row := img[p.img : p.img+p.w]
		gather(ph[p.even:p.even+(p.w+1)/2], row, 2)
		if p.w > 1 {
			gather(ph[p.odd:p.odd+p.w/2], row[1:], 2)
		}
	}
}

// mergePairsGo is the portable mergePairs.
func mergePairsGo(img, ph []float32, pairs []phasePair) {
	for _, p := range pairs {
		row := img[p.img : p.img+p.w]
		scatter(row, ph[p.even:p.even+(p.w+1)/2], 2)
		if p.w > 1 {
			scatter(row[1:], ph[p.odd:p.odd+p.w/2], 2)
		}
	}
}
