package linear

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// synthetic returns rows x cols standard normal features and labels drawn
// from a softmax model with random coefficients (classes >= 2).
func synthetic(seed uint64, rows, cols, classes int) (X, y []float64) {
	rng := rand.New(rand.NewPCG(seed, 1))
	coef := make([]float64, classes*cols)
	for i := range coef {
		coef[i] = rng.NormFloat64()
	}
	X = make([]float64, rows*cols)
	y = make([]float64, rows)
	p := make([]float64, classes)
	for i := range rows {
		for j := range cols {
			X[i*cols+j] = rng.NormFloat64()
		}
		for k := range classes {
			p[k] = 0
			for j := range cols {
				p[k] += coef[k*cols+j] * X[i*cols+j]
			}
		}
		softmax(p)
		u, label := rng.Float64(), 0
		for label < classes-1 && u > p[label] {
			u -= p[label]
			label++
		}
		y[i] = float64(label)
	}
	return X, y
}

func TestFitLogisticIntegerWeightsEqualRepeatedRows(t *testing.T) {
	for _, classes := range []int{2, 3} {
		X, y := synthetic(7, 40, 3, classes)
		weights := make([]float64, 40)
		var Xrep, yrep []float64
		for i := range weights {
			weights[i] = float64(i % 3) // 0, 1 or 2 copies
			for range i % 3 {
				Xrep = append(Xrep, X[i*3:(i+1)*3]...)
				yrep = append(yrep, y[i])
			}
		}
		weighted, err := FitLogistic(X, 40, 3, y, classes, weights, LogisticOptions{})
		if err != nil {
			t.Fatal(err)
		}
		repeated, err := FitLogistic(Xrep, len(yrep), 3, yrep, classes, nil, LogisticOptions{})
		if err != nil {
			t.Fatal(err)
		}
		checkClose(t, "coef, weights vs repeated rows", weighted.Coef, repeated.Coef, mixed, 1e-6)
		checkClose(t, "intercept, weights vs repeated rows", weighted.Intercept,
			repeated.Intercept, mixed, 1e-6)
	}
}

func TestFitLogisticConstantColumn(t *testing.T) {
	X, y := synthetic(3, 60, 2, 3)
	withConst := make([]float64, 0, 60*3)
	for i := range 60 {
		withConst = append(withConst, X[i*2], 5, X[i*2+1])
	}
	m, err := FitLogistic(withConst, 60, 3, y, 3, nil, LogisticOptions{})
	if err != nil {
		t.Fatal(err)
	}
	plain, err := FitLogistic(X, 60, 2, y, 3, nil, LogisticOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for k := range 3 {
		if c := m.Coef[k*3+1]; math.Abs(c) > 1e-12 {
			t.Errorf("class %d: coefficient of the constant column: got %g, want 0", k, c)
		}
		got := []float64{m.Coef[k*3], m.Coef[k*3+2]}
		checkClose(t, "other coefficients", got, plain.Coef[k*2:(k+1)*2], mixed, 1e-6)
	}
	checkClose(t, "probabilities", m.Predict(withConst, 60), plain.Predict(X, 60), absolute, 1e-7)
}

func TestFitLogisticSeparable(t *testing.T) {
	X := []float64{-3, -2, -1, 1, 2, 3}
	y := []float64{0, 0, 0, 1, 1, 1}
	m, err := FitLogistic(X, 6, 1, y, 2, nil, LogisticOptions{C: 1e4})
	if err != nil {
		t.Fatalf("separable data with weak penalty: %v", err)
	}
	for i, p := range m.Predict(X, 6) {
		if !(p > 0 && p < 1) || (p > 0.5) != (y[i] == 1) {
			t.Errorf("row %d: got probability %v, want in (0, 1) on the side of class %v", i, p, y[i])
		}
	}
}

func TestFitLogisticConvergence(t *testing.T) {
	X, y := synthetic(11, 300, 4, 3)
	reference, err := FitLogistic(X, 300, 4, y, 3, nil, LogisticOptions{})
	if err != nil {
		t.Fatal(err)
	}

	// One iteration cannot reach the optimum: the result is unusable.
	_, err = FitLogistic(X, 300, 4, y, 3, nil, LogisticOptions{MaxIterations: 1})
	if !errors.Is(err, ErrNotConverged) || !strings.Contains(err.Error(), "after 1 iterations") {
		t.Errorf("MaxIterations = 1: got error %v, want ErrNotConverged after 1 iterations", err)
	}

	// A tolerance below float64 precision stops the line search early, but
	// the result is still accepted.
	tight, err := FitLogistic(X, 300, 4, y, 3, nil, LogisticOptions{Tolerance: 1e-15})
	if err != nil {
		t.Fatalf("Tolerance = 1e-15: %v", err)
	}
	checkClose(t, "probabilities, tolerance 1e-15 vs default", tight.Predict(X, 300),
		reference.Predict(X, 300), absolute, 1e-6)
}

func BenchmarkFitLogistic(b *testing.B) {
	for _, bc := range []struct {
		name    string
		classes int
	}{{"5000x50/binary", 2}, {"5000x50/5classes", 5}} {
		X, y := synthetic(1, 5000, 50, bc.classes)
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := FitLogistic(X, 5000, 50, y, bc.classes, nil, LogisticOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
