package metrics

import (
	"errors"
	"math"
	"slices"
	"testing"
)

func TestClassIndices(t *testing.T) {
	got, err := ClassIndices([]float64{0, 2, 1, 0})
	if err != nil || !slices.Equal(got, []int{0, 2, 1, 0}) {
		t.Errorf("ClassIndices = %v, %v, want [0 2 1 0], nil", got, err)
	}
	for _, bad := range []float64{1.5, -1, math.NaN(), math.Inf(1)} {
		if _, err := ClassIndices([]float64{0, bad}); err == nil {
			t.Errorf("ClassIndices([0 %v]) err = nil, want an error", bad)
		}
	}
}

func TestPredictClasses(t *testing.T) {
	tests := []struct {
		name   string
		scores []float64
		k      int
		want   []int
	}{
		{"binary", []float64{0.2, 0.5, 0.51, 1}, 1, []int{0, 0, 1, 1}},
		{"multiclass ties pick the first", []float64{0.2, 0.4, 0.4, 0.6, 0.3, 0.1}, 3, []int{1, 0}},
	}
	for _, tt := range tests {
		got, err := PredictClasses(tt.scores, tt.k)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("%s: PredictClasses = %v, %v, want %v", tt.name, got, err, tt.want)
		}
	}
	if _, err := PredictClasses([]float64{0.1, 0.2, 0.3}, 2); !errors.Is(err, ErrLength) {
		t.Errorf("PredictClasses with 3 scores, k = 2: err = %v, want ErrLength", err)
	}
	if _, err := PredictClasses([]float64{math.NaN()}, 1); !errors.Is(err, ErrNonFinite) {
		t.Errorf("PredictClasses(NaN): err = %v, want ErrNonFinite", err)
	}
}
