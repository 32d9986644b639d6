//go:build !amd64

package cpu

// copyWindows copies the windows wg from the phases ph into the columns cols.
func copyWindows(cols, ph []float32, wg windows) { copyWindowsGo(cols, ph, wg) }

// addWindows adds the windows wg of the columns cols into the phases ph.
func addWindows(ph, cols []float32, wg windows) { addWindowsGo(ph, cols, wg) }

// splitPairs deals the image rows of pairs out of the plane img into the phases ph.
func splitPairs(ph, img []float32, pairs []phasePair) { splitPairsGo(ph, img, pairs) }

// mergePairs is the inverse of splitPairs.
func mergePairs(img, ph []float32, pairs []phasePair) { mergePairsGo(img, ph, pairs) }
