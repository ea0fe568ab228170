//go:build !purego

#include "textflag.h"

// Constants of adamAVX, as float32 bit patterns.
DATA adamConst<>+0(SB)/4, $0x3f666666  // β₁ = 0.9
DATA adamConst<>+4(SB)/4, $0x3dcccccd  // 1 − β₁ = 0.1
DATA adamConst<>+8(SB)/4, $0x3f7fbe77  // β₂ = 0.999
DATA adamConst<>+12(SB)/4, $0x3a83126f // 1 − β₂ = 0.001
DATA adamConst<>+16(SB)/4, $0x322bcc77 // ε = 1e-8
GLOBL adamConst<>(SB), RODATA|NOPTR, $20

// func reluAVX(n int, z, a *float32)
TEXT ·reluAVX(SB), NOSPLIT, $0-24
	MOVQ   n+0(FP), CX
	MOVQ   z+8(FP), SI
	MOVQ   a+16(FP), DI
	VXORPS Y0, Y0, Y0

reluLoop:
	VMOVUPS (SI), Y1
	// All ones where not z ≤ 0 (unordered, so true for NaN).
	VCMPPS  $0x16, Y0, Y1, Y2
	VANDPS  Y1, Y2, Y2
	VMOVUPS Y2, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	SUBQ    $8, CX
	JNZ     reluLoop
	VZEROUPPER
	RET

// func reluGradAVX(n int, z, grad *float32)
TEXT ·reluGradAVX(SB), NOSPLIT, $0-24
	MOVQ   n+0(FP), CX
	MOVQ   z+8(FP), SI
	MOVQ   grad+16(FP), DI
	VXORPS Y0, Y0, Y0

reluGradLoop:
	VMOVUPS (SI), Y1
	// All ones where z > 0 (ordered, so false for NaN).
	VCMPPS  $0x1e, Y0, Y1, Y2
	VANDPS  (DI), Y2, Y2
	VMOVUPS Y2, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DI
	SUBQ    $8, CX
	JNZ     reluGradLoop
	VZEROUPPER
	RET

// func mulAVX(n int, dst, x, y *float32)
TEXT ·mulAVX(SB), NOSPLIT, $0-32
	MOVQ n+0(FP), CX
	MOVQ dst+8(FP), DI
	MOVQ x+16(FP), SI
	MOVQ y+24(FP), DX

mulLoop:
	VMOVUPS (SI), Y0
	VMULPS  (DX), Y0, Y0
	VMOVUPS Y0, (DI)
	ADDQ    $32, SI
	ADDQ    $32, DX
	ADDQ    $32, DI
	SUBQ    $8, CX
	JNZ     mulLoop
	VZEROUPPER
	RET

// func dropoutAVX(n int, m *float32, u *uint16, threshold int32, keep float32)
TEXT ·dropoutAVX(SB), NOSPLIT, $0-32
	MOVQ         n+0(FP), CX
	MOVQ         m+8(FP), DI
	MOVQ         u+16(FP), SI
	MOVL         threshold+24(FP), AX
	DECL         AX
	MOVL         AX, X1
	VPBROADCASTD X1, Y1                // threshold − 1
	VBROADCASTSS keep+28(FP), Y2

dropoutLoop:
	VPMOVZXWD (SI), Y0     // eight uniforms as int32
	VPCMPGTD  Y1, Y0, Y3   // all ones where u > threshold − 1
	VANDPS    Y2, Y3, Y3
	VMOVUPS   Y3, (DI)
	ADDQ      $16, SI
	ADDQ      $32, DI
	SUBQ      $8, CX
	JNZ       dropoutLoop
	VZEROUPPER
	RET

// func adamAVX(n int, p, grad, m, v *float32, rate, c1, c2 float32)
TEXT ·adamAVX(SB), NOSPLIT, $0-52
	MOVQ         n+0(FP), CX
	MOVQ         p+8(FP), DI
	MOVQ         grad+16(FP), SI
	MOVQ         m+24(FP), DX
	MOVQ         v+32(FP), R8
	VBROADCASTSS rate+40(FP), Y10
	VBROADCASTSS c1+44(FP), Y11
	VBROADCASTSS c2+48(FP), Y12
	LEAQ         adamConst<>(SB), AX
	VBROADCASTSS (AX), Y13
	VBROADCASTSS 4(AX), Y14
	VBROADCASTSS 8(AX), Y15
	VBROADCASTSS 12(AX), Y9
	VBROADCASTSS 16(AX), Y8

adamLoop:
	VMOVUPS (SI), Y0   // g
	VMULPS  (DX), Y13, Y1 // β₁·m
	VMULPS  Y0, Y14, Y2   // (1−β₁)·g
	VADDPS  Y2, Y1, Y1    // m
	VMOVUPS Y1, (DX)
	VMULPS  (R8), Y15, Y3 // β₂·v
	VMULPS  Y0, Y9, Y4    // (1−β₂)·g
	VMULPS  Y0, Y4, Y4    // ·g
	VADDPS  Y4, Y3, Y3    // v
	VMOVUPS Y3, (R8)
	VMULPS  Y11, Y1, Y1   // m·c1
	VMULPS  Y1, Y10, Y1   // rate·(m·c1)
	VMULPS  Y12, Y3, Y3   // v·c2
	VSQRTPS Y3, Y3
	VADDPS  Y8, Y3, Y3    // + ε
	VDIVPS  Y3, Y1, Y1
	VMOVUPS (DI), Y5
	VSUBPS  Y1, Y5, Y5
	VMOVUPS Y5, (DI)
	ADDQ    $32, DI
	ADDQ    $32, SI
	ADDQ    $32, DX
	ADDQ    $32, R8
	SUBQ    $8, CX
	JNZ     adamLoop
	VZEROUPPER
	RET
