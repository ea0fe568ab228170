package metrics

import (
	"math/rand/v2"
	"testing"
)

// benchInput returns n binary labels and scores with ties (3 decimals).
func benchInput(n int) ([]int, []float64) {
	rng := rand.New(rand.NewPCG(1, 2))
	y := make([]int, n)
	s := make([]float64, n)
	for i := range y {
		y[i] = rng.IntN(2)
		s[i] = float64(int((0.3*float64(y[i])+0.7*rng.Float64())*1000)) / 1000
	}
	return y, s
}

func BenchmarkROCAUC100k(b *testing.B) {
	y, s := benchInput(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ROCAUC(y, s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAveragePrecision100k(b *testing.B) {
	y, s := benchInput(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := AveragePrecision(y, s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkROCAUCOvR100kx5(b *testing.B) {
	const n, k = 100_000, 5
	rng := rand.New(rand.NewPCG(3, 4))
	y := make([]int, n)
	prob := make([]float64, n*k)
	for i := range y {
		y[i] = rng.IntN(k)
		sum := 0.0
		for j := range k {
			prob[i*k+j] = rng.Float64()
			sum += prob[i*k+j]
		}
		for j := range k {
			prob[i*k+j] /= sum
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ROCAUCOvR(y, prob, k); err != nil {
			b.Fatal(err)
		}
	}
}
