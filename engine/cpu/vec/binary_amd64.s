//go:build amd64

#include "textflag.h"
#include "loop_amd64.h"

// Binary operations d[i] = a[i] op b[i] with d in DI, a in SI, b in DX and the
// length in CX; K0 holds the sign mask for max.

#define LOAD3 \
	MOVQ d_base+0(FP), DI; \
	MOVQ d_len+8(FP), CX;  \
	MOVQ a_base+24(FP), SI; \
	MOVQ b_base+48(FP), DX

#define ADDB(mov, off, T0, T1, T2, T3, T4, T5, K0, K1, K2, K3, K4, K5, K6, K7) \
	mov    off(SI)(AX*4), T0; \
	mov    off(DX)(AX*4), T1; \
	VADDPS T1, T0, T0;        \
	mov    T0, off(DI)(AX*4)

#define SUBB(mov, off, T0, T1, T2, T3, T4, T5, K0, K1, K2, K3, K4, K5, K6, K7) \
	mov    off(SI)(AX*4), T0; \
	mov    off(DX)(AX*4), T1; \
	VSUBPS T1, T0, T0;        \
	mov    T0, off(DI)(AX*4)

#define MULB(mov, off, T0, T1, T2, T3, T4, T5, K0, K1, K2, K3, K4, K5, K6, K7) \
	mov    off(SI)(AX*4), T0; \
	mov    off(DX)(AX*4), T1; \
	VMULPS T1, T0, T0;        \
	mov    T0, off(DI)(AX*4)

#define DIVB(mov, off, T0, T1, T2, T3, T4, T5, K0, K1, K2, K3, K4, K5, K6, K7) \
	mov    off(SI)(AX*4), T0; \
	mov    off(DX)(AX*4), T1; \
	VDIVPS T1, T0, T0;        \
	mov    T0, off(DI)(AX*4)

#define MAXB(mov, off, T0, T1, T2, T3, T4, T5, K0, K1, K2, K3, K4, K5, K6, K7) \
	mov   off(SI)(AX*4), T0; \
	mov   off(DX)(AX*4), T1; \
	MAXGO(T0, T1, T2, T3, K0); \
	mov   T0, off(DI)(AX*4)

// func addAVX2(d, a, b []float32)
TEXT ·addAVX2(SB), NOSPLIT, $0-72
	LOAD3
	LOOP(ADDB)

// func subAVX2(d, a, b []float32)
TEXT ·subAVX2(SB), NOSPLIT, $0-72
	LOAD3
	LOOP(SUBB)

// func mulAVX2(d, a, b []float32)
TEXT ·mulAVX2(SB), NOSPLIT, $0-72
	LOAD3
	LOOP(MULB)

// func divAVX2(d, a, b []float32)
TEXT ·divAVX2(SB), NOSPLIT, $0-72
	LOAD3
	LOOP(DIVB)

// func maxAVX2(d, a, b []float32)
TEXT ·maxAVX2(SB), NOSPLIT, $0-72
	LOAD3
	SIGNMASK(Y8)
	LOOP(MAXB)
