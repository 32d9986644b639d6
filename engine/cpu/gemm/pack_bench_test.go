package gemm

import (
	"fmt"
	"testing"
)

// BenchmarkPack measures packing a 256×256 block out of a 512×512 matrix with
// the tile sizes of each kernel, in both layouts.
func BenchmarkPack(b *testing.B) {
	const ld, kc, size = 512, 256, 256
	src := make([]float32, ld*ld)
	for _, kern := range kernels() {
		dst := make([]float32, (size+kern.nr)*kc)
		for _, tr := range []bool{false, true} {
			b.Run(fmt.Sprintf("A/%s/trans=%v", kern.name, tr), func(b *testing.B) {
				for b.Loop() {
					packA(dst, tr, src, ld, 0, 0, size, kc, kern.mr)
				}
				b.SetBytes(size * kc * 4)
			})
			b.Run(fmt.Sprintf("B/%s/trans=%v", kern.name, tr), func(b *testing.B) {
				for b.Loop() {
					packB(dst, tr, src, ld, 0, 0, kc, size, kern.nr)
				}
				b.SetBytes(size * kc * 4)
			})
		}
	}
}
