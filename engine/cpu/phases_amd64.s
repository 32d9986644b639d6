#include "textflag.h"

// The AVX2 window loops of the phase-plane patches (phases.go): count windows of rows
// rows of n floats, eight at a time, the last 1–7 of a row through the mask of
// VMASKMOVPS (which touches no memory outside it).

// tailMask holds eight -1 then eight 0: the eight int32 from element 8 - r are the mask
// of the first r lanes.
DATA tailMask<>+0(SB)/8, $0xffffffffffffffff
DATA tailMask<>+8(SB)/8, $0xffffffffffffffff
DATA tailMask<>+16(SB)/8, $0xffffffffffffffff
DATA tailMask<>+24(SB)/8, $0xffffffffffffffff
DATA tailMask<>+32(SB)/8, $0
DATA tailMask<>+40(SB)/8, $0
DATA tailMask<>+48(SB)/8, $0
DATA tailMask<>+56(SB)/8, $0
GLOBL tailMask<>(SB), RODATA|NOPTR, $64

// SETUP loads the arguments: DI, SI the first windows, R12 count, R13 and R14 the window
// strides of dst and src in bytes, R8 rows, R9 n, R10 the row stride of the phases in
// bytes, R11 n rounded down to 8, Y15 the mask of the last n mod 8 lanes.
#define SETUP \
	MOVQ    dst+0(FP), DI; \
	MOVQ    src+8(FP), SI; \
	MOVQ    count+16(FP), R12; \
	MOVQ    dstride+24(FP), R13; \
	MOVQ    sstride+32(FP), R14; \
	MOVQ    rows+40(FP), R8; \
	MOVQ    n+48(FP), R9; \
	MOVQ    ld+56(FP), R10; \
	SHLQ    $2, R13; \
	SHLQ    $2, R14; \
	SHLQ    $2, R10; \
	MOVQ    R9, R11; \
	ANDQ    $-8, R11; \
	MOVQ    R9, AX; \
	SUBQ    R11, AX; \
	LEAQ    tailMask<>+32(SB), BX; \
	SHLQ    $2, AX; \
	SUBQ    AX, BX; \
	VMOVDQU (BX), Y15

// func copyWindowsAVX2(dst, src *float32, count, dstride, sstride, rows, n, ld int)
//
// dst's rows are contiguous, src's ld apart.
TEXT ·copyWindowsAVX2(SB), NOSPLIT, $0-64
	SETUP

cwin:
	TESTQ R12, R12
	JZ    cdone
	MOVQ  DI, AX
	MOVQ  SI, BX
	MOVQ  R8, DX

crow:
	XORQ CX, CX

cloop8:
	CMPQ    CX, R11
	JAE     ctail
	VMOVUPS (BX)(CX*4), Y0
	VMOVUPS Y0, (AX)(CX*4)
	ADDQ    $8, CX
	JMP     cloop8

ctail:
	CMPQ       CX, R9
	JAE        cnext
	VMASKMOVPS (BX)(CX*4), Y15, Y0
	VMASKMOVPS Y0, Y15, (AX)(CX*4)

cnext:
	LEAQ (AX)(R9*4), AX
	ADDQ R10, BX
	DECQ DX
	JNZ  crow
	ADDQ R13, DI
	ADDQ R14, SI
	DECQ R12
	JMP  cwin

cdone:
	VZEROUPPER
	RET

// func addWindowsAVX2(dst, src *float32, count, dstride, sstride, rows, n, ld int)
//
// dst's rows are ld apart, src's contiguous.
TEXT ·addWindowsAVX2(SB), NOSPLIT, $0-64
	SETUP

awin:
	TESTQ R12, R12
	JZ    adone
	MOVQ  DI, AX
	MOVQ  SI, BX
	MOVQ  R8, DX

arow:
	XORQ CX, CX

aloop8:
	CMPQ    CX, R11
	JAE     atail
	VMOVUPS (BX)(CX*4), Y0
	VADDPS  (AX)(CX*4), Y0, Y0
	VMOVUPS Y0, (AX)(CX*4)
	ADDQ    $8, CX
	JMP     aloop8

atail:
	CMPQ       CX, R9
	JAE        anext
	VMASKMOVPS (BX)(CX*4), Y15, Y0
	VMASKMOVPS (AX)(CX*4), Y15, Y1
	VADDPS     Y1, Y0, Y0
	VMASKMOVPS Y0, Y15, (AX)(CX*4)

anext:
	ADDQ R10, AX
	LEAQ (BX)(R9*4), BX
	DECQ DX
	JNZ  arow
	ADDQ R13, DI
	ADDQ R14, SI
	DECQ R12
	JMP  awin

adone:
	VZEROUPPER
	RET

// MASK(r, m) loads the mask of the first r lanes (0 ≤ r ≤ 8, in register r, clobbered)
// into m, with BX as scratch.
#define MASK(r, m) \
	LEAQ    tailMask<>+32(SB), BX; \
	SHLQ    $2, r; \
	SUBQ    r, BX; \
	VMOVDQU (BX), m

// TAILMASKS loads, for the r = CX < 16 floats left of a row, the masks of the first
// min(r, 8) lanes into Y10 and of the first max(r - 8, 0) into Y11 (the row's two
// vectors), and of the first ⌈r/2⌉ and ⌊r/2⌋ into Y12 and Y13 (its even and odd floats).
// It clobbers AX and BX.
#define TAILMASKS \
	MOVQ   CX, AX; \
	MOVQ   $8, BX; \
	CMPQ   AX, BX; \
	CMOVQGT BX, AX; \
	MASK(AX, Y10); \
	MOVQ   CX, AX; \
	SUBQ   $8, AX; \
	XORQ   BX, BX; \
	CMPQ   AX, BX; \
	CMOVQLT BX, AX; \
	MASK(AX, Y11); \
	MOVQ   CX, AX; \
	INCQ   AX; \
	SHRQ   $1, AX; \
	MASK(AX, Y12); \
	MOVQ   CX, AX; \
	SHRQ   $1, AX; \
	MASK(AX, Y13)

// func splitPairsAVX2(ph, img *float32, pairs *phasePair, n int)
//
// For each of the n pairs {img, even, odd, w} (four int64): even[k] = row[2k] for 2k < w
// and odd[k] = row[2k+1] for 2k+1 < w, where row, even and odd start at elements img of
// img and even and odd of ph. Sixteen floats at a time: VSHUFPS picks the even (0x88) or
// odd (0xDD) ones of each 128-bit lane of the two vectors and VPERMPD puts the lanes'
// halves in order.
TEXT ·splitPairsAVX2(SB), NOSPLIT, $0-32
	MOVQ ph+0(FP), R8
	MOVQ img+8(FP), R9
	MOVQ pairs+16(FP), R10
	MOVQ n+24(FP), R11

dpair:
	TESTQ R11, R11
	JZ    ddone
	MOVQ  0(R10), SI
	LEAQ  (R9)(SI*4), SI
	MOVQ  8(R10), DI
	LEAQ  (R8)(DI*4), DI
	MOVQ  16(R10), DX
	LEAQ  (R8)(DX*4), DX
	MOVQ  24(R10), CX

dloop:
	CMPQ    CX, $16
	JL      dtail
	VMOVUPS (SI), Y0
	VMOVUPS 32(SI), Y1
	VSHUFPS $0x88, Y1, Y0, Y2
	VSHUFPS $0xDD, Y1, Y0, Y3
	VPERMPD $0xD8, Y2, Y2
	VPERMPD $0xD8, Y3, Y3
	VMOVUPS Y2, (DI)
	VMOVUPS Y3, (DX)
	ADDQ    $64, SI
	ADDQ    $32, DI
	ADDQ    $32, DX
	SUBQ    $16, CX
	JMP     dloop

dtail:
	TESTQ CX, CX
	JZ    dnext
	TAILMASKS
	VMASKMOVPS (SI), Y10, Y0
	VMASKMOVPS 32(SI), Y11, Y1
	VSHUFPS    $0x88, Y1, Y0, Y2
	VSHUFPS    $0xDD, Y1, Y0, Y3
	VPERMPD    $0xD8, Y2, Y2
	VPERMPD    $0xD8, Y3, Y3
	VMASKMOVPS Y2, Y12, (DI)
	VMASKMOVPS Y3, Y13, (DX)

dnext:
	ADDQ $32, R10
	DECQ R11
	JMP  dpair

ddone:
	VZEROUPPER
	RET

// func mergePairsAVX2(img, ph *float32, pairs *phasePair, n int)
//
// The inverse of splitPairsAVX2: row[2k] = even[k] for 2k < w, row[2k+1] = odd[k] for
// 2k+1 < w. VUNPCKLPS and VUNPCKHPS interleave the halves of each 128-bit lane,
// VPERM2F128 puts the lanes in order.
TEXT ·mergePairsAVX2(SB), NOSPLIT, $0-32
	MOVQ img+0(FP), R9
	MOVQ ph+8(FP), R8
	MOVQ pairs+16(FP), R10
	MOVQ n+24(FP), R11

ipair:
	TESTQ R11, R11
	JZ    idone
	MOVQ  0(R10), DI
	LEAQ  (R9)(DI*4), DI
	MOVQ  8(R10), SI
	LEAQ  (R8)(SI*4), SI
	MOVQ  16(R10), DX
	LEAQ  (R8)(DX*4), DX
	MOVQ  24(R10), CX

iloop:
	CMPQ       CX, $16
	JL         itail
	VMOVUPS    (SI), Y0
	VMOVUPS    (DX), Y1
	VUNPCKLPS  Y1, Y0, Y2
	VUNPCKHPS  Y1, Y0, Y3
	VPERM2F128 $0x20, Y3, Y2, Y4
	VPERM2F128 $0x31, Y3, Y2, Y5
	VMOVUPS    Y4, (DI)
	VMOVUPS    Y5, 32(DI)
	ADDQ       $64, DI
	ADDQ       $32, SI
	ADDQ       $32, DX
	SUBQ       $16, CX
	JMP        iloop

itail:
	TESTQ CX, CX
	JZ    inext
	TAILMASKS
	VMASKMOVPS (SI), Y12, Y0
	VMASKMOVPS (DX), Y13, Y1
	VUNPCKLPS  Y1, Y0, Y2
	VUNPCKHPS  Y1, Y0, Y3
	VPERM2F128 $0x20, Y3, Y2, Y4
	VPERM2F128 $0x31, Y3, Y2, Y5
	VMASKMOVPS Y4, Y10, (DI)
	VMASKMOVPS Y5, Y11, 32(DI)

inext:
	ADDQ $32, R10
	DECQ R11
	JMP  ipair

idone:
	VZEROUPPER
	RET
