package nets_test

import (
	"math"
	"testing"

	"github.com/ganplay/ganplay/engine"
	"github.com/ganplay/ganplay/engine/nn"
	"github.com/ganplay/ganplay/models/nets"
)

const side = 32

// locality returns the mean of |v| over the pixels within Chebyshev distance 2 of (c, c)
// divided by its mean over the pixels at distance 8 or more: how much more an effect at
// (c, c) shows near it than far away.
func locality(v []float32, c int) float64 {
	var near, far float64
	var nn, nf int
	for i := 0; i < side; i++ {
		for j := 0; j < side; j++ {
			d := max(abs(i-c), abs(j-c))
			a := math.Abs(float64(v[i*side+j]))
			switch {
			case d <= 2:
				near, nn = near+a, nn+1
			case d >= 8:
				far, nf = far+a, nf+1
			}
		}
	}
	return (near / float64(nn)) / (far/float64(nf) + 1e-30)
}

func abs(x int) int { return max(x, -x) }

// evalUNet builds a 1 → 1 U-Net for 32×32 (5 levels, down to 1×1) in evaluation mode, so
// BatchNorm uses its running statistics and the output of a pixel depends on the input
// only through the convolutions.
func evalUNet(t *testing.T, noSkip bool) (*engine.Device, *nets.UNet, *engine.Tensor) {
	dev, rng := setup(11)
	u := must(nets.NewUNet(dev, rng, nets.UNetConfig{InputNC: 1, OutputNC: 1, NumDowns: 5, NGF: 8, MaxMult: 8, NoSkip: noSkip}))
	nn.InitGAN(u, rng, 0.02)
	nn.SetTraining(u, false)
	return dev, u, dev.Randn(rng, 0, 1, 1, 1, side, side)
}

// TestUNetPixelChangesOutputNearIt perturbs one input pixel: the U-Net's output changes most
// near it, because the outermost skip connection carries the pixel straight across.
func TestUNetPixelChangesOutputNearIt(t *testing.T) {
	const c = 13
	for _, noSkip := range []bool{false, true} {
		dev, u, x := evalUNet(t, noSkip)
		var base, moved []float32
		dev.NoGrad(func() {
			base = u.Forward(x).Data()
			xs := x.Data()
			xs[c*side+c] += 1
			moved = u.Forward(dev.FromSlice(xs, 1, 1, side, side)).Data()
		})
		diff := make([]float32, len(base))
		for i := range diff {
			diff[i] = moved[i] - base[i]
		}
		r := locality(diff, c)
		t.Logf("skip connections %v: output change near / far = %.3g", !noSkip, r)
		if !noSkip && r < 20 {
			t.Errorf("U-Net: change near the pixel / far from it = %.3g; want ≥ 20", r)
		}
		if noSkip && r > 5 {
			t.Errorf("encoder-decoder: change near / far = %.3g; want ≤ 5 (no local path)", r)
		}
	}
}

// TestUNetGradientThroughSkip differentiates one output pixel with respect to the input:
// with skip connections the gradient concentrates on the matching input pixel; without
// them (the encoder-decoder) it must pass the 1×1 bottleneck and spreads over the image.
func TestUNetGradientThroughSkip(t *testing.T) {
	const c = 18
	var ratios [2]float64
	for k, noSkip := range []bool{false, true} {
		_, u, x := evalUNet(t, noSkip)
		x = x.Copy().RequiresGrad()
		y := u.Forward(x).Reshape(-1).Slice(0, c*side+c, c*side+c+1).Sum()
		g := engine.Grad([]*engine.Tensor{y}, []*engine.Tensor{x}, engine.GradOptions{})[0].Data()
		ratios[k] = locality(g, c)
	}
	t.Logf("gradient near / far: U-Net %.3g, encoder-decoder %.3g", ratios[0], ratios[1])
	if ratios[0] < 20 || ratios[1] > 5 || ratios[0] < 10*ratios[1] {
		t.Errorf("gradient near / far = %.3g (U-Net), %.3g (encoder-decoder); want ≥ 20, ≤ 5", ratios[0], ratios[1])
	}
}
