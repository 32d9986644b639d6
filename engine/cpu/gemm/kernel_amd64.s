//go:build amd64

#include "textflag.h"

// One step of the rank-1 update: load a 16-wide row of packed B, broadcast the
// six packed A values of that step and accumulate into Y0..Y11, where row i of
// the tile lives in Y(2i) (columns 0-7) and Y(2i+1) (columns 8-15).
#define STEP(aoff, boff) \
	VMOVUPS      boff(BX), Y12;      \
	VMOVUPS      boff+32(BX), Y13;   \
	VBROADCASTSS aoff(AX), Y14;      \
	VBROADCASTSS aoff+4(AX), Y15;    \
	VFMADD231PS  Y12, Y14, Y0;       \
	VFMADD231PS  Y13, Y14, Y1;       \
	VFMADD231PS  Y12, Y15, Y2;       \
	VFMADD231PS  Y13, Y15, Y3;       \
	VBROADCASTSS aoff+8(AX), Y14;    \
	VBROADCASTSS aoff+12(AX), Y15;   \
	VFMADD231PS  Y12, Y14, Y4;       \
	VFMADD231PS  Y13, Y14, Y5;       \
	VFMADD231PS  Y12, Y15, Y6;       \
	VFMADD231PS  Y13, Y15, Y7;       \
	VBROADCASTSS aoff+16(AX), Y14;   \
	VBROADCASTSS aoff+20(AX), Y15;   \
	VFMADD231PS  Y12, Y14, Y8;       \
	VFMADD231PS  Y13, Y14, Y9;       \
	VFMADD231PS  Y12, Y15, Y10;      \
	VFMADD231PS  Y13, Y15, Y11

// Store one row of the tile: lo to columns 0-7 at plo, hi to 8-15 at phi.
#define STORE(lo, hi, plo, phi) \
	VMOVUPS lo, plo; \
	VMOVUPS hi, phi

// Add beta*C (beta in Y15) to one row of the tile and store it.
#define UPDATE(lo, hi, plo, phi) \
	VFMADD231PS plo, Y15, lo; \
	VFMADD231PS phi, Y15, hi; \
	VMOVUPS     lo, plo;      \
	VMOVUPS     hi, phi

// func sgemmKernel6x16(kc int, a, b, c *float32, ldc int, alpha, beta float32, loadC int)
TEXT ·sgemmKernel6x16(SB), NOSPLIT, $0-56
	MOVQ kc+0(FP), CX
	MOVQ a+8(FP), AX
	MOVQ b+16(FP), BX
	MOVQ c+24(FP), DX
	MOVQ ldc+32(FP), R9
	SHLQ $2, R9            // ldc in bytes
	LEAQ (DX)(R9*2), R10   // row 2
	LEAQ (R10)(R9*2), R11  // row 4

	// Warm the C tile while the products are computed.
	PREFETCHT0 (DX)
	PREFETCHT0 63(DX)
	PREFETCHT0 (DX)(R9*1)
	PREFETCHT0 63(DX)(R9*1)
	PREFETCHT0 (R10)
	PREFETCHT0 63(R10)
	PREFETCHT0 (R10)(R9*1)
	PREFETCHT0 63(R10)(R9*1)
	PREFETCHT0 (R11)
	PREFETCHT0 63(R11)
	PREFETCHT0 (R11)(R9*1)
	PREFETCHT0 63(R11)(R9*1)

	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2
	VXORPS Y3, Y3, Y3
	VXORPS Y4, Y4, Y4
	VXORPS Y5, Y5, Y5
	VXORPS Y6, Y6, Y6
	VXORPS Y7, Y7, Y7
	VXORPS Y8, Y8, Y8
	VXORPS Y9, Y9, Y9
	VXORPS Y10, Y10, Y10
	VXORPS Y11, Y11, Y11

	MOVQ CX, R8
	SHRQ $2, R8            // groups of four steps
	ANDQ $3, CX            // remaining steps
	TESTQ R8, R8
	JZ   tail

loop4:
	PREFETCHT0 384(AX)
	STEP(0, 0)
	STEP(24, 64)
	PREFETCHT0 512(BX)
	STEP(48, 128)
	STEP(72, 192)
	ADDQ $96, AX
	ADDQ $256, BX
	DECQ R8
	JNZ  loop4

tail:
	TESTQ CX, CX
	JZ    done

loop1:
	STEP(0, 0)
	ADDQ $24, AX
	ADDQ $64, BX
	DECQ CX
	JNZ  loop1

done:
	VBROADCASTSS alpha+40(FP), Y14
	VMULPS Y14, Y0, Y0
	VMULPS Y14, Y1, Y1
	VMULPS Y14, Y2, Y2
	VMULPS Y14, Y3, Y3
	VMULPS Y14, Y4, Y4
	VMULPS Y14, Y5, Y5
	VMULPS Y14, Y6, Y6
	VMULPS Y14, Y7, Y7
	VMULPS Y14, Y8, Y8
	VMULPS Y14, Y9, Y9
	VMULPS Y14, Y10, Y10
	VMULPS Y14, Y11, Y11

	MOVQ loadC+48(FP), R8
	TESTQ R8, R8
	JNZ  update

	STORE(Y0, Y1, (DX), 32(DX))
	STORE(Y2, Y3, (DX)(R9*1), 32(DX)(R9*1))
	STORE(Y4, Y5, (R10), 32(R10))
	STORE(Y6, Y7, (R10)(R9*1), 32(R10)(R9*1))
	STORE(Y8, Y9, (R11), 32(R11))
	STORE(Y10, Y11, (R11)(R9*1), 32(R11)(R9*1))
	VZEROUPPER
	RET

update:
	VBROADCASTSS beta+44(FP), Y15
	UPDATE(Y0, Y1, (DX), 32(DX))
	UPDATE(Y2, Y3, (DX)(R9*1), 32(DX)(R9*1))
	UPDATE(Y4, Y5, (R10), 32(R10))
	UPDATE(Y6, Y7, (R10)(R9*1), 32(R10)(R9*1))
	UPDATE(Y8, Y9, (R11), 32(R11))
	UPDATE(Y10, Y11, (R11)(R9*1), 32(R11)(R9*1))
	VZEROUPPER
	RET
