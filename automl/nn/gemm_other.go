//go:build !amd64 || purego

package nn

// gemmKernel covers no block of C: only amd64 has assembly kernels, so
// gemm computes everything in plain Go.
func gemmKernel[T float](m, n, k int, a []T, ars, acs int, b []T, ldb int, c []T, ldc int, add bool) (cols int) {
	return 0
}

// dot returns the dot product of a and b[:len(a)].
func dot[T float](a, b []T) T { return dotGo(a, b) }
