package cpu

import (
	"testing"

	"github.com/ganplay/ganplay/engine"
)

// BenchmarkIm2Col unfolds DCGAN's second discriminator layer (64 channels of 14×14, 4×4
// kernel, stride 2, padding 1, batch 64) in both layouts, and folds it back.
func BenchmarkIm2Col(b *testing.B) {
	g := engine.NewConvGeom(64, 64, 14, 14, 4, 4, 2, 1)
	be := &Backend{workers: 1}
	x := be.Alloc(g.N * g.C * g.H * g.W)
	cols := be.Alloc(g.N * g.C * g.KH * g.KW * g.OH * g.OW)
	b.Run("im2col", func(b *testing.B) {
		for b.Loop() {
			be.Im2Col(cols, x, g)
		}
	})
	b.Run("im2col-wide", func(b *testing.B) {
		for b.Loop() {
			be.Im2ColWide(cols, x, g)
		}
	})
	b.Run("col2im-wide", func(b *testing.B) {
		for b.Loop() {
			be.Col2ImWide(x, cols, g)
		}
	})
}
