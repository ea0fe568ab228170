package linear

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestModelJSONRoundTrip(t *testing.T) {
	X := []float64{0, 1, 1, 0, 2, 2, 3, 1, 0, 3, 1, 1}
	y := []float64{0, 1, 2, 1, 0, 2}
	fits := map[string]func() (*Model, error){
		"binary": func() (*Model, error) {
			return FitLogistic(X, 6, 2, []float64{0, 1, 1, 0, 0, 1}, 2, nil, LogisticOptions{C: 0.5})
		},
		"multiclass": func() (*Model, error) {
			return FitLogistic(X, 6, 2, y, 3, nil, LogisticOptions{})
		},
		"ridge": func() (*Model, error) { return FitRidge(X, 6, 2, y, nil, 2) },
	}
	for name, fit := range fits {
		t.Run(name, func(t *testing.T) {
			m, err := fit()
			if err != nil {
				t.Fatal(err)
			}
			raw, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			var back Model
			if err := json.Unmarshal(raw, &back); err != nil {
				t.Fatal(err)
			}
			got, want := back.Predict(X, 6), m.Predict(X, 6)
			if !slices.Equal(got, want) {
				t.Errorf("predictions after JSON round trip: got %v, want %v", got, want)
			}
			if back.Name() != m.Name() {
				t.Errorf("Name after JSON round trip: got %q, want %q", back.Name(), m.Name())
			}
		})
	}
}

func TestModelName(t *testing.T) {
	tests := []struct {
		m    Model
		want string
	}{
		{Model{Kind: KindLogistic, Classes: 2, C: 1}, "logistic regression"},
		{Model{Kind: KindLogistic, Classes: 3, C: 0.1}, "logistic regression (C=0.1)"},
		{Model{Kind: KindLinear}, "linear regression"},
		{Model{Kind: KindLinear, Alpha: 10}, "ridge regression (alpha=10)"},
		{Model{Kind: KindLinear, Alpha: 0.25}, "ridge regression (alpha=0.25)"},
	}
	for _, tt := range tests {
		if got := tt.m.Name(); got != tt.want {
			t.Errorf("Name of %+v: got %q, want %q", tt.m, got, tt.want)
		}
	}
}

func TestModelValidate(t *testing.T) {
	tests := []struct {
		name string
		m    Model
		want error
	}{
		{"valid binary", Model{Kind: KindLogistic, Classes: 2, Cols: 2, Coef: []float64{1, 2},
			Intercept: []float64{0}}, nil},
		{"valid multiclass", Model{Kind: KindLogistic, Classes: 3, Cols: 1,
			Coef: []float64{1, 2, 3}, Intercept: []float64{0, 0, 0}}, nil},
		{"unknown kind", Model{Kind: "tree", Cols: 1, Coef: []float64{1},
			Intercept: []float64{0}}, ErrParameter},
		{"one class", Model{Kind: KindLogistic, Classes: 1, Cols: 1, Coef: []float64{1},
			Intercept: []float64{0}}, ErrParameter},
		{"no columns", Model{Kind: KindLinear}, ErrParameter},
		{"short coef", Model{Kind: KindLogistic, Classes: 3, Cols: 2, Coef: []float64{1, 2},
			Intercept: []float64{0, 0, 0}}, ErrShape},
		{"missing intercept", Model{Kind: KindLinear, Cols: 1, Coef: []float64{1}}, ErrShape},
	}
	for _, tt := range tests {
		if err := tt.m.Validate(); !errors.Is(err, tt.want) {
			t.Errorf("%s: Validate() = %v, want %v", tt.name, err, tt.want)
		}
	}
}

func TestPredictScores(t *testing.T) {
	binary := &Model{Kind: KindLogistic, Classes: 2, Cols: 1, Coef: []float64{1},
		Intercept: []float64{0}}
	multi := &Model{Kind: KindLogistic, Classes: 3, Cols: 1, Coef: []float64{1, 0, -1},
		Intercept: []float64{0, 0.5, 0}}
	linear := &Model{Kind: KindLinear, Cols: 2, Coef: []float64{2, -1}, Intercept: []float64{3}}
	nan := math.NaN()
	tests := []struct {
		name string
		m    *Model
		X    []float64
		rows int
		want []float64
	}{
		{"binary", binary, []float64{0, math.Log(3), -1000, 1000}, 4,
			[]float64{0.5, 0.75, 0, 1}},
		{"binary NaN", binary, []float64{nan}, 1, []float64{nan}},
		{"multiclass", multi, []float64{0, 1000}, 2, []float64{
			1 / (2 + math.Exp(0.5)), math.Exp(0.5) / (2 + math.Exp(0.5)), 1 / (2 + math.Exp(0.5)),
			1, 0, 0}},
		{"linear", linear, []float64{1, 1, 0, 2}, 2, []float64{4, 1}},
		{"no rows", linear, nil, 0, []float64{}},
	}
	for _, tt := range tests {
		got := tt.m.Predict(tt.X, tt.rows)
		if len(got) != len(tt.want) {
			t.Errorf("%s: got %d scores, want %d", tt.name, len(got), len(tt.want))
			continue
		}
		for i := range got {
			same := math.IsNaN(got[i]) && math.IsNaN(tt.want[i])
			if !same && !(math.Abs(got[i]-tt.want[i]) <= 1e-15) {
				t.Errorf("%s: score %d: got %v, want %v (tolerance 1e-15)", tt.name, i, got[i], tt.want[i])
			}
		}
	}
}

func TestPredictPanicsOnShape(t *testing.T) {
	m := &Model{Kind: KindLinear, Cols: 2, Coef: []float64{1, 1}, Intercept: []float64{0}}
	defer func() {
		r := recover()
		if msg, _ := r.(string); !strings.Contains(msg, "len(X) = 3") {
			t.Errorf("Predict with len(X) = 3, cols = 2: got panic %v, want one naming len(X)", r)
		}
	}()
	m.Predict([]float64{1, 2, 3}, 2)
}
