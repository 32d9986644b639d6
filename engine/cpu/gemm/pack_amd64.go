package gemm

import "golang.org/x/sys/cpu"

// hasTranspose8 reports whether transpose8AVX can run here.
var hasTranspose8 = cpu.X86.HasAVX

// transpose8AVX transposes blocks 8×8 blocks of src into dst:
//
//	dst[(8b+q)*stride + i] = src[i*ld + 8b + q]  for i, q < 8 and b < blocks.
//
// It is implemented in pack_amd64.s.
//
//go:noescape
func transpose8AVX(blocks int, src *float32, ld int, dst *float32, stride int)

// transpose8 stores columns 0..8*(kc/8)-1 of the eight rows src[off+i*ld+p]
// at d[p*stride+at+i] in 8×8 blocks with AVX and returns how many columns it
// did, leaving the rest to the caller; it does none when there is no AVX.
func transpose8(d []float32, at, stride int, src []float32, ld, off, kc int) int {
	blocks := kc / 8
	if !hasTranspose8 || blocks == 0 {
		return 0
	}
	_ = src[off+7*ld+8*blocks-1]
	_ = d[(8*blocks-1)*stride+at+7]
	transpose8AVX(blocks, &src[off], ld, &d[at], stride)
	return 8 * blocks
}

// copyRunsAVX copies runs runs of 8*w8 floats from src to dst, run s going to
// dst[s*stride:]. It is implemented in pack_amd64.s.
//
//go:noescape
func copyRunsAVX(runs int, src, dst *float32, stride, w8 int)

// copyRuns copies the first runs*w values of row to dst in runs of w, run s
// going to dst[s*stride:], with AVX when w is a multiple of 8, and reports
// whether it did.
func copyRuns(dst, row []float32, runs, stride, w int) bool {
	if !hasTranspose8 || w%8 != 0 || runs == 0 {
		return false
	}
	_ = row[runs*w-1]
	_ = dst[(runs-1)*stride+w-1]
	copyRunsAVX(runs, &row[0], &dst[0], stride, w/8)
	return true
}
