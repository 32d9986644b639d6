// Package vec holds the vectorised float32 loops behind the CPU backend's
// elementwise ops, reductions and optimizer updates.
//
// Every function works on whole slices of one length: a destination whose
// length differs from an input's panics with "vec: length mismatch". A
// destination may be the very same slice as an input (an in-place update), but
// never a shifted overlap of one. Nothing allocates and nothing starts a
// goroutine: the caller splits large slices across workers.
//
// On amd64 with AVX2 and FMA the loops are assembly that handles eight floats
// per YMM register; elsewhere (and on amd64 without AVX2) they are portable Go
// written for scalar machines such as WebAssembly. [Kernel] says which one runs.
// The assembly uses no fused multiply-add, so both give bit-identical results
// for every function: the Go versions convert each product explicitly to
// float32, which forbids the compiler from fusing it into an add on
// architectures that have FMA. The only difference is the bit pattern of a NaN
// result, which neither promises.
//
// Max, MaxTo, MaxOf, Relu and the OpMax operations follow Go's built-in max:
// the result is NaN if either operand is NaN, and max(-0, +0) is +0.
// Comparisons elsewhere (LeakyRelu, Step, StepMul) are ordered, so x > 0 is
// false for -0 and for NaN.
package vec
