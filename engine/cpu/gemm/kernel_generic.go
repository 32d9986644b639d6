package gemm

// genericKernel is the portable kernel: a 4×4 register tile in Go, sized for
// scalar machines such as the WebAssembly VM.
var genericKernel = &kernel{
	name: "generic",
	mr:   4,
	nr:   4,
	mc:   128,
	kc:   256,
	nc:   1024,
	tile: tileGeneric4x4,
}

// tileGeneric4x4 computes the 4×4 tile
//
//	C[i*ldc+j] = alpha * Σ_p a[p*4+i] * b[p*4+j] + beta * C[i*ldc+j]
//
// for p < kc, keeping the sixteen sums in local variables. When beta is zero
// C is not read. The loop takes two steps at a time through array pointers,
// which the WebAssembly VM runs about 1.3× faster than one step through
// slices (fewer slice-header updates and bounds checks per multiply-add).
func tileGeneric4x4(kc int, a, b, c []float32, ldc int, alpha, beta float32) {
	a = a[:kc*4]
	b = b[:kc*4]
	var (
		c00, c01, c02, c03 float32
		c10, c11, c12, c13 float32
		c20, c21, c22, c23 float32
		c30, c31, c32, c33 float32
	)
	for len(a) >= 8 && len(b) >= 8 {
		ap, bp := (*[8]float32)(a), (*[8]float32)(b)
		c00 += ap[0] * bp[0]
		c01 += ap[0] * bp[1]
		c02 += ap[0] * bp[2]
		c03 += ap[0] * bp[3]
		c10 += ap[1] * bp[0]
		c11 += ap[1] * bp[1]
		c12 += ap[1] * bp[2]
		c13 += ap[1] * bp[3]
		c20 += ap[2] * bp[0]
		c21 += ap[2] * bp[1]
		c22 += ap[2] * bp[2]
		c23 += ap[2] * bp[3]
		c30 += ap[3] * bp[0]
		c31 += ap[3] * bp[1]
		c32 += ap[3] * bp[2]
		c33 += ap[3] * bp[3]
		c00 += ap[4] * bp[4]
		c01 += ap[4] * bp[5]
		c02 += ap[4] * bp[6]
		c03 += ap[4] * bp[7]
		c10 += ap[5] * bp[4]
		c11 += ap[5] * bp[5]
		c12 += ap[5] * bp[6]
		c13 += ap[5] * bp[7]
		c20 += ap[6] * bp[4]
		c21 += ap[6] * bp[5]
		c22 += ap[6] * bp[6]
		c23 += ap[6] * bp[7]
		c30 += ap[7] * bp[4]
		c31 += ap[7] * bp[5]
		c32 += ap[7] * bp[6]
		c33 += ap[7] * bp[7]
		a, b = a[8:], b[8:]
	}
	if len(a) >= 4 && len(b) >= 4 {
		ap, bp := (*[4]float32)(a), (*[4]float32)(b)
		c00 += ap[0] * bp[0]
		c01 += ap[0] * bp[1]
		c02 += ap[0] * bp[2]
		c03 += ap[0] * bp[3]
		c10 += ap[1] * bp[0]
		c11 += ap[1] * bp[1]
		c12 += ap[1] * bp[2]
		c13 += ap[1] * bp[3]
		c20 += ap[2] * bp[0]
		c21 += ap[2] * bp[1]
		c22 += ap[2] * bp[2]
		c23 += ap[2] * bp[3]
		c30 += ap[3] * bp[0]
		c31 += ap[3] * bp[1]
		c32 += ap[3] * bp[2]
		c33 += ap[3] * bp[3]
	}
	r0 := c[0:4:4]
	r1 := c[ldc : ldc+4 : ldc+4]
	r2 := c[2*ldc : 2*ldc+4 : 2*ldc+4]
	r3 := c[3*ldc : 3*ldc+4 : 3*ldc+4]
	if beta == 0 {
		r0[0], r0[1], r0[2], r0[3] = alpha*c00, alpha*c01, alpha*c02, alpha*c03
		r1[0], r1[1], r1[2], r1[3] = alpha*c10, alpha*c11, alpha*c12, alpha*c13
		r2[0], r2[1], r2[2], r2[3] = alpha*c20, alpha*c21, alpha*c22, alpha*c23
		r3[0], r3[1], r3[2], r3[3] = alpha*c30, alpha*c31, alpha*c32, alpha*c33
		return
	}
	r0[0], r0[1], r0[2], r0[3] = alpha*c00+beta*r0[0], alpha*c01+beta*r0[1], alpha*c02+beta*r0[2], alpha*c03+beta*r0[3]
	r1[0], r1[1], r1[2], r1[3] = alpha*c10+beta*r1[0], alpha*c11+beta*r1[1], alpha*c12+beta*r1[2], alpha*c13+beta*r1[3]
	r2[0], r2[1], r2[2], r2[3] = alpha*c20+beta*r2[0], alpha*c21+beta*r2[1], alpha*c22+beta*r2[2], alpha*c23+beta*r2[3]
	r3[0], r3[1], r3[2], r3[3] = alpha*c30+beta*r3[0], alpha*c31+beta*r3[1], alpha*c32+beta*r3[2], alpha*c33+beta*r3[3]
}
