// Package engine holds ganplay's tensors, reverse-mode automatic differentiation and the one
// interface that compute backends implement.
//
// Conventions, stated once:
//   - A Tensor is float32, row-major and contiguous in a Buffer owned by a Backend. Reshape
//     shares the buffer; every other op writes a new one.
//   - Every op lives in one file with its forward and backward side by side. A backward pass is
//     itself written with Tensor ops, so gradients can be differentiated again (Grad with
//     CreateGraph), which WGAN-GP's gradient penalty needs.
//   - Mismatched shapes are programming errors and panic with a message starting "engine: ".
//   - There is no package state: a Device carries the backend and the grad mode, and random
//     draws take a *rand.Rand passed in by the caller.
package engine
