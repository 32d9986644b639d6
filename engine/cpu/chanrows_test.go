package cpu

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ganplay/ganplay/engine"
)

// TestChanRows compares the channel-row loops (AVX2 where the CPU has it) with the
// portable ones on row lengths that cover the eight-wide loop, every tail and rows longer
// than a float32 run of the sums, with rows
// further apart than their length (as a channel's are) and a negative-zero shift.
func TestChanRows(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for _, n := range []int{1, 2, 3, 5, 7, 8, 9, 13, 16, 17, 19, 49, 255, 256, 257, 600} {
		rows, ld := 5, 3*n+2
		size := (rows-1)*ld + n
		x, y, g := randSlice(rng, size), randSlice(rng, size), randSlice(rng, size)
		for i := range x {
			x[i] += 3 // a mean far from 0, as the shifted sum of squares must handle
		}
		near := func(what string, got, want float64) {
			t.Helper()
			if math.Abs(got-want) > 1e-5*math.Max(1, math.Abs(want)) {
				t.Errorf("%s n=%d = %v, want %v", what, n, got, want)
			}
		}
		near("sumRows", sumRows(rows, n, x, ld), sumRowsGo(rows, n, x, ld))
		near("dotShiftRows", dotShiftRows(rows, n, -2.5, x, ld, y, ld), dotShiftRowsGo(rows, n, -2.5, x, ld, y, ld))
		near("sqDevRows", sqDevRows(rows, n, 2.5, x, ld), sqDevRowsGo(rows, n, 2.5, x, ld))
		var ref float64
		for r := 0; r < rows; r++ {
			for j := 0; j < n; j++ {
				ref += float64(x[r*ld+j])
			}
		}
		near("sumRows against float64", sumRows(rows, n, x, ld), ref)

		for _, s := range []float32{-0.75, negZero} {
			got, want := randSlice(rng, size), make([]float32, size)
			copy(want, got)
			affineRows(rows, n, s, 1.5, 0.8, -0.1, x, ld, got, ld)
			affineRowsGo(rows, n, s, 1.5, 0.8, -0.1, x, ld, want, ld)
			same(t, fmt.Sprintf("affineRows n=%d s=%v", n, s), got, want)

			got, want = randSlice(rng, size), make([]float32, size)
			copy(want, got)
			gradRows(rows, n, s, -0.3, 0.2, 1.7, y, ld, g, ld, got, ld)
			gradRowsGo(rows, n, s, -0.3, 0.2, 1.7, y, ld, g, ld, want, ld)
			same(t, fmt.Sprintf("gradRows n=%d s=%v", n, s), got, want)
		}
	}
}

// TestReduceKeptMiddle checks Reduce's per-channel path (a sum over all axes but one in
// the middle, as a bias gradient of [N, C, H, W]) against float64 sums, on rows of every
// tail and longer than a float32 run.
func TestReduceKeptMiddle(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	be := New()
	for _, shape := range [][]int{{5, 3, 7, 7}, {2, 4, 300}, {3, 2, 1, 13}} {
		r := engine.Reduction{Shape: shape, Axes: make([]bool, len(shape))}
		for i := range shape {
			r.Axes[i] = i != 1
		}
		if _, _, _, ok := keptMiddle(r); !ok {
			t.Fatalf("%v: not a kept-middle reduction", shape)
		}
		a, c := shape[0], shape[1]
		b := numel(shape) / (a * c)
		x := randSlice(rng, a*c*b)
		xb, db := be.Alloc(len(x)), be.Alloc(c)
		be.Write(xb, x)
		be.Reduce(engine.OpSum, db, xb, r)
		for ch := 0; ch < c; ch++ {
			var want float64
			for i := 0; i < a; i++ {
				for j := 0; j < b; j++ {
					want += float64(x[(i*c+ch)*b+j])
				}
			}
			if got := data(db)[ch]; math.Abs(float64(got)-want) > 1e-5*math.Max(1, math.Abs(want)) {
				t.Errorf("%v: channel %d sums to %v, want %v", shape, ch, got, want)
			}
		}
	}
}

func numel(shape []int) int {
	n := 1
	for _, s := range shape {
		n *= s
	}
	return n
}

// TestBinaryPerChannel checks Binary's per-channel path against float32 arithmetic bit for
// bit, for both operand orders, with zeros of both signs among the values.
func TestBinaryPerChannel(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	be := New()
	negZero := float32(math.Copysign(0, -1))
	for _, shape := range [][]int{{3, 4, 5, 5}, {2, 3, 19}} {
		a, c := shape[0], shape[1]
		n := numel(shape) / (a * c)
		x, s := randSlice(rng, a*c*n), randSlice(rng, c)
		x[0], x[1], s[0] = 0, negZero, negZero
		xb, sb, db := be.Alloc(len(x)), be.Alloc(c), be.Alloc(len(x))
		be.Write(xb, x)
		be.Write(sb, s)
		dense := engine.ContiguousStrides(shape)
		channel := make([]int, len(shape))
		channel[1] = 1
		for _, op := range []engine.BinaryOp{engine.OpAdd, engine.OpSub, engine.OpMul} {
			for _, swap := range []bool{false, true} {
				bc := engine.Broadcast{Shape: shape, StridesA: dense, StridesB: channel}
				a1, b1 := xb, sb
				if swap {
					bc.StridesA, bc.StridesB = channel, dense
					a1, b1 = sb, xb
				}
				be.Binary(op, engine.Params{}, db, a1, b1, bc)
				for i, v := range x {
					u := s[i/n%c]
					if swap {
						v, u = u, v
					}
					var want float32
					switch op {
					case engine.OpAdd:
						want = v + u
					case engine.OpSub:
						want = v - u
					case engine.OpMul:
						want = v * u
					}
					if got := data(db)[i]; math.Float32bits(got) != math.Float32bits(want) {
						t.Fatalf("%v op %d swap %v: element %d = %v, want %v", shape, op, swap, i, got, want)
					}
				}
			}
		}
	}
}
