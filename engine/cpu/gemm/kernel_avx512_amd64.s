//go:build amd64

#include "textflag.h"

// One step of the rank-1 update of the 8×32 tile: load a 32-wide row of B,
// its columns 0-15 from blo into Z16 and 16-31 from bhi into Z17, broadcast
// the eight packed A values of that step and accumulate, row i of the tile
// living in Z(2i) (columns 0-15) and Z(2i+1) (16-31).
#define STEPS(aoff, blo, bhi) \
	VMOVUPS      blo, Z16;           \
	VMOVUPS      bhi, Z17;           \
	VBROADCASTSS aoff(AX), Z18;      \
	VBROADCASTSS aoff+4(AX), Z19;    \
	VFMADD231PS  Z16, Z18, Z0;       \
	VFMADD231PS  Z17, Z18, Z1;       \
	VFMADD231PS  Z16, Z19, Z2;       \
	VFMADD231PS  Z17, Z19, Z3;       \
	VBROADCASTSS aoff+8(AX), Z20;    \
	VBROADCASTSS aoff+12(AX), Z21;   \
	VFMADD231PS  Z16, Z20, Z4;       \
	VFMADD231PS  Z17, Z20, Z5;       \
	VFMADD231PS  Z16, Z21, Z6;       \
	VFMADD231PS  Z17, Z21, Z7;       \
	VBROADCASTSS aoff+16(AX), Z22;   \
	VBROADCASTSS aoff+20(AX), Z23;   \
	VFMADD231PS  Z16, Z22, Z8;       \
	VFMADD231PS  Z17, Z22, Z9;       \
	VFMADD231PS  Z16, Z23, Z10;      \
	VFMADD231PS  Z17, Z23, Z11;      \
	VBROADCASTSS aoff+24(AX), Z24;   \
	VBROADCASTSS aoff+28(AX), Z25;   \
	VFMADD231PS  Z16, Z24, Z12;      \
	VFMADD231PS  Z17, Z24, Z13;      \
	VFMADD231PS  Z16, Z25, Z14;      \
	VFMADD231PS  Z17, Z25, Z15

// STEP is STEPS for packed B: the row of this step is at boff(BX).
#define STEP(aoff, boff) STEPS(aoff, boff(BX), boff+64(BX))

// Scale row lo/hi by alpha (Z26) and store it to columns 0-15 at plo and
// 16-31 at phi.
#define STORE(lo, hi, plo, phi) \
	VMULPS  Z26, lo, lo; \
	VMULPS  Z26, hi, hi; \
	VMOVUPS lo, plo;     \
	VMOVUPS hi, phi

// Scale row lo/hi by alpha (Z26), add beta*C (beta in Z27) and store it.
#define UPDATE(lo, hi, plo, phi) \
	VMULPS      Z26, lo, lo;  \
	VMULPS      Z26, hi, hi;  \
	VFMADD231PS plo, Z27, lo; \
	VFMADD231PS phi, Z27, hi; \
	VMOVUPS     lo, plo;      \
	VMOVUPS     hi, phi

// Warm the 8×32 tile of C (rows at DX, DX+ldc, … with ldc in R9, 3*ldc in
// R12 and row 4 in R10) while the products are computed.
#define PREFETCH_C \
	PREFETCHT0 (DX); \
	PREFETCHT0 64(DX); \
	PREFETCHT0 (DX)(R9*1); \
	PREFETCHT0 64(DX)(R9*1); \
	PREFETCHT0 (DX)(R9*2); \
	PREFETCHT0 64(DX)(R9*2); \
	PREFETCHT0 (DX)(R12*1); \
	PREFETCHT0 64(DX)(R12*1); \
	PREFETCHT0 (R10); \
	PREFETCHT0 64(R10); \
	PREFETCHT0 (R10)(R9*1); \
	PREFETCHT0 64(R10)(R9*1); \
	PREFETCHT0 (R10)(R9*2); \
	PREFETCHT0 64(R10)(R9*2); \
	PREFETCHT0 (R10)(R12*1); \
	PREFETCHT0 64(R10)(R12*1)

// Clear the sixteen accumulators.
#define ZERO_TILE \
	VPXORD Z0, Z0, Z0; \
	VPXORD Z1, Z1, Z1; \
	VPXORD Z2, Z2, Z2; \
	VPXORD Z3, Z3, Z3; \
	VPXORD Z4, Z4, Z4; \
	VPXORD Z5, Z5, Z5; \
	VPXORD Z6, Z6, Z6; \
	VPXORD Z7, Z7, Z7; \
	VPXORD Z8, Z8, Z8; \
	VPXORD Z9, Z9, Z9; \
	VPXORD Z10, Z10, Z10; \
	VPXORD Z11, Z11, Z11; \
	VPXORD Z12, Z12, Z12; \
	VPXORD Z13, Z13, Z13; \
	VPXORD Z14, Z14, Z14; \
	VPXORD Z15, Z15, Z15

// Store the tile scaled by alpha (Z26), without reading C.
#define STORE_TILE \
	STORE(Z0, Z1, (DX), 64(DX)); \
	STORE(Z2, Z3, (DX)(R9*1), 64(DX)(R9*1)); \
	STORE(Z4, Z5, (DX)(R9*2), 64(DX)(R9*2)); \
	STORE(Z6, Z7, (DX)(R12*1), 64(DX)(R12*1)); \
	STORE(Z8, Z9, (R10), 64(R10)); \
	STORE(Z10, Z11, (R10)(R9*1), 64(R10)(R9*1)); \
	STORE(Z12, Z13, (R10)(R9*2), 64(R10)(R9*2)); \
	STORE(Z14, Z15, (R10)(R12*1), 64(R10)(R12*1))

// Store the tile scaled by alpha (Z26) plus beta (Z27) times C.
#define UPDATE_TILE \
	UPDATE(Z0, Z1, (DX), 64(DX)); \
	UPDATE(Z2, Z3, (DX)(R9*1), 64(DX)(R9*1)); \
	UPDATE(Z4, Z5, (DX)(R9*2), 64(DX)(R9*2)); \
	UPDATE(Z6, Z7, (DX)(R12*1), 64(DX)(R12*1)); \
	UPDATE(Z8, Z9, (R10), 64(R10)); \
	UPDATE(Z10, Z11, (R10)(R9*1), 64(R10)(R9*1)); \
	UPDATE(Z12, Z13, (R10)(R9*2), 64(R10)(R9*2)); \
	UPDATE(Z14, Z15, (R10)(R12*1), 64(R10)(R12*1))

// func sgemmKernel8x32(kc int, a, b, c *float32, ldc int, alpha, beta float32, loadC int)
TEXT ·sgemmKernel8x32(SB), NOSPLIT, $0-56
	MOVQ kc+0(FP), CX
	MOVQ a+8(FP), AX
	MOVQ b+16(FP), BX
	MOVQ c+24(FP), DX
	MOVQ ldc+32(FP), R9
	SHLQ $2, R9            // ldc in bytes
	LEAQ (R9)(R9*2), R12   // 3*ldc
	LEAQ (DX)(R9*4), R10   // row 4

	PREFETCH_C

	ZERO_TILE

	MOVQ CX, R8
	SHRQ $2, R8            // groups of four steps
	ANDQ $3, CX            // remaining steps
	TESTQ R8, R8
	JZ   tail

loop4:
	PREFETCHT0 512(AX)
	STEP(0, 0)
	PREFETCHT0 1024(BX)
	STEP(32, 128)
	PREFETCHT0 1088(BX)
	STEP(64, 256)
	PREFETCHT0 1152(BX)
	STEP(96, 384)
	PREFETCHT0 1216(BX)
	ADDQ $128, AX
	ADDQ $512, BX
	DECQ R8
	JNZ  loop4

tail:
	TESTQ CX, CX
	JZ    done

loop1:
	STEP(0, 0)
	ADDQ $32, AX
	ADDQ $128, BX
	DECQ CX
	JNZ  loop1

done:
	VBROADCASTSS alpha+40(FP), Z26
	MOVQ loadC+48(FP), R8
	TESTQ R8, R8
	JNZ  update

	STORE_TILE
	VZEROUPPER
	RET

update:
	VBROADCASTSS beta+44(FP), Z27
	UPDATE_TILE
	VZEROUPPER
	RET

// func sgemmKernel8x32B(kc int, a, b, c *float32, ldc int, alpha, beta float32, loadC int, ldb int)
//
// sgemmKernel8x32 with B read in place: row p of the 32-wide panel starts at
// b + p*ldb (floats) instead of b + 32p.
TEXT ·sgemmKernel8x32B(SB), NOSPLIT, $0-64
	MOVQ kc+0(FP), CX
	MOVQ a+8(FP), AX
	MOVQ b+16(FP), BX
	MOVQ c+24(FP), DX
	MOVQ ldc+32(FP), R9
	MOVQ ldb+56(FP), R13
	SHLQ $2, R9            // ldc in bytes
	SHLQ $2, R13           // ldb in bytes
	LEAQ (R9)(R9*2), R12   // 3*ldc
	LEAQ (DX)(R9*4), R10   // row 4

	PREFETCH_C

	ZERO_TILE

	LEAQ (R13)(R13*2), R11 // 3*ldb in bytes
	MOVQ R13, DI
	SHLQ $2, DI            // 4*ldb in bytes
	LEAQ (BX)(DI*2), SI    // eight rows on, for prefetching

	MOVQ CX, R8
	SHRQ $2, R8
	ANDQ $3, CX
	TESTQ R8, R8
	JZ   btail

bloop4:
	PREFETCHT0 (SI)
	PREFETCHT0 64(SI)
	STEPS(0, (BX), 64(BX))
	PREFETCHT0 (SI)(R13*1)
	PREFETCHT0 64(SI)(R13*1)
	STEPS(32, (BX)(R13*1), 64(BX)(R13*1))
	PREFETCHT0 (SI)(R13*2)
	PREFETCHT0 64(SI)(R13*2)
	STEPS(64, (BX)(R13*2), 64(BX)(R13*2))
	PREFETCHT0 (SI)(R11*1)
	PREFETCHT0 64(SI)(R11*1)
	STEPS(96, (BX)(R11*1), 64(BX)(R11*1))
	ADDQ $128, AX
	ADDQ DI, BX
	ADDQ DI, SI
	DECQ R8
	JNZ  bloop4

btail:
	TESTQ CX, CX
	JZ    bdone

bloop1:
	STEPS(0, (BX), 64(BX))
	ADDQ $32, AX
	ADDQ R13, BX
	DECQ CX
	JNZ  bloop1

bdone:
	VBROADCASTSS alpha+40(FP), Z26
	MOVQ loadC+48(FP), R8
	TESTQ R8, R8
	JNZ  bupdate

	STORE_TILE
	VZEROUPPER
	RET

bupdate:
	VBROADCASTSS beta+44(FP), Z27
	UPDATE_TILE
	VZEROUPPER
	RET

// func sgemmKernel8x32O(kc int, a, b, c *float32, ldc int, alpha, beta float32, loadC int, offs *int)
//
// sgemmKernel8x32 with the rows of B read in place at given offsets: row p of
// the 32 columns starts at b[offs[p]] (SgemmRowsAt's shifted rows).
TEXT ·sgemmKernel8x32O(SB), NOSPLIT, $0-64
	MOVQ kc+0(FP), CX
	MOVQ a+8(FP), AX
	MOVQ b+16(FP), BX
	MOVQ c+24(FP), DX
	MOVQ ldc+32(FP), R9
	MOVQ offs+56(FP), SI
	SHLQ $2, R9            // ldc in bytes
	LEAQ (R9)(R9*2), R12   // 3*ldc
	LEAQ (DX)(R9*4), R10   // row 4

	PREFETCH_C

	ZERO_TILE

	MOVQ CX, R8
	SHRQ $2, R8
	ANDQ $3, CX
	TESTQ R8, R8
	JZ   otail

oloop4:
	MOVQ  (SI), R11
	MOVQ  8(SI), R13
	STEPS(0, (BX)(R11*4), 64(BX)(R11*4))
	STEPS(32, (BX)(R13*4), 64(BX)(R13*4))
	MOVQ  16(SI), R11
	MOVQ  24(SI), R13
	STEPS(64, (BX)(R11*4), 64(BX)(R11*4))
	STEPS(96, (BX)(R13*4), 64(BX)(R13*4))
	ADDQ $128, AX
	ADDQ $32, SI
	DECQ R8
	JNZ  oloop4

otail:
	TESTQ CX, CX
	JZ    odone

oloop1:
	MOVQ (SI), R11
	STEPS(0, (BX)(R11*4), 64(BX)(R11*4))
	ADDQ $32, AX
	ADDQ $8, SI
	DECQ CX
	JNZ  oloop1

odone:
	VBROADCASTSS alpha+40(FP), Z26
	MOVQ loadC+48(FP), R8
	TESTQ R8, R8
	JNZ  oupdate
	STORE_TILE
	VZEROUPPER
	RET

oupdate:
	VBROADCASTSS beta+44(FP), Z27
	UPDATE_TILE
	VZEROUPPER
	RET
