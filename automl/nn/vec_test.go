package nn

import (
	"math"
	"math/rand/v2"
	"testing"
)

// specialValues are spliced into the random inputs of the vector tests.
var specialValues = []float32{
	0, float32(math.Copysign(0, -1)), float32(math.Inf(1)), float32(math.Inf(-1)),
	float32(math.NaN()), math.Float32frombits(0xffc00000), // NaN with its sign bit, as x86 makes it
	1e-40, -1e-40,
}

func vecInput(r *rand.Rand, n int) []float32 {
	x := randomSlice[float32](r, n)
	for i, v := range specialValues {
		x[(i*7)%n] = v
	}
	return x
}

// sameBits reports the first index where got and want differ in bits.
func sameBits(t *testing.T, name string, got, want []float32) {
	t.Helper()
	for i := range want {
		if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
			t.Fatalf("%s[%d] = %v (%#x), want %v (%#x)", name, i, got[i], math.Float32bits(got[i]), want[i], math.Float32bits(want[i]))
		}
	}
}

// TestVectorLoops checks that the dispatched element-wise loops (assembly
// where the CPU has it) give the bit patterns of their plain-Go forms,
// special values included, on lengths around the 8-element blocks.
func TestVectorLoops(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{1, 7, 8, 9, 64, 101} {
		z, y := vecInput(r, max(n, len(specialValues))), vecInput(r, max(n, len(specialValues)))
		z, y = z[:n], y[:n]

		got, want := make([]float32, n), make([]float32, n)
		relu32(z, got)
		reluGo(z, want)
		sameBits(t, "relu", got, want)

		copy(got, y)
		copy(want, y)
		reluGrad32(z, got)
		reluGradGo(z, want)
		sameBits(t, "reluGrad", got, want)

		mul32(got, z, y)
		mulGo(want, z, y)
		sameBits(t, "mul", got, want)

		words := make([]uint64, (n+3)/4)
		for i := range words {
			words[i] = r.Uint64()
		}
		for _, threshold := range []int32{0, 1, 6554, 32768, 65535} {
			dropout32(got, words, threshold, 1.25)
			dropoutGo(want, words, threshold, 1.25)
			sameBits(t, "dropout", got, want)
		}

		p, g := randomSlice[float32](r, n), randomSlice[float32](r, n)
		m, v := randomSlice[float32](r, n), randomSlice[float32](r, n)
		for i := range v {
			v[i] *= v[i]
		}
		p2, m2, v2 := append([]float32(nil), p...), append([]float32(nil), m...), append([]float32(nil), v...)
		adam32(p, g, m, v, 1e-3, 1.7, 30)
		adamGo(p2, g, m2, v2, 1e-3, 1.7, 30)
		sameBits(t, "adam p", p, p2)
		sameBits(t, "adam m", m, m2)
		sameBits(t, "adam v", v, v2)
	}
}

// TestReluGo checks the plain-Go ReLU and its gradient on special values.
func TestReluGo(t *testing.T) {
	z := []float32{-2, 3, 0, float32(math.Copysign(0, -1)), float32(math.NaN()), float32(math.Inf(1))}
	a := make([]float32, len(z))
	reluGo(z, a)
	for i, want := range []float32{0, 3, 0, 0, float32(math.NaN()), float32(math.Inf(1))} {
		if a[i] != want && !(math.IsNaN(float64(a[i])) && math.IsNaN(float64(want))) {
			t.Errorf("relu(%v) = %v, want %v", z[i], a[i], want)
		}
	}
	g := []float32{1, 1, 1, 1, 1, 1}
	reluGradGo(z, g)
	for i, want := range []float32{0, 1, 0, 0, 0, 1} {
		if g[i] != want {
			t.Errorf("relu'(%v) = %v, want %v", z[i], g[i], want)
		}
	}
}

// TestDropoutGo checks which 16-bit uniforms of a word keep their units.
func TestDropoutGo(t *testing.T) {
	m := make([]float32, 5)
	// Units 0..3 take 0x0001, 0x8000, 0xffff, 0x0000; unit 4 takes 0x7fff.
	dropoutGo(m, []uint64{0x0000_ffff_8000_0001, 0x7fff}, 0x8000, 2)
	for i, want := range []float32{0, 2, 2, 0, 0} {
		if m[i] != want {
			t.Errorf("mask[%d] = %v, want %v", i, m[i], want)
		}
	}
}
