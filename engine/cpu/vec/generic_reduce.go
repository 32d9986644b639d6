package vec

import "math"

// Sum's blocking, shared by every kernel so that they agree bit for bit.
const (
	sumLanes = 32            // float32 partial sums, four YMM registers
	sumBlock = 32 * sumLanes // elements between float64 flushes
)

// sumGeneric computes Σ x exactly as the assembly does (see Sum): lane j of a
// block adds x[j], x[j+32], x[j+64], ... in float32, each block's lanes are
// added to float64 totals, the totals are combined in the assembly's tree and
// the tail is added in float64. Eight lanes at a time live in locals so a
// scalar machine keeps them in registers.
func sumGeneric(x []float32) float64 {
	var tot [sumLanes]float64
	for len(x) >= sumLanes {
		n := min(len(x)/sumLanes*sumLanes, sumBlock)
		blk := x[:n]
		for q := 0; q < sumLanes; q += 8 {
			var s0, s1, s2, s3, s4, s5, s6, s7 float32
			for c := q; c < n; c += sumLanes {
				p := blk[c : c+8 : c+8]
				s0 += p[0]
				s1 += p[1]
				s2 += p[2]
				s3 += p[3]
				s4 += p[4]
				s5 += p[5]
				s6 += p[6]
				s7 += p[7]
			}
			t := tot[q : q+8 : q+8]
			t[0] += float64(s0)
			t[1] += float64(s1)
			t[2] += float64(s2)
			t[3] += float64(s3)
			t[4] += float64(s4)
			t[5] += float64(s5)
			t[6] += float64(s6)
			t[7] += float64(s7)
		}
		x = x[n:]
	}
	// The assembly holds lanes 4t..4t+3 in register t: it adds register t+4
	// to t, then t+2 to t, then 1 to 0, then the upper two lanes to the lower.
	var z [4]float64
	for i := range z {
		u0 := tot[i] + tot[16+i]
		u1 := tot[4+i] + tot[20+i]
		u2 := tot[8+i] + tot[24+i]
		u3 := tot[12+i] + tot[28+i]
		z[i] = (u0 + u2) + (u1 + u3)
	}
	r := (z[0] + z[2]) + (z[1] + z[3])
	for _, v := range x {
		r += float64(v)
	}
	return r
}

// maxOfGeneric returns the largest element of x, or -Inf for an empty x. Four
// running maxima shorten the dependency chain; they are updated by branches,
// which predict well because a new maximum is rare after the first few
// elements (and which, unlike the built-in max, are no call on wasm). NaN,
// which never compares greater, is counted on the side, and a zero maximum
// gets its sign from a second look at x, since max(-0, +0) = +0 whichever
// comes first.
func maxOfGeneric(x []float32) float32 {
	inf := float32(math.Inf(-1))
	m0, m1, m2, m3 := inf, inf, inf, inf
	nan := 0
	for p := x; ; p = p[4:] {
		if len(p) < 4 {
			for _, v := range p {
				if v > m0 {
					m0 = v
				}
				nan |= b2i(v != v)
			}
			break
		}
		q := p[:4:4]
		if q[0] > m0 {
			m0 = q[0]
		}
		if q[1] > m1 {
			m1 = q[1]
		}
		if q[2] > m2 {
			m2 = q[2]
		}
		if q[3] > m3 {
			m3 = q[3]
		}
		nan |= b2i(q[0] != q[0]) | b2i(q[1] != q[1]) | b2i(q[2] != q[2]) | b2i(q[3] != q[3])
	}
	if nan != 0 {
		return float32(math.NaN())
	}
	m := max(max(m0, m1), max(m2, m3))
	if m == 0 {
		for _, v := range x {
			if math.Float32bits(v) == 0 {
				return 0
			}
		}
		return float32(math.Copysign(0, -1))
	}
	return m
}
