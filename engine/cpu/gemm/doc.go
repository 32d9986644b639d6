// Package gemm is a fast single-precision general matrix multiply for the CPU
// backend.
//
// Sgemm computes C = alpha * op(A) * op(B) + beta * C on row-major matrices with
// the same semantics as gonum's blas32.Gemm. The implementation follows the
// GotoBLAS/BLIS design: op(A) and op(B) are split into cache-sized blocks (the
// NC, KC and MC loops), each block is packed into a contiguous buffer in the
// layout the micro-kernel reads, and a register-blocked micro-kernel computes
// one MR×NR tile of C at a time. Transposes are resolved while packing, so the
// micro-kernel sees a single layout.
//
// On amd64 with AVX2 and FMA the micro-kernel is written in assembly and keeps
// a 6×16 tile of C in twelve YMM registers. Elsewhere (including js/wasm) a
// portable Go micro-kernel with a 4×4 tile of scalar accumulators is used.
// Large products are split across goroutines by blocks of rows or columns of C.
package gemm
