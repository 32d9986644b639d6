#include "textflag.h"

// func axpyRowsAVX2(rows, n int, a float32, x *float32, ldx int, y *float32, ldy int)
TEXT ·axpyRowsAVX2(SB), NOSPLIT, $0-56
	MOVQ         rows+0(FP), R8
	MOVQ         n+8(FP), R9
	VBROADCASTSS a+16(FP), Y0
	MOVQ         x+24(FP), SI
	MOVQ         ldx+32(FP), R10
	MOVQ         y+40(FP), DI
	MOVQ         ldy+48(FP), R11
	SHLQ         $2, R10
	SHLQ         $2, R11

arow:
	TESTQ R8, R8
	JZ    adone
	MOVQ  SI, AX
	MOVQ  DI, BX
	MOVQ  R9, CX

aloop16:
	CMPQ        CX, $16
	JL          aloop8
	VMOVUPS     (AX), Y1
	VMOVUPS     32(AX), Y2
	VFMADD213PS (BX), Y0, Y1
	VFMADD213PS 32(BX), Y0, Y2
	VMOVUPS     Y1, (BX)
	VMOVUPS     Y2, 32(BX)
	ADDQ        $64, AX
	ADDQ        $64, BX
	SUBQ        $16, CX
	JMP         aloop16

aloop8:
	CMPQ        CX, $8
	JL          atail
	VMOVUPS     (AX), Y1
	VFMADD213PS (BX), Y0, Y1
	VMOVUPS     Y1, (BX)
	ADDQ        $32, AX
	ADDQ        $32, BX
	SUBQ        $8, CX

atail:
	TESTQ       CX, CX
	JZ          anext
	VMOVSS      (AX), X1
	VFMADD213SS (BX), X0, X1
	VMOVSS      X1, (BX)
	ADDQ        $4, AX
	ADDQ        $4, BX
	DECQ        CX
	JMP         atail

anext:
	ADDQ R10, SI
	ADDQ R11, DI
	DECQ R8
	JMP  arow

adone:
	VZEROUPPER
	RET

// func dotRowsAVX2(rows, n int, x *float32, ldx int, y *float32, ldy int) float32
TEXT ·dotRowsAVX2(SB), NOSPLIT, $0-52
	MOVQ   rows+0(FP), R8
	MOVQ   n+8(FP), R9
	MOVQ   x+16(FP), SI
	MOVQ   ldx+24(FP), R10
	MOVQ   y+32(FP), DI
	MOVQ   ldy+40(FP), R11
	SHLQ   $2, R10
	SHLQ   $2, R11
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2

drow:
	TESTQ R8, R8
	JZ    ddone
	MOVQ  SI, AX
	MOVQ  DI, BX
	MOVQ  R9, CX

dloop16:
	CMPQ        CX, $16
	JL          dloop8
	VMOVUPS     (AX), Y3
	VMOVUPS     32(AX), Y4
	VFMADD231PS (BX), Y3, Y0
	VFMADD231PS 32(BX), Y4, Y1
	ADDQ        $64, AX
	ADDQ        $64, BX
	SUBQ        $16, CX
	JMP         dloop16

dloop8:
	CMPQ        CX, $8
	JL          dtail
	VMOVUPS     (AX), Y3
	VFMADD231PS (BX), Y3, Y0
	ADDQ        $32, AX
	ADDQ        $32, BX
	SUBQ        $8, CX

dtail:
	TESTQ       CX, CX
	JZ          dnext
	VMOVSS      (AX), X3
	VFMADD231SS (BX), X3, X2
	ADDQ        $4, AX
	ADDQ        $4, BX
	DECQ        CX
	JMP         dtail

dnext:
	ADDQ R10, SI
	ADDQ R11, DI
	DECQ R8
	JMP  drow

ddone:
	VADDPS       Y1, Y0, Y0
	VEXTRACTF128 $1, Y0, X1
	VADDPS       X1, X0, X0
	VHADDPS      X0, X0, X0
	VHADDPS      X0, X0, X0
	VADDSS       X2, X0, X0
	VMOVSS       X0, ret+48(FP)
	VZEROUPPER
	RET
