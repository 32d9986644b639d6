// Shared macros of the vec assembly.
//
// LOOP(BODY) runs BODY over the elements [0, CX), with the element index in AX
// and BX as scratch: four vectors of eight floats per iteration, then single
// vectors, then single floats in the low lane of XMM registers (the upper
// lanes compute on zeros and are never stored). It ends the function with
// VZEROUPPER and RET.
//
// BODY(mov, off, T0, T1, T2, T3, T4, T5, K0, K1, K2, K3, K4, K5, K6, K7)
// addresses its slices as off(ptr)(AX*4), loading and storing with mov
// (VMOVUPS or VMOVSS) and never using a memory operand in arithmetic, which
// would read past the last element in the scalar tail. T0-T5 (Y0-Y5) are
// temporaries and K0-K7 (Y8-Y15) hold the constants the function broadcast
// before LOOP; the unrolled copies reuse the same registers, which register
// renaming makes independent.
#define LOOP(BODY) \
	XORQ AX, AX; \
	MOVQ CX, BX; \
	ANDQ $-32, BX; \
	JZ   tail8; \
loop32: \
	BODY(VMOVUPS, 0, Y0, Y1, Y2, Y3, Y4, Y5, Y8, Y9, Y10, Y11, Y12, Y13, Y14, Y15); \
	BODY(VMOVUPS, 32, Y0, Y1, Y2, Y3, Y4, Y5, Y8, Y9, Y10, Y11, Y12, Y13, Y14, Y15); \
	BODY(VMOVUPS, 64, Y0, Y1, Y2, Y3, Y4, Y5, Y8, Y9, Y10, Y11, Y12, Y13, Y14, Y15); \
	BODY(VMOVUPS, 96, Y0, Y1, Y2, Y3, Y4, Y5, Y8, Y9, Y10, Y11, Y12, Y13, Y14, Y15); \
	ADDQ $32, AX; \
	CMPQ AX, BX; \
	JB   loop32; \
tail8: \
	MOVQ CX, BX; \
	ANDQ $-8, BX; \
	CMPQ AX, BX; \
	JAE  tail1; \
loop8: \
	BODY(VMOVUPS, 0, Y0, Y1, Y2, Y3, Y4, Y5, Y8, Y9, Y10, Y11, Y12, Y13, Y14, Y15); \
	ADDQ $8, AX; \
	CMPQ AX, BX; \
	JB   loop8; \
tail1: \
	CMPQ AX, CX; \
	JAE  done; \
loop1: \
	BODY(VMOVSS, 0, X0, X1, X2, X3, X4, X5, X8, X9, X10, X11, X12, X13, X14, X15); \
	INCQ AX; \
	CMPQ AX, CX; \
	JB   loop1; \
done: \
	VZEROUPPER; \
	RET

// MAXGO(a, b, t1, t2, sign) sets a = max(a, b) exactly as Go's built-in max
// compiles on amd64 (NaN if either is NaN, +0 for max(-0, +0)). With
// M1 = (a > b ? a : b) and M2 = (M1 > a ? M1 : a) the result has the bits of
// M1|M2 except the sign, which is that of M1&M2. sign holds 0x80000000 in
// every lane; b (a register or, for YMM, a memory operand) is read once and
// kept, t1 and t2 are clobbered.
#define MAXGO(a, b, t1, t2, sign) \
	VMAXPS b, a, t1;    \
	VMAXPS a, t1, t2;   \
	VORPS  t2, t1, a;   \
	VXORPS t2, t1, t1;  \
	VANDPS sign, t1, t1; \
	VXORPS t1, a, a

// SIGNMASK(r) sets every lane of r to 0x80000000.
#define SIGNMASK(r) \
	VPCMPEQD r, r, r; \
	VPSLLD   $31, r, r

// BROADCAST(c, xr, r, tmp) sets every lane of the YMM register r, whose XMM
// name is xr, to the 32-bit constant c, using the general register tmp.
#define BROADCAST(c, xr, r, tmp) \
	MOVL         c, tmp; \
	VMOVD        tmp, xr; \
	VPBROADCASTD xr, r
