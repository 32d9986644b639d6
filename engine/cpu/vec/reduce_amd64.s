//go:build amd64

#include "textflag.h"
#include "loop_amd64.h"

// FLUSH(acc, xacc, lo, hi) converts the eight float32 lanes of acc (XMM name
// xacc) to float64 and adds the lower four to lo and the upper four to hi.
#define FLUSH(acc, xacc, lo, hi) \
	VCVTPS2PD    xacc, Y12;     \
	VADDPD       Y12, lo, lo;   \
	VEXTRACTF128 $1, acc, X13;  \
	VCVTPS2PD    X13, Y13;      \
	VADDPD       Y13, hi, hi

// func sumAVX2(x []float32) float64
//
// Y0-Y3 hold 32 float32 partial sums: lane j of a block of up to 1024
// elements adds x[j], x[j+32], ... Y4-Y11 hold 32 float64 totals, lanes 4t to
// 4t+3 in Y(4+t). sumGeneric reproduces this order exactly.
TEXT ·sumAVX2(SB), NOSPLIT, $0-32
	MOVQ   x_base+0(FP), SI
	MOVQ   x_len+8(FP), CX
	VXORPD Y4, Y4, Y4
	VXORPD Y5, Y5, Y5
	VXORPD Y6, Y6, Y6
	VXORPD Y7, Y7, Y7
	VXORPD Y8, Y8, Y8
	VXORPD Y9, Y9, Y9
	VXORPD Y10, Y10, Y10
	VXORPD Y11, Y11, Y11
	MOVQ   CX, BX
	SHRQ   $5, BX           // runs of 32 left
	JZ     combine

block:
	MOVQ   $32, DX          // runs in this block: min(BX, 32)
	CMPQ   BX, DX
	JAE    full
	MOVQ   BX, DX

full:
	SUBQ   DX, BX
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2
	VXORPS Y3, Y3, Y3

run:
	VADDPS (SI), Y0, Y0
	VADDPS 32(SI), Y1, Y1
	VADDPS 64(SI), Y2, Y2
	VADDPS 96(SI), Y3, Y3
	ADDQ   $128, SI
	DECQ   DX
	JNZ    run
	FLUSH(Y0, X0, Y4, Y5)
	FLUSH(Y1, X1, Y6, Y7)
	FLUSH(Y2, X2, Y8, Y9)
	FLUSH(Y3, X3, Y10, Y11)
	TESTQ  BX, BX
	JNZ    block

combine:
	VADDPD       Y8, Y4, Y4
	VADDPD       Y9, Y5, Y5
	VADDPD       Y10, Y6, Y6
	VADDPD       Y11, Y7, Y7
	VADDPD       Y6, Y4, Y4
	VADDPD       Y7, Y5, Y5
	VADDPD       Y5, Y4, Y4
	VEXTRACTF128 $1, Y4, X5
	VADDPD       X5, X4, X4
	VPERMILPD    $1, X4, X5
	VADDSD       X5, X4, X4
	ANDQ         $31, CX
	JZ           done

tail:
	VCVTSS2SD (SI), X5, X5
	VADDSD    X5, X4, X4
	ADDQ      $4, SI
	DECQ      CX
	JNZ       tail

done:
	VMOVSD     X4, ret+24(FP)
	VZEROUPPER
	RET

// func maxOfAVX2(x []float32) float32
//
// Y0-Y7 hold running maxima, starting at -Inf, so that eight MAXGO chains
// overlap; each reads its vector straight from memory. Y15 holds the sign mask.
TEXT ·maxOfAVX2(SB), NOSPLIT, $0-28
	MOVQ    x_base+0(FP), SI
	MOVQ    x_len+8(FP), CX
	BROADCAST($0xff800000, X0, Y0, R9)
	VMOVAPS Y0, Y1
	VMOVAPS Y0, Y2
	VMOVAPS Y0, Y3
	VMOVAPS Y0, Y4
	VMOVAPS Y0, Y5
	VMOVAPS Y0, Y6
	VMOVAPS Y0, Y7
	SIGNMASK(Y15)
	MOVQ    CX, BX
	SHRQ    $6, BX
	JZ      tail8

loop64:
	MAXGO(Y0, (SI), Y8, Y9, Y15)
	MAXGO(Y1, 32(SI), Y10, Y11, Y15)
	MAXGO(Y2, 64(SI), Y12, Y13, Y15)
	MAXGO(Y3, 96(SI), Y8, Y9, Y15)
	MAXGO(Y4, 128(SI), Y10, Y11, Y15)
	MAXGO(Y5, 160(SI), Y12, Y13, Y15)
	MAXGO(Y6, 192(SI), Y8, Y9, Y15)
	MAXGO(Y7, 224(SI), Y10, Y11, Y15)
	ADDQ    $256, SI
	DECQ    BX
	JNZ     loop64

tail8:
	MOVQ    CX, BX
	ANDQ    $63, BX
	SHRQ    $3, BX
	JZ      fold

loop8:
	MAXGO(Y0, (SI), Y8, Y9, Y15)
	ADDQ    $32, SI
	DECQ    BX
	JNZ     loop8

fold:
	MAXGO(Y0, Y1, Y8, Y9, Y15)
	MAXGO(Y2, Y3, Y10, Y11, Y15)
	MAXGO(Y4, Y5, Y12, Y13, Y15)
	MAXGO(Y6, Y7, Y8, Y9, Y15)
	MAXGO(Y0, Y2, Y10, Y11, Y15)
	MAXGO(Y4, Y6, Y12, Y13, Y15)
	MAXGO(Y0, Y4, Y8, Y9, Y15)
	VEXTRACTF128 $1, Y0, X1
	MAXGO(X0, X1, X8, X9, X15)
	VPERMILPS    $0x4e, X0, X1
	MAXGO(X0, X1, X8, X9, X15)
	VPERMILPS    $0xb1, X0, X1
	MAXGO(X0, X1, X8, X9, X15)
	ANDQ         $7, CX
	JZ           done

loop1:
	VMOVSS (SI), X1
	MAXGO(X0, X1, X8, X9, X15)
	ADDQ   $4, SI
	DECQ   CX
	JNZ    loop1

done:
	VMOVSS     X0, ret+24(FP)
	VZEROUPPER
	RET
