package linear

import (
	"math/rand/v2"
	"testing"
)

// regressionData returns rows x cols normal features and a noisy linear target.
func regressionData(seed uint64, rows, cols int) (X, y []float64) {
	rng := rand.New(rand.NewPCG(seed, 2))
	X = make([]float64, rows*cols)
	y = make([]float64, rows)
	for i := range rows {
		y[i] = 1 + 0.1*rng.NormFloat64()
		for j := range cols {
			X[i*cols+j] = rng.NormFloat64()
			y[i] += float64(j+1) * X[i*cols+j]
		}
	}
	return X, y
}

func TestFitRidgeWeightsEqualRepeatedRows(t *testing.T) {
	X, y := regressionData(5, 30, 3)
	weights := make([]float64, 30)
	var Xrep, yrep []float64
	for i := range weights {
		weights[i] = float64(i % 3) // rows of weight 0 drop out
		for range i % 3 {
			Xrep = append(Xrep, X[i*3:(i+1)*3]...)
			yrep = append(yrep, y[i])
		}
	}
	for _, alpha := range []float64{0, 3} {
		weighted, err := FitRidge(X, 30, 3, y, weights, alpha)
		if err != nil {
			t.Fatal(err)
		}
		repeated, err := FitRidge(Xrep, len(yrep), 3, yrep, nil, alpha)
		if err != nil {
			t.Fatal(err)
		}
		checkClose(t, "coef, weights vs repeated rows", weighted.Coef, repeated.Coef, mixed, 1e-12)
		checkClose(t, "intercept, weights vs repeated rows", weighted.Intercept,
			repeated.Intercept, mixed, 1e-12)
	}
}

func TestFitRidgeDegenerate(t *testing.T) {
	tests := []struct {
		name          string
		X             []float64
		rows, cols    int
		y             []float64
		alpha         float64
		wantCoef      []float64
		wantIntercept float64
	}{
		{"single row", []float64{1, 2}, 1, 2, []float64{5}, 0, []float64{0, 0}, 5},
		{"constant columns", []float64{0.1, 3, 0.1, 3, 0.1, 3}, 3, 2, []float64{1, 2, 6}, 0,
			[]float64{0, 0}, 3},
		{"exact line", []float64{0, 1, 2, 3}, 4, 1, []float64{1, 3, 5, 7}, 0, []float64{2}, 1},
		// Minimising Σ(y - w x - b)² + alpha w² with centred x = (-1, 0, 1),
		// y = (1, 3, 5): w = Σxy / (Σx² + alpha) = 4 / (2 + 2) = 1.
		{"ridge by hand", []float64{0, 1, 2}, 3, 1, []float64{1, 3, 5}, 2, []float64{1}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := FitRidge(tt.X, tt.rows, tt.cols, tt.y, nil, tt.alpha)
			if err != nil {
				t.Fatal(err)
			}
			checkClose(t, "coef", m.Coef, tt.wantCoef, mixed, 1e-14)
			checkClose(t, "intercept", m.Intercept, []float64{tt.wantIntercept}, mixed, 1e-14)
		})
	}
}

func BenchmarkFitRidge(b *testing.B) {
	X, y := regressionData(1, 5000, 50)
	for b.Loop() {
		if _, err := FitRidge(X, 5000, 50, y, nil, 1); err != nil {
			b.Fatal(err)
		}
	}
}
