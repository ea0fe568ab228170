package linear

import (
	"fmt"
	"math"
	"strconv"

	"gonum.org/v1/gonum/floats"
)

// Kinds of Model.
const (
	// KindLogistic marks a logistic regression classifier.
	KindLogistic = "logistic"
	// KindLinear marks a linear (least-squares or ridge) regression.
	KindLinear = "linear"
)

// Model is a fitted linear model. It holds only exported fields, so it
// round-trips through encoding/json.
//
// The coefficient matrix has one row per output: a single row for linear
// regression and for binary logistic regression (the log-odds of class 1),
// and Classes rows for multinomial logistic regression (one linear score per
// class, fed to the softmax). Coef stores it row-major, so Coef[r*Cols+j] is
// the weight of feature j in output r, and Intercept[r] is the output's bias.
type Model struct {
	// Kind is KindLogistic or KindLinear.
	Kind string `json:"kind"`
	// Classes is the number of classes (2 or more) of a logistic model and 0
	// for a linear one.
	Classes int `json:"classes"`
	// Cols is the number of feature columns the model expects.
	Cols int `json:"cols"`
	// Coef holds the coefficients, Outputs() rows of Cols values, row-major.
	Coef []float64 `json:"coef"`
	// Intercept holds one unpenalised intercept per output row.
	Intercept []float64 `json:"intercept"`
	// C is the inverse L2 penalty strength of a logistic model.
	C float64 `json:"c,omitempty"`
	// Alpha is the L2 penalty strength of a linear model (0 means ordinary
	// least squares).
	Alpha float64 `json:"alpha,omitempty"`
}

// Outputs returns the number of coefficient rows: Classes for a multinomial
// model and 1 otherwise.
func (m *Model) Outputs() int {
	if m.Kind == KindLogistic && m.Classes > 2 {
		return m.Classes
	}
	return 1
}

// Validate reports whether the fields are consistent with each other, for
// example after decoding a Model from JSON. Its errors wrap ErrParameter or
// ErrShape.
func (m *Model) Validate() error {
	switch {
	case m.Kind != KindLogistic && m.Kind != KindLinear:
		return fmt.Errorf("%w: model kind %q, want %q or %q",
			ErrParameter, m.Kind, KindLogistic, KindLinear)
	case m.Kind == KindLogistic && m.Classes < 2:
		return fmt.Errorf("%w: logistic model with %d classes", ErrParameter, m.Classes)
	case m.Cols <= 0:
		return fmt.Errorf("%w: model with %d columns", ErrParameter, m.Cols)
	}
	out := m.Outputs()
	if len(m.Coef) != out*m.Cols || len(m.Intercept) != out {
		return fmt.Errorf("%w: model has %d coefficients and %d intercepts, want %d and %d",
			ErrShape, len(m.Coef), len(m.Intercept), out*m.Cols, out)
	}
	return nil
}

// Predict returns the model's outputs for rows rows of X (row-major, Cols
// values per row), following the project's score contract: rows values for
// linear regression (predictions) and for binary classification (the
// probability of class 1), and rows*Classes values, row-major, for
// multiclass classification (class probabilities summing to 1 per row).
// A NaN in X gives NaN outputs for its row.
//
// Predict panics if len(X) != rows*Cols or the model fails Validate: both
// are programming errors.
func (m *Model) Predict(X []float64, rows int) []float64 {
	if err := m.Validate(); err != nil {
		panic(err)
	}
	if len(X) != rows*m.Cols {
		panic(fmt.Sprintf("linear: Predict: len(X) = %d, want rows*cols = %d*%d",
			len(X), rows, m.Cols))
	}

	out := m.Outputs()
	scores := make([]float64, rows*out)
	for i := range rows {
		x := X[i*m.Cols : (i+1)*m.Cols]
		for r := range out {
			scores[i*out+r] = floats.Dot(x, m.Coef[r*m.Cols:(r+1)*m.Cols]) + m.Intercept[r]
		}
	}

	switch {
	case m.Kind == KindLinear:
	case out == 1:
		for i, z := range scores {
			scores[i] = sigmoid(z)
		}
	default:
		for i := range rows {
			softmax(scores[i*out : (i+1)*out])
		}
	}
	return scores
}

// Name returns a short human-readable description for leaderboards, such as
// "logistic regression", "logistic regression (C=0.1)", "linear regression"
// or "ridge regression (alpha=10)".
func (m *Model) Name() string {
	if m.Kind == KindLinear {
		if m.Alpha == 0 {
			return "linear regression"
		}
		return "ridge regression (alpha=" + strconv.FormatFloat(m.Alpha, 'g', -1, 64) + ")"
	}
	if m.C == 1 || m.C == 0 {
		return "logistic regression"
	}
	return "logistic regression (C=" + strconv.FormatFloat(m.C, 'g', -1, 64) + ")"
}

// sigmoid returns 1/(1+exp(-z)) without overflow for large |z|.
func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// softmax replaces the scores s in place by exp(s)/sum(exp(s)), shifting by
// the maximum first so that no exponential overflows, and returns
// log(sum(exp(s))) of the original scores.
func softmax(s []float64) float64 {
	top := floats.Max(s)
	var sum float64
	for k, v := range s {
		s[k] = math.Exp(v - top)
		sum += s[k]
	}
	floats.Scale(1/sum, s)
	return top + math.Log(sum)
}
