package plots

import (
	"math"
	"testing"
)

// benchCurve returns an ROC-like curve of n points, every tenth TPR NaN.
func benchCurve(n int) ROCSeries {
	s := ROCSeries{Name: "bench", FPR: make([]float64, n), TPR: make([]float64, n), AUC: 0.9}
	for i := range n {
		x := float64(i) / float64(n-1)
		s.FPR[i], s.TPR[i] = x, math.Sqrt(x)
		if i%10 == 0 {
			s.TPR[i] = math.NaN()
		}
	}
	return s
}

func BenchmarkROCHTML(b *testing.B) {
	c := ROC([]ROCSeries{benchCurve(10000)})
	b.ReportAllocs()
	for b.Loop() {
		_ = c.HTML(Assets{})
	}
}

func BenchmarkSearchHistoryOption(b *testing.B) {
	values := make([]float64, 2000)
	for i := range values {
		values[i] = math.Sin(float64(i))
	}
	c := SearchHistory(values, nil, "maximize")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.MarshalOption(); err != nil {
			b.Fatal(err)
		}
	}
}
