package nn

import "math"

// Element-wise float32 loops of a training step. Each has a plain-Go form
// here, which is the reference and handles what the assembly forms (on
// amd64 with AVX2) leave: they process multiples of 8 elements, and give
// bit-identical results. Explicit float32 conversions keep the compiler
// from fusing a multiply and an add, which would change the rounding.

// reluGo writes max(z, 0) into a, keeping NaN. The selections use bit
// masks rather than branches, which random signs would mispredict half of
// the time.
func reluGo(z, a []float32) {
	a = a[:len(z)]
	for i, v := range z {
		b := math.Float32bits(v)
		a[i] = math.Float32frombits(b & (positiveMask(b) | nanMask(b)))
	}
}

// reluGradGo zeroes each g whose z is not above 0 (NaN included).
func reluGradGo(z, g []float32) {
	g = g[:len(z)]
	for i, v := range z {
		b := math.Float32bits(v)
		g[i] = math.Float32frombits(math.Float32bits(g[i]) & positiveMask(b) &^ nanMask(b))
	}
}

// positiveMask returns all ones if b holds the bits of a float32 above 0
// (or of a NaN without its sign bit), else 0.
func positiveMask(b uint32) uint32 {
	return uint32(-int64(int32(b)) >> 63)
}

// nanMask returns all ones if b holds the bits of a NaN, else 0.
func nanMask(b uint32) uint32 {
	return uint32((0x7f800000 - int64(b&0x7fffffff)) >> 63)
}

// dropoutGo writes an inverted-dropout mask into m from the random words:
// unit i takes the 16-bit uniform u in bits 16·(i mod 4) of word i/4 and
// is keep when u ≥ threshold, else 0.
func dropoutGo(m []float32, words []uint64, threshold int32, keep float32) {
	kb := math.Float32bits(keep)
	words = words[:(len(m)+3)/4]
	for i := range m {
		u := int32(words[i/4] >> (16 * (i % 4)) & 0xffff)
		m[i] = math.Float32frombits(kb & uint32(^((u - threshold) >> 31)))
	}
}

// mulGo writes x·y into dst.
func mulGo(dst, x, y []float32) {
	x, y = x[:len(dst)], y[:len(dst)]
	for i := range dst {
		dst[i] = x[i] * y[i]
	}
}

// adamGo updates the parameters p from their gradients g and moments m
// and v as in Kingma and Ba's Algorithm 1; c1 and c2 are the reciprocals
// of the bias corrections.
func adamGo(p, g, m, v []float32, rate, c1, c2 float32) {
	g, m, v = g[:len(p)], m[:len(p)], v[:len(p)]
	for j, gj := range g {
		m[j] = float32(adamBeta1*m[j]) + float32((1-adamBeta1)*gj)
		v[j] = float32(adamBeta2*v[j]) + float32(float32((1-adamBeta2)*gj)*gj)
		p[j] -= float32(rate*float32(m[j]*c1)) / (sqrt32(float32(v[j]*c2)) + adamEps)
	}
}

// sqrt32 is the float32 square root (the compiler emits one instruction).
func sqrt32(x float32) float32 { return float32(math.Sqrt(float64(x))) }
