//go:build !purego

package nn

import (
	"unsafe"

	"golang.org/x/sys/cpu"
)

// hasFMA tells whether the CPU (and the OS) support the AVX2 and FMA
// instructions the assembly kernels use.
var hasFMA = cpu.X86.HasAVX2 && cpu.X86.HasFMA

// The assembly kernels compute one block of C as gemm does, over an inner
// dimension of k ≥ 1, with strides in elements: 6×16 and 1×16 blocks of
// float32, 6×8 and 1×8 blocks of float64. dotFMA and dotFMA64 return the
// dot product of the n ≥ 1 values at a and b.

//go:noescape
func kernel6x16(k int, a *float32, ars, acs int, b *float32, ldb int, c *float32, ldc int, add bool)

//go:noescape
func kernel1x16(k int, a *float32, acs int, b *float32, ldb int, c *float32, add bool)

//go:noescape
func kernel6x8d(k int, a *float64, ars, acs int, b *float64, ldb int, c *float64, ldc int, add bool)

//go:noescape
func kernel1x8d(k int, a *float64, acs int, b *float64, ldb int, c *float64, add bool)

//go:noescape
func dotFMA(n int, a, b *float32) float32

//go:noescape
func dotFMA64(n int, a, b *float64) float64

// is32 tells whether T is float32.
func is32[T float]() bool {
	var zero T
	return unsafe.Sizeof(zero) == 4
}

// dot returns the dot product of a and b[:len(a)].
func dot[T float](a, b []T) T {
	if !hasFMA || len(a) == 0 {
		return dotGo(a, b)
	}
	_ = b[len(a)-1]
	if is32[T]() {
		s := dotFMA(len(a), (*float32)(unsafe.Pointer(&a[0])), (*float32)(unsafe.Pointer(&b[0])))
		return *(*T)(unsafe.Pointer(&s))
	}
	s := dotFMA64(len(a), (*float64)(unsafe.Pointer(&a[0])), (*float64)(unsafe.Pointer(&b[0])))
	return *(*T)(unsafe.Pointer(&s))
}

// gemmKernel computes, with the assembly kernels, all rows of the first
// cols columns of C, the largest multiple of the kernel's block width up
// to n, and returns cols; on CPUs without AVX2 and FMA it computes nothing
// and returns 0. The caller has checked the arguments.
func gemmKernel[T float](m, n, k int, a []T, ars, acs int, b []T, ldb int, c []T, ldc int, add bool) (cols int) {
	if !hasFMA {
		return 0
	}
	width := kernelCols64
	if is32[T]() {
		width = kernelCols
	}
	cols = n - n%width
	for j := 0; j < cols; j += width {
		i := 0
		for ; i+kernelRows <= m; i += kernelRows {
			pa, pb, pc := unsafe.Pointer(&a[i*ars]), unsafe.Pointer(&b[j]), unsafe.Pointer(&c[i*ldc+j])
			if width == kernelCols {
				kernel6x16(k, (*float32)(pa), ars, acs, (*float32)(pb), ldb, (*float32)(pc), ldc, add)
			} else {
				kernel6x8d(k, (*float64)(pa), ars, acs, (*float64)(pb), ldb, (*float64)(pc), ldc, add)
			}
		}
		for ; i < m; i++ {
			pa, pb, pc := unsafe.Pointer(&a[i*ars]), unsafe.Pointer(&b[j]), unsafe.Pointer(&c[i*ldc+j])
			if width == kernelCols {
				kernel1x16(k, (*float32)(pa), acs, (*float32)(pb), ldb, (*float32)(pc), add)
			} else {
				kernel1x8d(k, (*float64)(pa), acs, (*float64)(pb), ldb, (*float64)(pc), add)
			}
		}
	}
	return cols
}
