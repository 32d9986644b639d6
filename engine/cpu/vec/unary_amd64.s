//go:build amd64

#include "textflag.h"
#include "loop_amd64.h"

// Elementwise maps d[i] = f(x[i]) with d in DI, x in SI and the length in CX.

#define LOAD2 \
	MOVQ d_base+0(FP), DI; \
	MOVQ d_len+8(FP), CX;  \
	MOVQ x_base+24(FP), SI

// d = K0*x + K1, the product rounded first.
#define AFFINE(mov, off, T0, T1, T2, T3, T4, T5, K0, K1, K2, K3, K4, K5, K6, K7) \
	mov    off(SI)(AX*4), T0; \
	VMULPS K0, T0, T0;        \
	VADDPS K1, T0, T0;        \
	mov    T0, off(DI)(AX*4)

// d = |0 > x ? 0 : x| with K0 = 0 and K1 = 0x7fffffff: NaN passes through the
// max and -0 loses its sign, as with Go's max(x, 0).
#define RELU(mov, off, T0, T1, T2, T3, T4, T5, K0, K1, K2, K3, K4, K5, K6, K7) \
	mov    off(SI)(AX*4), T0; \
	VMAXPS T0, K0, T0;        \
	VANDPS K1, T0, T0;        \
	mov    T0, off(DI)(AX*4)

// d = x * (x > K0 ? K1 : K2); predicate 0x1e is "greater than, ordered".
#define LEAKY(mov, off, T0, T1, T2, T3, T4, T5, K0, K1, K2, K3, K4, K5, K6, K7) \
	mov       off(SI)(AX*4), T0; \
	VCMPPS    $0x1e, K0, T0, T1; \
	VBLENDVPS T1, K1, K2, T2;    \
	VMULPS    T2, T0, T0;        \
	mov       T0, off(DI)(AX*4)

// d = x > K0 ? K1 : K2.
#define STEP(mov, off, T0, T1, T2, T3, T4, T5, K0, K1, K2, K3, K4, K5, K6, K7) \
	mov       off(SI)(AX*4), T0; \
	VCMPPS    $0x1e, K0, T0, T1; \
	VBLENDVPS T1, K1, K2, T0;    \
	mov       T0, off(DI)(AX*4)

// d = g * (x > K0 ? K1 : K2) with g in SI and x in DX.
#define STEPMUL(mov, off, T0, T1, T2, T3, T4, T5, K0, K1, K2, K3, K4, K5, K6, K7) \
	mov       off(DX)(AX*4), T0; \
	mov       off(SI)(AX*4), T1; \
	VCMPPS    $0x1e, K0, T0, T2; \
	VBLENDVPS T2, K1, K2, T3;    \
	VMULPS    T3, T1, T1;        \
	mov       T1, off(DI)(AX*4)

// func affineAVX2(d, x []float32, a, b float32)
TEXT ·affineAVX2(SB), NOSPLIT, $0-56
	LOAD2
	VBROADCASTSS a+48(FP), Y8
	VBROADCASTSS b+52(FP), Y9
	LOOP(AFFINE)

// func reluAVX2(d, x []float32)
TEXT ·reluAVX2(SB), NOSPLIT, $0-48
	LOAD2
	VXORPS   Y8, Y8, Y8
	VPCMPEQD Y9, Y9, Y9
	VPSRLD   $1, Y9, Y9
	LOOP(RELU)

// func leakyAVX2(d, x []float32, slope float32)
TEXT ·leakyAVX2(SB), NOSPLIT, $0-52
	LOAD2
	VXORPS Y8, Y8, Y8
	BROADCAST($0x3f800000, X9, Y9, R9)
	VBROADCASTSS slope+48(FP), Y10
	LOOP(LEAKY)

// func stepAVX2(d, x []float32, thr, lo float32)
TEXT ·stepAVX2(SB), NOSPLIT, $0-56
	LOAD2
	VBROADCASTSS thr+48(FP), Y8
	BROADCAST($0x3f800000, X9, Y9, R9)
	VBROADCASTSS lo+52(FP), Y10
	LOOP(STEP)

// func stepMulAVX2(d, g, x []float32, lo float32)
TEXT ·stepMulAVX2(SB), NOSPLIT, $0-76
	MOVQ d_base+0(FP), DI
	MOVQ d_len+8(FP), CX
	MOVQ g_base+24(FP), SI
	MOVQ x_base+48(FP), DX
	VXORPS Y8, Y8, Y8
	BROADCAST($0x3f800000, X9, Y9, R9)
	VBROADCASTSS lo+72(FP), Y10
	LOOP(STEPMUL)
