// Package experiment runs the playground's reproducible experiments on the 2-D models. The
// mode-collapse experiment trains GAN (non-saturating and minimax), LSGAN, WGAN and WGAN-GP
// with the same network sizes and budget on the 8-Gaussian ring and the 25-Gaussian grid
// over several seeds, and reports the mode metrics of THEORY.md section 7 (modes captured,
// high-quality %, reverse KL; 2,500 samples per evaluation) as mean ± standard error, in the
// style of the VEEGAN and PacGAN tables.
package experiment
