package cpu

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/ganplay/ganplay/engine"
)

// TestPhasePatches compares the phase-plane patches with the direct ones (patchRow) in
// both layouts, unfolding and folding, on strided and stride-1 geometries with odd sizes,
// unequal strides and paddings, and rows long enough for the eight-wide loops and their
// tails.
func TestPhasePatches(t *testing.T) {
	geoms := []engine.ConvGeom{
		engine.NewConvGeom(3, 2, 14, 14, 4, 4, 2, 1),
		engine.NewConvGeom(2, 3, 37, 29, 4, 4, 2, 1),
		engine.NewConvGeom(2, 2, 33, 40, 3, 3, 2, 1),
		engine.NewConvGeom(1, 2, 35, 35, 5, 5, 3, 2),
		engine.NewConvGeom(2, 1, 9, 9, 2, 2, 2, 0),
		engine.NewConvGeom(1, 2, 6, 7, 3, 3, 2, 3),
		{N: 2, C: 2, H: 21, W: 30, KH: 3, KW: 2, StrideH: 2, StrideW: 1, PadH: 1, PadW: 0, OH: 11, OW: 29},
		{N: 1, C: 3, H: 30, W: 19, KH: 4, KW: 3, StrideH: 1, StrideW: 3, PadH: 2, PadW: 1, OH: 31, OW: 7},
		// Stride 1: one phase, the padded image (CycleGAN's reflect-padded 3×3 and 7×7
		// layers have no zero padding; Conv2d's 3×3 has one pixel).
		engine.NewConvGeom(2, 3, 18, 18, 3, 3, 1, 0),
		engine.NewConvGeom(1, 2, 13, 11, 7, 7, 1, 3),
		engine.NewConvGeom(2, 2, 9, 70, 3, 3, 1, 1),
		{N: 1, C: 2, H: 8, W: 10, KH: 2, KW: 3, StrideH: 1, StrideW: 1, PadH: 0, PadW: 2, OH: 7, OW: 12},
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, g := range geoms {
		if !usePhases(g, true) {
			t.Fatalf("%+v does not take the phase path", g)
		}
		for _, wide := range []bool{false, true} {
			t.Run(fmt.Sprintf("%+v/wide=%v", g, wide), func(t *testing.T) {
				img := randSlice(rng, g.N*g.C*g.H*g.W)
				cols := randSlice(rng, g.N*g.C*g.KH*g.KW*g.OH*g.OW)
				for _, workers := range []int{1, 2} {
					b := &Backend{workers: workers}
					got, want := randSlice(rng, len(cols)), make([]float32, len(cols))
					b.phasePatches(got, img, g, wide, false)
					b.patches(want, img, g, wide, false)
					same(t, "im2col", got, want)

					gotImg, wantImg := randSlice(rng, len(img)), make([]float32, len(img))
					b.phasePatches(cols, gotImg, g, wide, true)
					b.patches(cols, wantImg, g, wide, true)
					same(t, "col2im", gotImg, wantImg)
				}
			})
		}
	}
}

// TestWindows compares the window loops (AVX2 where the CPU has it) with the portable
// ones, on row lengths that cover the eight-wide loop and every tail.
func TestWindows(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for n := 1; n <= 19; n++ {
		wg := windows{count: 3, cstride: 4*n + 5, pstride: 50, rows: 4, n: n, ld: n + 2}
		c, p := wg.last()
		cols, ph := randSlice(rng, c+3), randSlice(rng, p+3)
		got, want := randSlice(rng, len(cols)), make([]float32, len(cols))
		copy(want, got)
		copyWindows(got, ph, wg)
		copyWindowsGo(want, ph, wg)
		same(t, fmt.Sprintf("copyWindows n=%d", n), got, want)

		got, want = append([]float32(nil), ph...), append([]float32(nil), ph...)
		addWindows(got, cols, wg)
		addWindowsGo(want, cols, wg)
		same(t, fmt.Sprintf("addWindows n=%d", n), got, want)
	}
}

func randSlice(rng *rand.Rand, n int) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = float32(rng.NormFloat64())
	}
	return s
}

// same fails t unless got and want are equal element by element: both paths add the
// same terms in the same order.
func same(t *testing.T, what string, got, want []float32) {
	t.Helper()
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("%s: element %d = %v, want %v", what, i, got[i], want[i])
		}
	}
}

// TestPairs compares the stride-2 split and merge (AVX2 where the CPU has it) with the
// portable loops on image rows of every length up to three vectors and both column
// paddings, and checks that merge undoes split.
func TestPairs(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for w := 1; w <= 40; w++ {
		for pad := 1; pad <= 2; pad++ {
			g := engine.NewConvGeom(1, 1, 3, w, 3, 3, 2, pad)
			pg := newPhaseGeom(g)
			img := randSlice(rng, g.H*g.W)
			got, want := randSlice(rng, pg.size()), make([]float32, pg.size())
			copy(want, got)
			splitPairs(got, img, pg.pairs)
			splitPairsGo(want, img, pg.pairs)
			same(t, fmt.Sprintf("splitPairs w=%d pad=%d", w, pad), got, want)

			back, wantBack := randSlice(rng, len(img)), make([]float32, len(img))
			mergePairs(back, got, pg.pairs)
			mergePairsGo(wantBack, got, pg.pairs)
			same(t, fmt.Sprintf("mergePairs w=%d pad=%d", w, pad), back, wantBack)
			same(t, fmt.Sprintf("mergePairs(splitPairs) w=%d pad=%d", w, pad), back, img)
		}
	}
}
