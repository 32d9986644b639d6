#include "textflag.h"

// The AVX2 loops over the rows of one channel (chanrows.go): rows rows of n floats, each
// a stride apart, eight floats at a time and the last 1–7 of a row through the mask of
// VMASKMOVPS. Sums gather up to 256 floats of a row in float32 lanes and add the lanes
// into float64.

// rowMask holds eight -1 then eight 0: the eight int32 from element 8 - r are the mask of
// the first r lanes.
DATA rowMask<>+0(SB)/8, $0xffffffffffffffff
DATA rowMask<>+8(SB)/8, $0xffffffffffffffff
DATA rowMask<>+16(SB)/8, $0xffffffffffffffff
DATA rowMask<>+24(SB)/8, $0xffffffffffffffff
DATA rowMask<>+32(SB)/8, $0
DATA rowMask<>+40(SB)/8, $0
DATA rowMask<>+48(SB)/8, $0
DATA rowMask<>+56(SB)/8, $0
GLOBL rowMask<>(SB), RODATA|NOPTR, $64

// TAIL sets R11 to n (in R9) rounded down to 8 and Y15 to the mask of the n mod 8 lanes
// left, with AX and BX as scratch.
#define TAIL \
	MOVQ    R9, R11; \
	ANDQ    $-8, R11; \
	MOVQ    R9, AX; \
	SUBQ    R11, AX; \
	LEAQ    rowMask<>+32(SB), BX; \
	SHLQ    $2, AX; \
	SUBQ    AX, BX; \
	VMOVDQU (BX), Y15

// FLUSH adds the eight float32 lanes of Y0 to the four float64 lanes of Y4.
#define FLUSH \
	VEXTRACTF128 $1, Y0, X1; \
	VCVTPS2PD    X0, Y2; \
	VCVTPS2PD    X1, Y1; \
	VADDPD       Y2, Y4, Y4; \
	VADDPD       Y1, Y4, Y4

// CHUNK ends a run of 32 vectors: it flushes Y0 and starts it again, so that no float32
// lane gathers more than 33 values (at most about 2⁻¹⁹ of their magnitudes in error).
#define CHUNK \
	FLUSH; \
	VXORPS Y0, Y0, Y0; \
	MOVQ   $32, R14

// TOTAL adds the lanes of Y4 into its lowest.
#define TOTAL \
	VEXTRACTF128 $1, Y4, X5; \
	VADDPD       X5, X4, X4; \
	VPERMILPD    $1, X4, X5; \
	VADDSD       X5, X4, X4

// func sumRowsAVX2(rows, n int, x *float32, ldx int) float64
TEXT ·sumRowsAVX2(SB), NOSPLIT, $0-40
	MOVQ   rows+0(FP), R8
	MOVQ   n+8(FP), R9
	MOVQ   x+16(FP), SI
	MOVQ   ldx+24(FP), R10
	SHLQ   $2, R10
	TAIL
	VXORPD Y4, Y4, Y4

srow:
	TESTQ  R8, R8
	JZ     sdone
	VXORPS Y0, Y0, Y0
	XORQ   CX, CX
	MOVQ   $32, R14

sloop:
	CMPQ   CX, R11
	JAE    stail
	VADDPS (SI)(CX*4), Y0, Y0
	ADDQ   $8, CX
	DECQ   R14
	JNZ    sloop
	CHUNK
	JMP    sloop

stail:
	CMPQ       CX, R9
	JAE        sflush
	VMASKMOVPS (SI)(CX*4), Y15, Y1
	VADDPS     Y1, Y0, Y0

sflush:
	FLUSH
	ADDQ R10, SI
	DECQ R8
	JMP  srow

sdone:
	TOTAL
	VMOVSD X4, ret+32(FP)
	VZEROUPPER
	RET

// func dotShiftRowsAVX2(rows, n int, s float32, x *float32, ldx int, y *float32, ldy int) float64
//
// Σ x·(y + s).
TEXT ·dotShiftRowsAVX2(SB), NOSPLIT, $0-64
	MOVQ         rows+0(FP), R8
	MOVQ         n+8(FP), R9
	VBROADCASTSS s+16(FP), Y14
	MOVQ         x+24(FP), SI
	MOVQ         ldx+32(FP), R10
	MOVQ         y+40(FP), DI
	MOVQ         ldy+48(FP), R12
	SHLQ         $2, R10
	SHLQ         $2, R12
	TAIL
	VXORPD       Y4, Y4, Y4

drow:
	TESTQ  R8, R8
	JZ     ddone
	VXORPS Y0, Y0, Y0
	XORQ   CX, CX
	MOVQ   $32, R14

dloop:
	CMPQ        CX, R11
	JAE         dtail
	VADDPS      (DI)(CX*4), Y14, Y2
	VMOVUPS     (SI)(CX*4), Y1
	VFMADD231PS Y2, Y1, Y0
	ADDQ        $8, CX
	DECQ        R14
	JNZ         dloop
	CHUNK
	JMP         dloop

dtail:
	CMPQ        CX, R9
	JAE         dflush
	VMASKMOVPS  (SI)(CX*4), Y15, Y1
	VMASKMOVPS  (DI)(CX*4), Y15, Y2
	VADDPS      Y14, Y2, Y2
	VFMADD231PS Y2, Y1, Y0

dflush:
	FLUSH
	ADDQ R10, SI
	ADDQ R12, DI
	DECQ R8
	JMP  drow

ddone:
	TOTAL
	VMOVSD X4, ret+56(FP)
	VZEROUPPER
	RET

// func sqDevRowsAVX2(rows, n int, m float32, x *float32, ldx int) float64
TEXT ·sqDevRowsAVX2(SB), NOSPLIT, $0-48
	MOVQ         rows+0(FP), R8
	MOVQ         n+8(FP), R9
	VBROADCASTSS m+16(FP), Y14
	MOVQ         x+24(FP), SI
	MOVQ         ldx+32(FP), R10
	SHLQ         $2, R10
	TAIL
	VXORPD       Y4, Y4, Y4

qrow:
	TESTQ  R8, R8
	JZ     qdone
	VXORPS Y0, Y0, Y0
	XORQ   CX, CX
	MOVQ   $32, R14

qloop:
	CMPQ        CX, R11
	JAE         qtail
	VMOVUPS     (SI)(CX*4), Y1
	VSUBPS      Y14, Y1, Y1
	VFMADD231PS Y1, Y1, Y0
	ADDQ        $8, CX
	DECQ        R14
	JNZ         qloop
	CHUNK
	JMP         qloop

qtail:
	CMPQ        CX, R9
	JAE         qflush
	VMASKMOVPS  (SI)(CX*4), Y15, Y1
	VSUBPS      Y14, Y1, Y1
	VANDPS      Y15, Y1, Y1
	VFMADD231PS Y1, Y1, Y0

qflush:
	FLUSH
	ADDQ R10, SI
	DECQ R8
	JMP  qrow

qdone:
	TOTAL
	VMOVSD X4, ret+40(FP)
	VZEROUPPER
	RET

// func affineRowsAVX2(rows, n int, s, a, w, b float32, x *float32, ldx int, y *float32, ldy int)
//
// y = ((x + s)·a)·w + b, rounded after every operation.
TEXT ·affineRowsAVX2(SB), NOSPLIT, $0-64
	MOVQ         rows+0(FP), R8
	MOVQ         n+8(FP), R9
	VBROADCASTSS s+16(FP), Y11
	VBROADCASTSS a+20(FP), Y12
	VBROADCASTSS w+24(FP), Y13
	VBROADCASTSS b+28(FP), Y14
	MOVQ         x+32(FP), SI
	MOVQ         ldx+40(FP), R10
	MOVQ         y+48(FP), DI
	MOVQ         ldy+56(FP), R12
	SHLQ         $2, R10
	SHLQ         $2, R12
	TAIL

arow:
	TESTQ R8, R8
	JZ    adone
	XORQ  CX, CX

aloop:
	CMPQ    CX, R11
	JAE     atail
	VADDPS  (SI)(CX*4), Y11, Y0
	VMULPS  Y12, Y0, Y0
	VMULPS  Y13, Y0, Y0
	VADDPS  Y14, Y0, Y0
	VMOVUPS Y0, (DI)(CX*4)
	ADDQ    $8, CX
	JMP     aloop

atail:
	CMPQ       CX, R9
	JAE        anext
	VMASKMOVPS (SI)(CX*4), Y15, Y0
	VADDPS     Y11, Y0, Y0
	VMULPS     Y12, Y0, Y0
	VMULPS     Y13, Y0, Y0
	VADDPS     Y14, Y0, Y0
	VMASKMOVPS Y0, Y15, (DI)(CX*4)

anext:
	ADDQ R10, SI
	ADDQ R12, DI
	DECQ R8
	JMP  arow

adone:
	VZEROUPPER
	RET

// func gradRowsAVX2(rows, n int, s, a, b, c float32, y *float32, ldy int, gg *float32, ldg int, d *float32, ldd int)
//
// d = (((y + s)·a + b) + g)·c, rounded after every operation (no fused multiply-add).
TEXT ·gradRowsAVX2(SB), NOSPLIT, $0-80
	MOVQ         rows+0(FP), R8
	MOVQ         n+8(FP), R9
	VBROADCASTSS s+16(FP), Y11
	VBROADCASTSS a+20(FP), Y12
	VBROADCASTSS b+24(FP), Y13
	VBROADCASTSS c+28(FP), Y14
	MOVQ         y+32(FP), SI
	MOVQ         ldy+40(FP), R10
	MOVQ         gg+48(FP), DX
	MOVQ         ldg+56(FP), R13
	MOVQ         d+64(FP), DI
	MOVQ         ldd+72(FP), R12
	SHLQ         $2, R10
	SHLQ         $2, R12
	SHLQ         $2, R13
	TAIL

grow:
	TESTQ R8, R8
	JZ    gdone
	XORQ  CX, CX

gloop:
	CMPQ    CX, R11
	JAE     gtail
	VADDPS  (SI)(CX*4), Y11, Y0
	VMULPS  Y12, Y0, Y0
	VADDPS  Y13, Y0, Y0
	VADDPS  (DX)(CX*4), Y0, Y0
	VMULPS  Y14, Y0, Y0
	VMOVUPS Y0, (DI)(CX*4)
	ADDQ    $8, CX
	JMP     gloop

gtail:
	CMPQ       CX, R9
	JAE        gnext
	VMASKMOVPS (SI)(CX*4), Y15, Y0
	VMASKMOVPS (DX)(CX*4), Y15, Y1
	VADDPS     Y11, Y0, Y0
	VMULPS     Y12, Y0, Y0
	VADDPS     Y13, Y0, Y0
	VADDPS     Y1, Y0, Y0
	VMULPS     Y14, Y0, Y0
	VMASKMOVPS Y0, Y15, (DI)(CX*4)

gnext:
	ADDQ R10, SI
	ADDQ R13, DX
	ADDQ R12, DI
	DECQ R8
	JMP  grow

gdone:
	VZEROUPPER
	RET
