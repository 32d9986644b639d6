// Package toy2d provides the 2-D target distributions of the GAN playground (THEORY.md
// section 7): a bimodal mixture, the 8-Gaussian ring, the 25-Gaussian grid and the swiss roll
// of the WGAN-GP toy script, and user point sets read from CSV or JSON; and the mode-coverage
// metrics (high-quality fraction, modes captured, reverse KL) used to measure mode collapse.
//
// Samples are [][2]float64, one (x, y) pair per sample. Randomness comes only from the
// *rand.Rand (math/rand/v2) passed in, so the same seed gives the same samples; the package
// holds no mutable state.
package toy2d
