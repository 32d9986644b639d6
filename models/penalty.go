package models

import "github.com/ganplay/ganplay/engine"

// penaltyFloor keeps √ differentiable where a gradient is exactly zero (a dead ReLU critic):
// the norm is taken as √(‖g‖² + penaltyFloor), off by at most 1e-6 from ‖g‖.
const penaltyFloor = 1e-12

// GradientPenalty returns WGAN-GP's penalty (Gulrajani et al. 2017, eq. 3 without λ)
//
//	GP = mean_i (‖∇_x̂ f(x̂_i)‖₂ - 1)²,  x̂_i = ε_i·x_i + (1 - ε_i)·x̃_i,
//
// on the interpolates between real samples x and fakes x̃ (both [n, ...]: points [n, d] or
// images [n, C, H, W]) with one ε_i per sample (eps has shape [n, 1, ..., 1], the rank of
// x; WGAN-GP draws ε ~ U[0, 1]). The gradient ∇_x̂ f is computed with engine.Grad and
// CreateGraph, so the penalty can be differentiated again with respect to the critic's
// parameters; its norm is taken over all of a sample's elements. f maps x̂ to one score per
// sample.
func GradientPenalty(f func(x *engine.Tensor) *engine.Tensor, real, fake, eps *engine.Tensor) *engine.Tensor {
	var xHat *engine.Tensor
	real.Device().NoGrad(func() {
		xHat = real.Mul(eps).Add(fake.Mul(eps.Affine(-1, 1)))
	})
	xHat.RequiresGrad()
	g := engine.Grad([]*engine.Tensor{f(xHat)}, []*engine.Tensor{xHat}, engine.GradOptions{CreateGraph: true})[0]
	norm := g.Reshape(g.Dim(0), -1).Square().Sum(1).AddScalar(penaltyFloor).Sqrt()
	return norm.AddScalar(-1).Square().Mean()
}
