package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// gemmRef computes gemm's result in float64 with a triple loop.
func gemmRef[T float](m, n, k int, a []T, ars, acs int, b []T, ldb int, c []T, ldc int, add bool) []float64 {
	out := make([]float64, len(c))
	for i := range c {
		out[i] = float64(c[i])
	}
	for i := range m {
		for j := range n {
			var s float64
			for p := range k {
				s += float64(a[i*ars+p*acs]) * float64(b[p*ldb+j])
			}
			if add {
				out[i*ldc+j] += s
			} else {
				out[i*ldc+j] = s
			}
		}
	}
	return out
}

func randomSlice[T float](r *rand.Rand, n int) []T {
	s := make([]T, n)
	for i := range s {
		s[i] = T(r.NormFloat64())
	}
	return s
}

// gemmShapes leave partial kernel blocks in every direction.
var gemmShapes = []struct{ m, n, k int }{
	{1, 1, 1}, {6, 16, 1}, {7, 17, 3}, {256, 128, 32}, {32, 128, 256},
	{256, 1, 128}, {128, 1, 256}, {5, 40, 9}, {13, 33, 64}, {256, 3, 128},
}

// testGemm checks gemm and gemmNT with elements of type T, with A plain
// and transposed, against a float64 reference, and checks that C's
// padding columns (ldc > n) stay untouched.
func testGemm[T float](t *testing.T, tol float64) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, s := range gemmShapes {
		for _, transA := range []bool{false, true} {
			for _, add := range []bool{false, true} {
				name := fmt.Sprintf("%dx%dx%d/transA=%v/add=%v", s.m, s.n, s.k, transA, add)
				t.Run(name, func(t *testing.T) {
					ldb, ldc := s.n+1, s.n+2
					a := randomSlice[T](r, s.m*s.k)
					ars, acs := s.k, 1
					if transA {
						ars, acs = 1, s.m
					}
					b := randomSlice[T](r, s.k*ldb)
					c := randomSlice[T](r, s.m*ldc)
					want := gemmRef(s.m, s.n, s.k, a, ars, acs, b, ldb, c, ldc, add)
					got := append([]T(nil), c...)
					gemm(s.m, s.n, s.k, a, ars, acs, b, ldb, got, ldc, add)
					checkClose(t, "gemm", got, want, s.n, ldc, tol*math.Sqrt(float64(s.k)))

					if transA {
						return
					}
					// The same product as A·(Bᵀ)ᵀ.
					bt := make([]T, s.n*s.k)
					for p := range s.k {
						for j := range s.n {
							bt[j*s.k+p] = b[p*ldb+j]
						}
					}
					got = append(got[:0], c...)
					gemmNT(s.m, s.n, s.k, a, s.k, bt, s.k, got, ldc, add)
					checkClose(t, "gemmNT", got, want, s.n, ldc, tol*math.Sqrt(float64(s.k)))
				})
			}
		}
	}
}

func checkClose[T float](t *testing.T, name string, got []T, want []float64, n, ldc int, tol float64) {
	t.Helper()
	for i := range got {
		g := float64(got[i])
		if pad := i%ldc >= n; pad && g != want[i] || math.Abs(g-want[i]) > tol*(1+math.Abs(want[i])) {
			t.Fatalf("%s: C[%d][%d] = %v, want %v", name, i/ldc, i%ldc, g, want[i])
		}
	}
}

func TestGemm32(t *testing.T) { testGemm[float32](t, 1e-5) }

func TestGemm64(t *testing.T) { testGemm[float64](t, 1e-13) }

// TestGemmGo checks the plain-Go paths, which CPUs without AVX2 and FMA
// use for everything, against the reference.
func TestGemmGo(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	m, n, k := 19, 37, 23
	a, b, c := randomSlice[float32](r, m*k), randomSlice[float32](r, k*n), randomSlice[float32](r, m*n)
	for _, add := range []bool{false, true} {
		got := append([]float32(nil), c...)
		want := gemmRef(m, n, k, a, k, 1, b, n, got, n, add)
		gemmGo(0, m, 0, n, k, a, k, 1, b, n, got, n, add)
		checkClose(t, "gemmGo", got, want, n, n, 1e-5*math.Sqrt(float64(k)))
	}
	var want float64
	for i := range k {
		want += float64(a[i]) * float64(b[i])
	}
	if got := dotGo(a[:k], b); math.Abs(float64(got)-want) > 1e-5*math.Sqrt(float64(k))*(1+math.Abs(want)) {
		t.Errorf("dotGo = %v, want %v", got, want)
	}
}

// TestGemmPanicsOnShortSlices checks the bounds check that guards the
// assembly kernels.
func TestGemmPanicsOnShortSlices(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("gemm with a short C did not panic, want a panic")
		}
	}()
	gemm(6, 16, 4, make([]float32, 24), 4, 1, make([]float32, 64), 16, make([]float32, 95), 16, false)
}

// BenchmarkGemm measures the float32 products of a 32-128-128-1 training
// step on a batch of 256 rows.
func BenchmarkGemm(b *testing.B) {
	r := rand.New(rand.NewPCG(5, 6))
	cases := []struct {
		name      string
		m, n, k   int
		transpose bool
	}{
		{"forward_256x128x32", 256, 128, 32, false},
		{"forward_256x128x128", 256, 128, 128, false},
		{"dW_128x128x256", 128, 128, 256, true},
		{"dW_32x128x256", 32, 128, 256, true},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			x, y, z := randomSlice[float32](r, c.m*c.k), randomSlice[float32](r, c.k*c.n), make([]float32, c.m*c.n)
			ars, acs := c.k, 1
			if c.transpose {
				ars, acs = 1, c.m
			}
			for b.Loop() {
				gemm(c.m, c.n, c.k, x, ars, acs, y, c.n, z, c.n, false)
			}
			b.ReportMetric(2*float64(c.m*c.n*c.k)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
	}
}
