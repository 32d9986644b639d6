package nets_test

import (
	"math"
	"testing"

	"github.com/ganplay/ganplay/models/nets"
)

// TestInstanceNormStatistics runs a ResNet generator's first stage (reflection pad, k7
// convolution, instance norm) and checks that every channel of every image has mean ≈ 0 and
// variance ≈ 1 over its pixels, whatever the input's scale and offset.
func TestInstanceNormStatistics(t *testing.T) {
	dev, rng := setup(14)
	g := must(nets.NewResNetGenerator(dev, rng, nets.ResNetConfig{InputNC: 3, OutputNC: 3, NGF: 8, NBlocks: 1, Norm: nets.NormInstance}))
	x := dev.Randn(rng, 0.7, 3, 2, 3, 32, 32)
	for _, l := range g.Model.Layers[:3] {
		x = l.Forward(x)
	}
	n, c, hw := x.Dim(0), x.Dim(1), x.Dim(2)*x.Dim(3)
	v := x.Data()
	for i := 0; i < n*c; i++ {
		var s, ss float64
		for _, a := range v[i*hw : (i+1)*hw] {
			s += float64(a)
		}
		mean := s / float64(hw)
		for _, a := range v[i*hw : (i+1)*hw] {
			ss += (float64(a) - mean) * (float64(a) - mean)
		}
		if variance := ss / float64(hw); math.Abs(mean) > 1e-4 || math.Abs(variance-1) > 1e-3 {
			t.Errorf("image %d channel %d after instance norm: mean %.3g, variance %.4g; want 0 and 1", i/c, i%c, mean, variance)
		}
	}
}

// TestResnetBlockIsResidual checks y = x + conv_block(x): with the block's convolutions
// zeroed, the block is the identity.
func TestResnetBlockIsResidual(t *testing.T) {
	dev, rng := setup(15)
	b := nets.NewResnetBlock(dev, rng, 4, nets.NormBatch, false)
	for _, p := range b.Params() {
		if p.Name == "conv_block.6.weight" { // the second norm's γ
			p.T.SetData(make([]float32, p.T.Len()))
		}
	}
	x := dev.Randn(rng, 0, 1, 1, 4, 8, 8)
	xs, ys := x.Data(), b.Forward(x).Data()
	for i := range xs {
		if xs[i] != ys[i] {
			t.Fatalf("block output %v at %d; want the input %v", ys[i], i, xs[i])
		}
	}
}
