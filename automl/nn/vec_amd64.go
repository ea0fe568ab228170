//go:build !purego

package nn

import "unsafe"

// The assembly forms of the loops in vec.go, over n ≥ 8·k elements; the
// wrappers below run them on the multiple of 8 and finish in Go.

//go:noescape
func reluAVX(n int, z, a *float32)

//go:noescape
func reluGradAVX(n int, z, grad *float32)

//go:noescape
func mulAVX(n int, dst, x, y *float32)

//go:noescape
func dropoutAVX(n int, m *float32, u *uint16, threshold int32, keep float32)

//go:noescape
func adamAVX(n int, p, grad, m, v *float32, rate, c1, c2 float32)

// vecSplit returns the number of leading elements of an n-element loop
// that the assembly forms take.
func vecSplit(n int) int {
	if !hasFMA {
		return 0
	}
	return n &^ 7
}

// relu32 writes max(z, 0) into a, keeping NaN.
func relu32(z, a []float32) {
	a = a[:len(z)]
	k := vecSplit(len(z))
	if k > 0 {
		reluAVX(k, &z[0], &a[0])
	}
	reluGo(z[k:], a[k:])
}

// reluGrad32 zeroes each g whose z is not above 0.
func reluGrad32(z, g []float32) {
	g = g[:len(z)]
	k := vecSplit(len(z))
	if k > 0 {
		reluGradAVX(k, &z[0], &g[0])
	}
	reluGradGo(z[k:], g[k:])
}

// mul32 writes x·y into dst.
func mul32(dst, x, y []float32) {
	x, y = x[:len(dst)], y[:len(dst)]
	k := vecSplit(len(dst))
	if k > 0 {
		mulAVX(k, &dst[0], &x[0], &y[0])
	}
	mulGo(dst[k:], x[k:], y[k:])
}

// dropout32 is dropoutGo. On little-endian amd64 the 16-bit uniforms of
// the words lie in memory in the order of the units.
func dropout32(m []float32, words []uint64, threshold int32, keep float32) {
	words = words[:(len(m)+3)/4]
	k := vecSplit(len(m))
	if k > 0 {
		dropoutAVX(k, &m[0], (*uint16)(unsafe.Pointer(&words[0])), threshold, keep)
	}
	dropoutGo(m[k:], words[k/4:], threshold, keep)
}

// adam32 is adamGo.
func adam32(p, g, m, v []float32, rate, c1, c2 float32) {
	g, m, v = g[:len(p)], m[:len(p)], v[:len(p)]
	k := vecSplit(len(p))
	if k > 0 {
		adamAVX(k, &p[0], &g[0], &m[0], &v[0], rate, c1, c2)
	}
	adamGo(p[k:], g[k:], m[k:], v[k:], rate, c1, c2)
}
