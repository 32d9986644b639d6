//go:build amd64

#include "textflag.h"
#include "loop_amd64.h"

// Scalar operations d[i] = a[i] op s with d in DI, a in SI, the length in CX,
// s in every lane of K0 and, for max, the sign mask in K1.

#define LOADS \
	MOVQ         d_base+0(FP), DI; \
	MOVQ         d_len+8(FP), CX;  \
	MOVQ         a_base+24(FP), SI; \
	VBROADCASTSS s+48(FP), Y8

#define ADDS(mov, off, T0, T1, T2, T3, T4, T5, K0, K1, K2, K3, K4, K5, K6, K7) \
	mov    off(SI)(AX*4), T0; \
	VADDPS K0, T0, T0;        \
	mov    T0, off(DI)(AX*4)

#define SUBS(mov, off, T0, T1, T2, T3, T4, T5, K0, K1, K2, K3, K4, K5, K6, K7) \
	mov    off(SI)(AX*4), T0; \
	VSUBPS K0, T0, T0;        \
	mov    T0, off(DI)(AX*4)

#define SUBRS(mov, off, T0, T1, T2, T3, T4, T5, K0, K1, K2, K3, K4, K5, K6, K7) \
	mov    off(SI)(AX*4), T0; \
	VSUBPS T0, K0, T0;        \
	mov    T0, off(DI)(AX*4)

#define MULS(mov, off, T0, T1, T2, T3, T4, T5, K0, K1, K2, K3, K4, K5, K6, K7) \
	mov    off(SI)(AX*4), T0; \
	VMULPS K0, T0, T0;        \
	mov    T0, off(DI)(AX*4)

#define DIVS(mov, off, T0, T1, T2, T3, T4, T5, K0, K1, K2, K3, K4, K5, K6, K7) \
	mov    off(SI)(AX*4), T0; \
	VDIVPS K0, T0, T0;        \
	mov    T0, off(DI)(AX*4)

#define DIVRS(mov, off, T0, T1, T2, T3, T4, T5, K0, K1, K2, K3, K4, K5, K6, K7) \
	mov    off(SI)(AX*4), T0; \
	VDIVPS T0, K0, T0;        \
	mov    T0, off(DI)(AX*4)

#define MAXS(mov, off, T0, T1, T2, T3, T4, T5, K0, K1, K2, K3, K4, K5, K6, K7) \
	mov   off(SI)(AX*4), T0;  \
	MAXGO(T0, K0, T2, T3, K1); \
	mov   T0, off(DI)(AX*4)

// func addScalarAVX2(d, a []float32, s float32)
TEXT ·addScalarAVX2(SB), NOSPLIT, $0-52
	LOADS
	LOOP(ADDS)

// func subScalarAVX2(d, a []float32, s float32)
TEXT ·subScalarAVX2(SB), NOSPLIT, $0-52
	LOADS
	LOOP(SUBS)

// func subRevScalarAVX2(d, a []float32, s float32)
TEXT ·subRevScalarAVX2(SB), NOSPLIT, $0-52
	LOADS
	LOOP(SUBRS)

// func mulScalarAVX2(d, a []float32, s float32)
TEXT ·mulScalarAVX2(SB), NOSPLIT, $0-52
	LOADS
	LOOP(MULS)

// func divScalarAVX2(d, a []float32, s float32)
TEXT ·divScalarAVX2(SB), NOSPLIT, $0-52
	LOADS
	LOOP(DIVS)

// func divRevScalarAVX2(d, a []float32, s float32)
TEXT ·divRevScalarAVX2(SB), NOSPLIT, $0-52
	LOADS
	LOOP(DIVRS)

// func maxScalarAVX2(d, a []float32, s float32)
TEXT ·maxScalarAVX2(SB), NOSPLIT, $0-52
	LOADS
	SIGNMASK(Y9)
	LOOP(MAXS)
