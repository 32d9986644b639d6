//go:build amd64

#include "textflag.h"

// func transpose8AVX(blocks int, src *float32, ld int, dst *float32, stride int)
//
// For each of blocks 8×8 blocks, b = 0, 1, …: reads rows i < 8 of eight
// floats at src[i*ld + 8b] and writes their columns as rows,
// dst[(8b+q)*stride + i] = src[i*ld + 8b + q].
TEXT ·transpose8AVX(SB), NOSPLIT, $0-40
	MOVQ blocks+0(FP), CX
	MOVQ src+8(FP), SI
	MOVQ ld+16(FP), R8
	MOVQ dst+24(FP), DI
	MOVQ stride+32(FP), R9
	SHLQ $2, R8             // ld in bytes
	SHLQ $2, R9             // stride in bytes
	LEAQ (R8)(R8*2), R10    // 3*ld
	LEAQ (R9)(R9*2), R11    // 3*stride
	TESTQ CX, CX
	JZ    done

loop:
	LEAQ    (SI)(R8*4), DX  // row 4
	VMOVUPS (SI), Y0
	VMOVUPS (SI)(R8*1), Y1
	VMOVUPS (SI)(R8*2), Y2
	VMOVUPS (SI)(R10*1), Y3
	VMOVUPS (DX), Y4
	VMOVUPS (DX)(R8*1), Y5
	VMOVUPS (DX)(R8*2), Y6
	VMOVUPS (DX)(R10*1), Y7

	VUNPCKLPS Y1, Y0, Y8
	VUNPCKHPS Y1, Y0, Y9
	VUNPCKLPS Y3, Y2, Y10
	VUNPCKHPS Y3, Y2, Y11
	VUNPCKLPS Y5, Y4, Y12
	VUNPCKHPS Y5, Y4, Y13
	VUNPCKLPS Y7, Y6, Y14
	VUNPCKHPS Y7, Y6, Y15

	VSHUFPS $0x44, Y10, Y8, Y0
	VSHUFPS $0xEE, Y10, Y8, Y1
	VSHUFPS $0x44, Y11, Y9, Y2
	VSHUFPS $0xEE, Y11, Y9, Y3
	VSHUFPS $0x44, Y14, Y12, Y4
	VSHUFPS $0xEE, Y14, Y12, Y5
	VSHUFPS $0x44, Y15, Y13, Y6
	VSHUFPS $0xEE, Y15, Y13, Y7

	VPERM2F128 $0x20, Y4, Y0, Y8
	VPERM2F128 $0x20, Y5, Y1, Y9
	VPERM2F128 $0x20, Y6, Y2, Y10
	VPERM2F128 $0x20, Y7, Y3, Y11
	VPERM2F128 $0x31, Y4, Y0, Y12
	VPERM2F128 $0x31, Y5, Y1, Y13
	VPERM2F128 $0x31, Y6, Y2, Y14
	VPERM2F128 $0x31, Y7, Y3, Y15

	LEAQ    (DI)(R9*4), DX  // output row 4
	VMOVUPS Y8, (DI)
	VMOVUPS Y9, (DI)(R9*1)
	VMOVUPS Y10, (DI)(R9*2)
	VMOVUPS Y11, (DI)(R11*1)
	VMOVUPS Y12, (DX)
	VMOVUPS Y13, (DX)(R9*1)
	VMOVUPS Y14, (DX)(R9*2)
	VMOVUPS Y15, (DX)(R11*1)

	ADDQ $32, SI
	LEAQ (DX)(R9*4), DI     // eight output rows on
	DECQ CX
	JNZ  loop

done:
	VZEROUPPER
	RET

// func copyRunsAVX(runs int, src *float32, dst *float32, stride int, w8 int)
//
// Copies runs consecutive runs of 8*w8 floats from src to dst, run s going
// to dst[s*stride : s*stride+8*w8].
TEXT ·copyRunsAVX(SB), NOSPLIT, $0-40
	MOVQ runs+0(FP), CX
	MOVQ src+8(FP), SI
	MOVQ dst+16(FP), DI
	MOVQ stride+24(FP), R9
	MOVQ w8+32(FP), R8
	SHLQ $2, R9             // stride in bytes
	TESTQ CX, CX
	JZ    rdone
	CMPQ  R8, $4
	JEQ   run32

run:
	MOVQ R8, DX
	MOVQ DI, R10

chunk:
	VMOVUPS (SI), Y0
	VMOVUPS Y0, (R10)
	ADDQ    $32, SI
	ADDQ    $32, R10
	DECQ    DX
	JNZ     chunk
	ADDQ    R9, DI
	DECQ    CX
	JNZ     run
	JMP     rdone

run32:
	VMOVUPS (SI), Y0
	VMOVUPS 32(SI), Y1
	VMOVUPS 64(SI), Y2
	VMOVUPS 96(SI), Y3
	VMOVUPS Y0, (DI)
	VMOVUPS Y1, 32(DI)
	VMOVUPS Y2, 64(DI)
	VMOVUPS Y3, 96(DI)
	ADDQ    $128, SI
	ADDQ    R9, DI
	DECQ    CX
	JNZ     run32

rdone:
	VZEROUPPER
	RET
