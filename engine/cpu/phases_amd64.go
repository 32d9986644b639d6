package cpu

//go:noescape
func copyWindowsAVX2(dst, src *float32, count, dstride, sstride, rows, n, ld int)

//go:noescape
func splitPairsAVX2(ph, img *float32, pairs *phasePair, n int)

//go:noescape
func mergePairsAVX2(img, ph *float32, pairs *phasePair, n int)

//go:noescape
func addWindowsAVX2(dst, src *float32, count, dstride, sstride, rows, n, ld int)

// copyWindows copies the windows wg from the phases ph into the columns cols.
func copyWindows(cols, ph []float32, wg windows) {
	if wg.count <= 0 || wg.rows <= 0 || wg.n <= 0 {
		return
	}
	c, p := wg.last()
	_, _ = cols[c-1], ph[p-1]
	if haveFMA {
		copyWindowsAVX2(&cols[0], &ph[0], wg.count, wg.cstride, wg.pstride, wg.rows, wg.n, wg.ld)
		return
	}
	copyWindowsGo(cols, ph, wg)
}

// addWindows adds the windows wg of the columns cols into the phases ph.
func addWindows(ph, cols []float32, wg windows) {
	if wg.count <= 0 || wg.rows <= 0 || wg.n <= 0 {
		return
	}
	c, p := wg.last()
	_, _ = cols[c-1], ph[p-1]
	if haveFMA {
		addWindowsAVX2(&ph[0], &cols[0], wg.count, wg.pstride, wg.cstride, wg.rows, wg.n, wg.ld)
		return
	}
	addWindowsGo(ph, cols, wg)
}

// splitPairs deals the image rows of pairs out of the plane img into the phases ph
// (phaseGeom.pairs, whose rows and runs lie inside img and ph).
func splitPairs(ph, img []float32, pairs []phasePair) {
	if haveFMA && len(pairs) > 0 {
		splitPairsAVX2(&ph[0], &img[0], &pairs[0], len(pairs))
		return
	}
	splitPairsGo(ph, img, pairs)
}

// mergePairs is the inverse of splitPairs.
func mergePairs(img, ph []float32, pairs []phasePair) {
	if haveFMA && len(pairs) > 0 {
		mergePairsAVX2(&img[0], &ph[0], &pairs[0], len(pairs))
		return
	}
	mergePairsGo(img, ph, pairs)
}
