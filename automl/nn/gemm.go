package nn

import "fmt"

// float is the element type of the matrix routines: float32 for training,
// float64 for prediction.
type float interface{ float32 | float64 }

// Tile sizes of the SIMD kernels: they update a block of kernelRows rows
// of C, and kernelCols (float32) or kernelCols64 (float64) columns, at a
// time, holding the block in registers while they run over the whole
// inner dimension (the register-blocked micro-kernel of Goto and van de
// Geijn, "Anatomy of High-Performance Matrix Multiplication", ACM TOMS
// 34(3), 2008, without the packing, which the small matrices of a network
// do not need).
const (
	kernelRows   = 6
	kernelCols   = 16
	kernelCols64 = 8
)

// gemm computes C = A·B, or C += A·B when add is true, for an m×k matrix A,
// a k×n matrix B and an m×n matrix C. Element (i, p) of A is
// a[i*ars+p*acs], so A may be read transposed; B and C are row-major with
// row strides ldb and ldc. It panics if a slice is too short for its
// matrix, which is a programming error.
//
// On CPUs with AVX2 and FMA the full blocks of C go through an assembly
// kernel and the other columns through plain Go, so results are
// deterministic on one machine but may differ in the last bits between
// machines.
func gemm[T float](m, n, k int, a []T, ars, acs int, b []T, ldb int, c []T, ldc int, add bool) {
	if m <= 0 || n <= 0 {
		return
	}
	if k <= 0 {
		if !add {
			for i := range m {
				clear(c[i*ldc : i*ldc+n])
			}
		}
		return
	}
	if (m-1)*ars+(k-1)*acs >= len(a) || (k-1)*ldb+n > len(b) || (m-1)*ldc+n > len(c) {
		panic(fmt.Sprintf("nn: gemm %d×%d·%d×%d: slices of %d, %d and %d values are too short",
			m, k, k, n, len(a), len(b), len(c)))
	}

	cols := gemmKernel(m, n, k, a, ars, acs, b, ldb, c, ldc, add)
	if cols == n {
		return
	}
	// Plain Go for the rest: 2×4 blocks, then dot products for the
	// remaining rows and columns.
	rows, last := m-m%2, cols+(n-cols)-(n-cols)%4
	for j := cols; j < last; j += 4 {
		for i := 0; i < rows; i += 2 {
			block2x4(i, j, k, a, ars, acs, b, ldb, c, ldc, add)
		}
	}
	gemmGo(rows, m, cols, last, k, a, ars, acs, b, ldb, c, ldc, add)
	gemmGo(0, m, last, n, k, a, ars, acs, b, ldb, c, ldc, add)
}

// block2x4 computes the 2×4 block of C at row i and column j as gemm does,
// in plain Go with the block's eight sums in registers (few enough to
// leave registers for the operands on amd64 without AVX).
func block2x4[T float](i, j, k int, a []T, ars, acs int, b []T, ldb int, c []T, ldc int, add bool) {
	var c00, c01, c02, c03, c10, c11, c12, c13 T
	a0, a1 := a[i*ars:], a[(i+1)*ars:]
	for p := range k {
		x0, x1 := a0[p*acs], a1[p*acs]
		row := b[p*ldb+j : p*ldb+j+4]
		y0, y1, y2, y3 := row[0], row[1], row[2], row[3]
		c00, c01, c02, c03 = c00+x0*y0, c01+x0*y1, c02+x0*y2, c03+x0*y3
		c10, c11, c12, c13 = c10+x1*y0, c11+x1*y1, c12+x1*y2, c13+x1*y3
	}
	for r, sums := range [2][4]T{{c00, c01, c02, c03}, {c10, c11, c12, c13}} {
		row := c[(i+r)*ldc+j : (i+r)*ldc+j+4]
		for q, v := range sums {
			if add {
				v += row[q]
			}
			row[q] = v
		}
	}
}

// gemmGo computes rows [i0, i1) and columns [j0, j1) of C as gemm does, in
// plain Go: each element is a dot product over four partial sums, which
// suits the narrow remainders the kernel leaves.
func gemmGo[T float](i0, i1, j0, j1, k int, a []T, ars, acs int, b []T, ldb int, c []T, ldc int, add bool) {
	for i := i0; i < i1; i++ {
		arow := a[i*ars:]
		for j := j0; j < j1; j++ {
			bcol := b[j:]
			var s0, s1, s2, s3 T
			p := 0
			for ; p+4 <= k; p += 4 {
				s0 += arow[p*acs] * bcol[p*ldb]
				s1 += arow[(p+1)*acs] * bcol[(p+1)*ldb]
				s2 += arow[(p+2)*acs] * bcol[(p+2)*ldb]
				s3 += arow[(p+3)*acs] * bcol[(p+3)*ldb]
			}
			for ; p < k; p++ {
				s0 += arow[p*acs] * bcol[p*ldb]
			}
			s := (s0 + s1) + (s2 + s3)
			if add {
				s += c[i*ldc+j]
			}
			c[i*ldc+j] = s
		}
	}
}

// gemmNT computes C = A·Bᵀ, or C += A·Bᵀ when add is true, for an m×k
// matrix A and an n×k matrix B, both row-major with row strides lda and
// ldb, and an m×n matrix C with row stride ldc: one dot product of two
// contiguous rows per element of C. It suits products with few columns,
// such as the output layer of a network, better than gemm.
func gemmNT[T float](m, n, k int, a []T, lda int, b []T, ldb int, c []T, ldc int, add bool) {
	for i := range m {
		arow := a[i*lda : i*lda+k]
		for j := range n {
			s := dot(arow, b[j*ldb:j*ldb+k])
			if add {
				s += c[i*ldc+j]
			}
			c[i*ldc+j] = s
		}
	}
}

// dotGo returns the dot product of a and b[:len(a)] over four partial
// sums.
func dotGo[T float](a, b []T) T {
	b = b[:len(a)]
	var s0, s1, s2, s3 T
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// transpose writes the transpose of the r×c row-major matrix src into dst
// (c×r, row-major).
func transpose[T float](r, c int, src, dst []T) {
	for i := range r {
		for j, v := range src[i*c : (i+1)*c] {
			dst[j*r+i] = v
		}
	}
}
