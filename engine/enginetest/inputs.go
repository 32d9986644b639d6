package enginetest

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
)

// sampler draws one input element.
type sampler func(r *rand.Rand) float64

// operand describes one input of an op: its name in messages, its shape and how its elements
// are drawn.
type operand struct {
	name  string
	shape []int
	draw  sampler
}

// newRand returns the random source of one case, seeded from its description so that every
// case sees the same draws whatever runs before it.
func newRand(desc string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(desc))
	return rand.New(rand.NewPCG(h.Sum64(), 0x9e3779b97f4a7c15))
}

// uniform draws from U[lo, hi).
func uniform(lo, hi float64) sampler {
	return func(r *rand.Rand) float64 { return lo + (hi-lo)*r.Float64() }
}

// awayFrom draws from U[lo, hi) but never within margin of a kink, so that finite
// differences of non-smooth ops stay on one side of it.
func awayFrom(lo, hi, margin float64, kinks ...float64) sampler {
	return func(r *rand.Rand) float64 {
		for {
			v := lo + (hi-lo)*r.Float64()
			near := false
			for _, k := range kinks {
				if math.Abs(v-k) < margin {
					near = true
				}
			}
			if !near {
				return v
			}
		}
	}
}

// eitherSign draws |x| from U[lo, hi) with a random sign: nonzero values, as divisors need.
func eitherSign(lo, hi float64) sampler {
	return func(r *rand.Rand) float64 {
		v := lo + (hi-lo)*r.Float64()
		if r.IntN(2) == 0 {
			return -v
		}
		return v
	}
}

// choice draws one of vs.
func choice(vs ...float64) sampler {
	return func(r *rand.Rand) float64 { return vs[r.IntN(len(vs))] }
}

// cycle returns vs[0], vs[1], … in turn, so that a small tensor holds every value once.
func cycle(vs ...float64) sampler {
	i := 0
	return func(*rand.Rand) float64 {
		v := vs[i%len(vs)]
		i++
		return v
	}
}

// normal is the default sampler: U[-2, 2).
var normal = uniform(-2, 2)

// draw returns an array of shape drawn from s, with every element rounded to float32 so that
// the backend and the reference see the same numbers.
func draw(r *rand.Rand, shape []int, s sampler) *array {
	a := newArray(shape...)
	for i := range a.data {
		a.data[i] = float64(float32(s(r)))
	}
	return a
}

// spreadDistinct overwrites the elements of xs, together, with a shuffled grid of values in
// [-2, 2] that lie at least 4/n apart, so that maxima have no ties and finite differences
// never swap an order.
func spreadDistinct(r *rand.Rand, xs []*array) {
	n := 0
	for _, x := range xs {
		n += len(x.data)
	}
	perm := r.Perm(n)
	k := 0
	for _, x := range xs {
		for i := range x.data {
			x.data[i] = float64(float32(-2 + 4*(float64(perm[k])+0.5)/float64(n)))
			k++
		}
	}
}
