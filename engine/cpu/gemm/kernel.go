package gemm

// kernel describes a micro-kernel and the cache blocking that suits it.
//
// tile computes one mr×nr tile
//
//	C[i*ldc+j] = alpha * Σ_p a[p*mr+i] * b[p*nr+j] + beta * C[i*ldc+j]
//
// for i < mr, j < nr and p < kc, where a and b are packed slivers (see packA and
// packB). When beta is zero, C is written without being read, so NaN and Inf in
// C are ignored as in BLAS.
type kernel struct {
	name   string
	mr, nr int // register tile of C
	mc     int // rows of op(A) per packed block; a multiple of mr
	kc     int // depth of a packed block
	nc     int // columns of op(B) per packed block; a multiple of nr
	tile   func(kc int, a, b, c []float32, ldc int, alpha, beta float32)
	// tileB, when not nil, is tile with the nr columns of op(B) read in place:
	// row p at b[p*ldb:].
	tileB func(kc int, a, b []float32, ldb int, c []float32, ldc int, alpha, beta float32)
	// tileO, when not nil, is tile with the rows of op(B) read in place at
	// offsets: row p at b[offs[p]:] (SgemmRowsAt).
	tileO func(kc int, a, b []float32, offs []int, c []float32, ldc int, alpha, beta float32)
}

// active is the kernel chosen at init from the CPU features. It is never
// modified afterwards.
var active = selectKernel()

// Kernel returns the name of the micro-kernel Sgemm uses on this machine, such
// as "avx2-fma" or "generic".
func Kernel() string { return active.name }
