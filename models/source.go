package models

import (
	"fmt"
	"math/rand/v2"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/models/toy2d"
)

// Batch is a batch of real data: X has shape [n, d]; Labels, when not nil, holds a class
// index per row (the mode of a 2-D mixture) for conditional models.
type Batch struct {
	X      *engine.Tensor
	Labels []int
}

// Source supplies batches of real data.
type Source interface {
	// Next returns a batch of n real samples.
	Next(n int) Batch
}

// ToySource draws batches from a 2-D dataset with its own random stream. For datasets with
// modes every sample is labelled with the index of its nearest mode centre, which is the
// mode it was drawn from (the modes' σ is tiny next to the distances between centres).
type ToySource struct {
	dev   *engine.Device
	rng   *rand.Rand
	data  toy2d.Dataset
	modes []toy2d.Mode
}

// NewToySource returns a source of batches of ds on dev, drawn with rng.
func NewToySource(dev *engine.Device, rng *rand.Rand, ds toy2d.Dataset) *ToySource {
	return &ToySource{dev: dev, rng: rng, data: ds, modes: ds.Modes()}
}

// Dataset returns the dataset the source draws from.
func (s *ToySource) Dataset() toy2d.Dataset { return s.data }

// Next returns n samples as an [n, 2] tensor, labelled when the dataset has modes.
func (s *ToySource) Next(n int) Batch {
	pts := s.data.Sample(s.rng, n)
	b := Batch{X: s.dev.FromSlice(toy2d.Flatten32(pts), n, 2)}
	if len(s.modes) > 0 {
		b.Labels = make([]int, n)
		for i, p := range pts {
			b.Labels[i] = NearestMode(p, s.modes)
		}
	}
	return b
}

// NearestMode returns the index of the mode centre nearest to p (ties go to the first).
func NearestMode(p [2]float64, modes []toy2d.Mode) int {
	best, bestD2 := 0, -1.0
	for k, m := range modes {
		dx, dy := p[0]-m.Center[0], p[1]-m.Center[1]
		if d2 := dx*dx + dy*dy; bestD2 < 0 || d2 < bestD2 {
			best, bestD2 = k, d2
		}
	}
	return best
}

// Points2 returns the rows of an [n, 2] tensor as (x, y) pairs.
func Points2(t *engine.Tensor) [][2]float64 {
	if t.Rank() != 2 || t.Dim(1) != 2 {
		panic(fmt.Sprintf("models: Points2 of a tensor of shape %v, want [n, 2]", t.Shape()))
	}
	d := t.Data()
	out := make([][2]float64, t.Dim(0))
	for i := range out {
		out[i] = [2]float64{float64(d[2*i]), float64(d[2*i+1])}
	}
	return out
}

// Rows returns the rows of an [n, d] tensor as float64 vectors, the form dist takes.
func Rows(t *engine.Tensor) [][]float64 {
	if t.Rank() != 2 {
		panic(fmt.Sprintf("models: Rows of a tensor of shape %v, want [n, d]", t.Shape()))
	}
	d := t.Data()
	n, w := t.Dim(0), t.Dim(1)
	out := make([][]float64, n)
	for i := range out {
		row := make([]float64, w)
		for j := range row {
			row[j] = float64(d[i*w+j])
		}
		out[i] = row
	}
	return out
}
