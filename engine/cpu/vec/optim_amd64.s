//go:build amd64

#include "textflag.h"
#include "loop_amd64.h"

// Optimizer updates with w in DI, g in SI, the first state slice in DX, the
// second in R8 and the length in CX. Every operation rounds to float32 in the
// order of the Go kernel (no FMA), so the results match it bit for bit.

// Adam with K0 = β1, K1 = 1-β1, K2 = β2, K3 = 1-β2, K4 = step size,
// K5 = 1/√(1-β2ᵗ), K6 = ε; m in DX, v in R8.
#define ADAM(mov, off, T0, T1, T2, T3, T4, T5, K0, K1, K2, K3, K4, K5, K6, K7) \
	mov     off(SI)(AX*4), T0; \
	mov     off(DX)(AX*4), T1; \
	VMULPS  K0, T1, T1;        \
	VMULPS  K1, T0, T2;        \
	VADDPS  T2, T1, T1;        \
	mov     T1, off(DX)(AX*4); \
	mov     off(R8)(AX*4), T2; \
	VMULPS  K2, T2, T2;        \
	VMULPS  K3, T0, T3;        \
	VMULPS  T0, T3, T3;        \
	VADDPS  T3, T2, T2;        \
	mov     T2, off(R8)(AX*4); \
	VSQRTPS T2, T2;            \
	VMULPS  K5, T2, T2;        \
	VADDPS  K6, T2, T2;        \
	VMULPS  K4, T1, T1;        \
	VDIVPS  T2, T1, T1;        \
	mov     off(DI)(AX*4), T0; \
	VSUBPS  T1, T0, T0;        \
	mov     T0, off(DI)(AX*4)

// Plain SGD with K0 = lr.
#define SGD(mov, off, T0, T1, T2, T3, T4, T5, K0, K1, K2, K3, K4, K5, K6, K7) \
	mov    off(SI)(AX*4), T0; \
	VMULPS K0, T0, T0;        \
	mov    off(DI)(AX*4), T1; \
	VSUBPS T0, T1, T1;        \
	mov    T1, off(DI)(AX*4)

// SGD with momentum, K0 = lr and K1 = μ; vel in DX.
#define MOMENTUM(mov, off, T0, T1, T2, T3, T4, T5, K0, K1, K2, K3, K4, K5, K6, K7) \
	mov    off(DX)(AX*4), T0; \
	VMULPS K1, T0, T0;        \
	mov    off(SI)(AX*4), T1; \
	VADDPS T1, T0, T0;        \
	mov    T0, off(DX)(AX*4); \
	VMULPS K0, T0, T0;        \
	mov    off(DI)(AX*4), T1; \
	VSUBPS T0, T1, T1;        \
	mov    T1, off(DI)(AX*4)

// RMSProp with K0 = α, K1 = 1-α, K2 = lr, K3 = ε; s in DX.
#define RMSPROP(mov, off, T0, T1, T2, T3, T4, T5, K0, K1, K2, K3, K4, K5, K6, K7) \
	mov     off(SI)(AX*4), T0; \
	mov     off(DX)(AX*4), T1; \
	VMULPS  K0, T1, T1;        \
	VMULPS  K1, T0, T2;        \
	VMULPS  T0, T2, T2;        \
	VADDPS  T2, T1, T1;        \
	mov     T1, off(DX)(AX*4); \
	VSQRTPS T1, T1;            \
	VADDPS  K3, T1, T1;        \
	VMULPS  K2, T0, T0;        \
	VDIVPS  T1, T0, T0;        \
	mov     off(DI)(AX*4), T2; \
	VSUBPS  T0, T2, T2;        \
	mov     T2, off(DI)(AX*4)

// func adamAVX2(w, g, m, v []float32, b1, c1, b2, c2, lr, scale, eps float32)
TEXT ·adamAVX2(SB), NOSPLIT, $0-124
	MOVQ         w_base+0(FP), DI
	MOVQ         w_len+8(FP), CX
	MOVQ         g_base+24(FP), SI
	MOVQ         m_base+48(FP), DX
	MOVQ         v_base+72(FP), R8
	VBROADCASTSS b1+96(FP), Y8
	VBROADCASTSS c1+100(FP), Y9
	VBROADCASTSS b2+104(FP), Y10
	VBROADCASTSS c2+108(FP), Y11
	VBROADCASTSS lr+112(FP), Y12
	VBROADCASTSS scale+116(FP), Y13
	VBROADCASTSS eps+120(FP), Y14
	LOOP(ADAM)

// func sgdAVX2(w, g []float32, lr float32)
TEXT ·sgdAVX2(SB), NOSPLIT, $0-52
	MOVQ         w_base+0(FP), DI
	MOVQ         w_len+8(FP), CX
	MOVQ         g_base+24(FP), SI
	VBROADCASTSS lr+48(FP), Y8
	LOOP(SGD)

// func momentumAVX2(w, g, vel []float32, lr, mu float32)
TEXT ·momentumAVX2(SB), NOSPLIT, $0-80
	MOVQ         w_base+0(FP), DI
	MOVQ         w_len+8(FP), CX
	MOVQ         g_base+24(FP), SI
	MOVQ         vel_base+48(FP), DX
	VBROADCASTSS lr+72(FP), Y8
	VBROADCASTSS mu+76(FP), Y9
	LOOP(MOMENTUM)

// func rmspropAVX2(w, g, s []float32, alpha, c, lr, eps float32)
TEXT ·rmspropAVX2(SB), NOSPLIT, $0-88
	MOVQ         w_base+0(FP), DI
	MOVQ         w_len+8(FP), CX
	MOVQ         g_base+24(FP), SI
	MOVQ         s_base+48(FP), DX
	VBROADCASTSS alpha+72(FP), Y8
	VBROADCASTSS c+76(FP), Y9
	VBROADCASTSS lr+80(FP), Y10
	VBROADCASTSS eps+84(FP), Y11
	LOOP(RMSPROP)
