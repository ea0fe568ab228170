package prep

import (
	"errors"
	"math"
	"path/filepath"
	"strings"
	"testing"
)

// TestCaseC07 checks balanced class and sample weights against
// scikit-learn's compute_class_weight and compute_sample_weight (case c07).
func TestCaseC07(t *testing.T) {
	dir := filepath.Join("testdata", "cases", "c07")
	var expected struct {
		Binary map[string]float64 `json:"binary_balanced_class_weight"`
		Three  map[string]float64 `json:"three_balanced_class_weight"`
		Sample []float64          `json:"three_balanced_sample_weight"`
	}
	readJSON(t, filepath.Join(dir, "expected.json"), &expected)
	const tol = 1e-12

	for _, tt := range []struct {
		file string
		want map[string]float64
	}{{"labels_binary.json", expected.Binary}, {"labels_three.json", expected.Three}} {
		y, labels := readLabels(t, filepath.Join(dir, tt.file))
		w, err := BalancedClassWeights(y, labels.Len())
		if err != nil {
			t.Fatal(err)
		}
		total := 0.0
		for c, name := range labels.Classes {
			if math.Abs(w[c]-tt.want[name]) > tol {
				t.Errorf("%s class %q: got weight %v, want %v", tt.file, name, w[c], tt.want[name])
			}
		}
		for _, v := range SampleWeights(y, w) {
			total += v
		}
		if math.Abs(total-float64(len(y))) > tol {
			t.Errorf("%s: got sum of sample weights %v, want %d", tt.file, total, len(y))
		}
	}

	y, _ := readLabels(t, filepath.Join(dir, "labels_three.json"))
	w, _ := BalancedClassWeights(y, 3)
	for i, got := range SampleWeights(y, w) {
		if math.Abs(got-expected.Sample[i]) > tol {
			t.Errorf("sample %d: got %v, want %v", i, got, expected.Sample[i])
		}
	}
}

func TestBalancedClassWeightsErrors(t *testing.T) {
	tests := []struct {
		y       []float64
		classes int
		want    string
	}{
		{[]float64{0, 0, 2}, 3, `class "b" has no rows`},
		{[]float64{0, 3}, 3, "row 2: 3 is not a class index below 3"},
		{[]float64{0, math.NaN()}, 2, "row 2: NaN is not a class index"},
		{[]float64{0, 0.5}, 2, "row 2: 0.5 is not a class index"},
		{nil, 0, "class weights for 0 classes"},
	}
	for _, tt := range tests {
		_, err := BalancedClassWeights(tt.y, tt.classes, "a", "b", "c")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: got error %v, want one containing %q", tt.y, err, tt.want)
		}
	}
	_, err := BalancedClassWeights([]float64{1}, 2)
	if !errors.Is(err, ErrTooFewRows) {
		t.Errorf("absent class: got %v, want ErrTooFewRows", err)
	}
}
