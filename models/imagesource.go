package models

import (
	"fmt"
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/models/imagedata"
)

// DigitSource draws labelled 28×28 digits: Next returns X [n, 1, 28, 28] in [-1, 1] and
// the label 0-9 of every digit, for the DCGAN and the conditional GAN.
type DigitSource struct {
	dev *engine.Device
	rng *rand.Rand
	set *imagedata.DigitSet
}

// NewDigitSource returns a source of digits of set (uniformly, with replacement) on dev,
// drawn with rng.
func NewDigitSource(dev *engine.Device, rng *rand.Rand, set *imagedata.DigitSet) *DigitSource {
	if set == nil || set.Len() == 0 {
		panic("models: digit source of an empty set")
	}
	return &DigitSource{dev: dev, rng: rng, set: set}
}

// Next returns n digits and their labels.
func (s *DigitSource) Next(n int) Batch {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = s.rng.IntN(s.set.Len())
	}
	x, labels := s.set.Batch(s.dev, idx)
	return Batch{X: x, Labels: labels}
}

// ImagePairSource draws image pairs (a, b) and returns each batch as one tensor with the
// pair concatenated along the channels, a first: X [n, Ca+Cb, H, W]. SplitPair undoes it.
// For Pix2pix a is the input and b the aligned target; for CycleGAN a is from domain X and
// b from domain Y, unrelated (unpaired). Indices are drawn uniformly from [First,
// First+Count), so that disjoint ranges give training and held-out sets.
type ImagePairSource struct {
	// Pair returns pair i.
	Pair         func(i int) (a, b imagedata.Image)
	First, Count int

	dev *engine.Device
	rng *rand.Rand
}

// Channels returns the channels of a and of b.
func (s *ImagePairSource) Channels() (ca, cb int) {
	a, b := s.Pair(s.First)
	return a.C, b.C
}

// Next returns n pairs as [n, Ca+Cb, H, W].
func (s *ImagePairSource) Next(n int) Batch {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = s.First + s.rng.IntN(s.Count)
	}
	return Batch{X: s.Batch(idx)}
}

// Batch returns the pairs idx as [len(idx), Ca+Cb, H, W], with no randomness.
func (s *ImagePairSource) Batch(idx []int) *engine.Tensor {
	ims := make([]imagedata.Image, len(idx))
	for k, i := range idx {
		a, b := s.Pair(i)
		if a.H != b.H || a.W != b.W {
			panic(fmt.Sprintf("models: pair %d has images of %d×%d and %d×%d", i, a.H, a.W, b.H, b.W))
		}
		ims[k] = imagedata.Image{C: a.C + b.C, H: a.H, W: a.W, Pix: append(append([]float32(nil), a.Pix...), b.Pix...)}
	}
	return imagedata.Batch(s.dev, ims)
}

// newPairSource checks the range and builds the source.
func newPairSource(dev *engine.Device, rng *rand.Rand, first, count int, pair func(int) (a, b imagedata.Image)) *ImagePairSource {
	if count < 1 || first < 0 {
		panic(fmt.Sprintf("models: image pair source of indices [%d, %d+%d)", first, first, count))
	}
	return &ImagePairSource{Pair: pair, First: first, Count: count, dev: dev, rng: rng}
}

// NewEdgeSource returns Pix2pix's edges → digit pairs (1 + 1 channels, 32×32) made from
// the digits of set with indices in [first, first+count).
func NewEdgeSource(dev *engine.Device, rng *rand.Rand, set *imagedata.DigitSet, first, count int) *ImagePairSource {
	if first+count > set.Len() {
		panic(fmt.Sprintf("models: edge source of digits [%d, %d) of a set of %d", first, first+count, set.Len()))
	}
	return newPairSource(dev, rng, first, count, func(i int) (a, b imagedata.Image) {
		p := imagedata.EdgePair(set.Image(i))
		return p.Input, p.Target
	})
}

// NewSketchSource returns Pix2pix's sketch → object pairs (1 + 3 channels) with indices in
// [first, first+count).
func NewSketchSource(dev *engine.Device, rng *rand.Rand, sk imagedata.Sketches, first, count int) *ImagePairSource {
	return newPairSource(dev, rng, first, count, func(i int) (a, b imagedata.Image) {
		p := sk.Pair(i)
		return p.Input, p.Target
	})
}

// NewUnpairedSource returns CycleGAN's unpaired domains (3 + 3 channels): pair i is
// hz.X(i) with hz.Y(i), which show unrelated scenes (see imagedata.HorseZebra), with i in
// [first, first+count).
func NewUnpairedSource(dev *engine.Device, rng *rand.Rand, hz imagedata.HorseZebra, first, count int) *ImagePairSource {
	return newPairSource(dev, rng, first, count, func(i int) (a, b imagedata.Image) {
		return hz.X(i), hz.Y(i)
	})
}

// SplitPair splits X [n, ca+cb, H, W] into its first ca channels and the rest.
func SplitPair(x *engine.Tensor, ca int) (a, b *engine.Tensor) {
	return x.Slice(1, 0, ca), x.Slice(1, ca, x.Dim(1))
}
