package gemm

// avx512Kernel is the AVX-512 assembly kernel with an 8×32 tile of C held in
// sixteen ZMM registers. A packed sliver of B (kc×32) is the operand the
// macro-kernel keeps in L1 while the slivers of A stream past it, so kc is
// chosen to keep it at 16 KiB.
var avx512Kernel = &kernel{
	name:  "avx512",
	mr:    8,
	nr:    32,
	mc:    256,
	kc:    128,
	nc:    2048,
	tile:  tileAVX512,
	tileB: tileAVX512B,
	tileO: tileAVX512O,
}

// sgemmKernel8x32 computes the 8×32 tile
//
//	c[i*ldc+j] = alpha * Σ_p a[p*8+i] * b[p*32+j] + beta * c[i*ldc+j]
//
// for p < kc, with kc ≥ 1. When loadC is zero, c is stored without being read.
// It is implemented in kernel_avx512_amd64.s.
//
//go:noescape
func sgemmKernel8x32(kc int, a, b, c *float32, ldc int, alpha, beta float32, loadC int)

// tileAVX512 checks the bounds of the packed slivers and of the C tile and
// calls the assembly micro-kernel.
func tileAVX512(kc int, a, b, c []float32, ldc int, alpha, beta float32) {
	_ = a[kc*8-1]
	_ = b[kc*32-1]
	_ = c[7*ldc+31]
	sgemmKernel8x32(kc, &a[0], &b[0], &c[0], ldc, alpha, beta, loadC(beta))
}

// sgemmKernel8x32B is sgemmKernel8x32 with op(B) read in place: row p of the
// 32 columns starts at b[p*ldb] instead of the packed b[p*32]. It is
// implemented in kernel_avx512_amd64.s.
//
//go:noescape
func sgemmKernel8x32B(kc int, a, b, c *float32, ldc int, alpha, beta float32, loadC int, ldb int)

// tileAVX512B checks the bounds of the packed sliver of A, of the 32 columns
// of B read in place and of the C tile, and calls sgemmKernel8x32B.
func tileAVX512B(kc int, a, b []float32, ldb int, c []float32, ldc int, alpha, beta float32) {
	_ = a[kc*8-1]
	_ = b[(kc-1)*ldb+31]
	_ = c[7*ldc+31]
	sgemmKernel8x32B(kc, &a[0], &b[0], &c[0], ldc, alpha, beta, loadC(beta), ldb)
}

// sgemmKernel8x32O is sgemmKernel8x32 with the rows of B read in place at
// offsets: row p of the 32 columns starts at b[offs[p]]. It is implemented in
// kernel_avx512_amd64.s.
//
//go:noescape
func sgemmKernel8x32O(kc int, a, b, c *float32, ldc int, alpha, beta float32, loadC int, offs *int)

// tileAVX512O checks the bounds of the packed sliver of A, of the offsets and of
// the C tile and calls sgemmKernel8x32O. That every row b[offs[p]:offs[p]+32]
// lies inside b is the caller's promise (SgemmRowsAt checks each row once).
func tileAVX512O(kc int, a, b []float32, offs []int, c []float32, ldc int, alpha, beta float32) {
	_ = a[kc*8-1]
	_ = offs[kc-1]
	_ = b[31]
	_ = c[7*ldc+31]
	sgemmKernel8x32O(kc, &a[0], &b[0], &c[0], ldc, alpha, beta, loadC(beta), &offs[0])
}
