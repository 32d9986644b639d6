// Package models holds ganplay's GAN models and the one training loop that trains them all.
//
// A Model owns its update order (how many D or critic steps per G step, clipping, gradient
// penalty) inside Step; the Trainer only calls Step, counts steps, records losses and
// metrics at an interval and stops with a DivergedError when a loss turns NaN or ±Inf.
//
// The 2-D models of THEORY.md sections 1 and 3 are GAN (minimax and non-saturating), LSGAN,
// WGAN (weight clipping), WGAN-GP and a conditional GAN. They share one implementation of
// the adversarial game (adversarial.go), one discriminator step and the losses of loss.go,
// which are selected by a typed Objective. Each model has a config with a DefaultX holding
// its paper's values, validated by its constructor: a bad config is an error, never a panic.
//
// Randomness comes only from the *rand.Rand (math/rand/v2) passed to a constructor, so the
// same seed gives the same run. A model splits it into a training stream (noise for the
// updates) and a sampling stream (Sample, Estimate), so measuring a model does not change
// how it trains.
package models
