package linear

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestFitErrors(t *testing.T) {
	X := []float64{1, 2, 3, 4, 5, 6} // 3 rows x 2 columns
	y := []float64{0, 1, 0}
	nan, inf := math.NaN(), math.Inf(1)
	tests := []struct {
		name     string
		X        []float64
		rows     int
		cols     int
		y        []float64
		classes  int
		weights  []float64
		opts     LogisticOptions
		alpha    float64
		want     error
		mentions string // part of the message naming the place
	}{
		{"no rows", nil, 0, 2, nil, 2, nil, LogisticOptions{}, 0, ErrEmpty, "0 rows"},
		{"no columns", nil, 3, 0, y, 2, nil, LogisticOptions{}, 0, ErrEmpty, "0 columns"},
		{"short X", X[:5], 3, 2, y, 2, nil, LogisticOptions{}, 0, ErrShape, "len(X) = 5"},
		{"short y", X, 3, 2, y[:2], 2, nil, LogisticOptions{}, 0, ErrShape, "len(y) = 2"},
		{"short weights", X, 3, 2, y, 2, []float64{1}, LogisticOptions{}, 0, ErrShape,
			"len(weights) = 1"},
		{"NaN in X", []float64{1, 2, 3, nan, 5, 6}, 3, 2, y, 2, nil, LogisticOptions{}, 0,
			ErrNonFinite, "X row 1, column 1 is NaN"},
		{"Inf in X", []float64{1, 2, 3, 4, -inf, 6}, 3, 2, y, 2, nil, LogisticOptions{}, 0,
			ErrNonFinite, "X row 2, column 0 is -Inf"},
		{"NaN in y", X, 3, 2, []float64{0, nan, 1}, 2, nil, LogisticOptions{}, 0,
			ErrNonFinite, "y row 1 is NaN"},
		{"Inf weight", X, 3, 2, y, 2, []float64{1, inf, 1}, LogisticOptions{}, 0,
			ErrNonFinite, "weight row 1 is +Inf"},
		{"negative weight", X, 3, 2, y, 2, []float64{1, 1, -2}, LogisticOptions{}, 0,
			ErrWeight, "weight row 2 is -2"},
		{"zero weights", X, 3, 2, y, 2, []float64{0, 0, 0}, LogisticOptions{}, 0,
			ErrWeight, "all 3 weights are zero"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := FitLogistic(tt.X, tt.rows, tt.cols, tt.y, tt.classes, tt.weights, tt.opts)
			checkErr(t, "FitLogistic", err, tt.want, tt.mentions)
			_, err = FitRidge(tt.X, tt.rows, tt.cols, tt.y, tt.weights, tt.alpha)
			checkErr(t, "FitRidge", err, tt.want, tt.mentions)
		})
	}
}

func TestFitLogisticLabelErrors(t *testing.T) {
	X := []float64{1, 2, 3, 4, 5, 6}
	tests := []struct {
		name     string
		y        []float64
		classes  int
		weights  []float64
		opts     LogisticOptions
		want     error
		mentions string
	}{
		{"one class", []float64{0, 0, 0}, 1, nil, LogisticOptions{}, ErrParameter, "classes = 1"},
		{"label too large", []float64{0, 2, 1}, 2, nil, LogisticOptions{}, ErrLabel,
			"y row 1 is 2, want an integer in [0, 2)"},
		{"negative label", []float64{0, 1, -1}, 3, nil, LogisticOptions{}, ErrLabel, "y row 2 is -1"},
		{"fractional label", []float64{0.5, 1, 0}, 2, nil, LogisticOptions{}, ErrLabel,
			"y row 0 is 0.5"},
		{"empty class", []float64{0, 2, 0}, 3, nil, LogisticOptions{}, ErrEmptyClass, "class 1 of 3"},
		{"class of zero weight", []float64{0, 1, 0}, 2, []float64{1, 0, 1}, LogisticOptions{},
			ErrEmptyClass, "class 1 of 2"},
		{"negative C", []float64{0, 1, 0}, 2, nil, LogisticOptions{C: -1}, ErrParameter, "C = -1"},
		{"NaN C", []float64{0, 1, 0}, 2, nil, LogisticOptions{C: math.NaN()}, ErrParameter, "C = NaN"},
		{"negative iterations", []float64{0, 1, 0}, 2, nil, LogisticOptions{MaxIterations: -5},
			ErrParameter, "MaxIterations = -5"},
		{"negative tolerance", []float64{0, 1, 0}, 2, nil, LogisticOptions{Tolerance: -1},
			ErrParameter, "Tolerance = -1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := FitLogistic(X, 3, 2, tt.y, tt.classes, tt.weights, tt.opts)
			checkErr(t, "FitLogistic", err, tt.want, tt.mentions)
		})
	}
}

func TestFitRidgeAlphaErrors(t *testing.T) {
	X := []float64{1, 2, 3}
	y := []float64{1, 2, 4}
	for _, alpha := range []float64{-1, math.NaN(), math.Inf(1)} {
		_, err := FitRidge(X, 3, 1, y, nil, alpha)
		checkErr(t, "FitRidge", err, ErrParameter, "alpha = ")
	}
}

func checkErr(t *testing.T, fit string, err, want error, mentions string) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Errorf("%s: got error %v, want one wrapping %v", fit, err, want)
		return
	}
	if !strings.Contains(err.Error(), mentions) {
		t.Errorf("%s: got error %q, want it to mention %q", fit, err, mentions)
	}
}
