package automl

import (
	"fmt"
	"math"

	"github.com/tunebook/tunebook/automl/data"
	"github.com/tunebook/tunebook/automl/linear"
)

// predictor is a fitted model: nn.Model and linear.Model both are.
type predictor interface {
	Predict(x []float64, rows int) []float64
}

// Baseline is a linear model fitted before the search, to show what the
// networks have to beat.
type Baseline struct {
	Name string
	// Value is the objective on the validation rows, Tiebreak the
	// validation log loss (classification) or mean absolute error.
	Value, Tiebreak float64
	// Err says why the baseline could not be fitted; the model is then nil.
	Err   string
	model *linear.Model
}

// fitBaselines fits logistic regression for classification, and ordinary
// least squares and ridge regression for regression tasks. A baseline that
// cannot be fitted is recorded with its error; it never stops the run.
func (r *runner) fitBaselines() []*Baseline {
	t := r.train
	type fit struct {
		name string
		fit  func() (*linear.Model, error)
	}
	var fits []fit
	if r.task == data.Regression {
		fits = []fit{
			{"linear regression", func() (*linear.Model, error) { return linear.FitRidge(t.X, t.Rows, t.Cols, t.Y, t.Weights, 0) }},
			{"ridge regression (alpha=1)", func() (*linear.Model, error) { return linear.FitRidge(t.X, t.Rows, t.Cols, t.Y, t.Weights, 1) }},
		}
	} else {
		fits = []fit{
			{"logistic regression", func() (*linear.Model, error) {
				return linear.FitLogistic(t.X, t.Rows, t.Cols, t.Y, r.classes, t.Weights, linear.LogisticOptions{})
			}},
		}
	}
	out := make([]*Baseline, 0, len(fits))
	for _, f := range fits {
		b := &Baseline{Name: f.name, Value: math.NaN(), Tiebreak: math.NaN()}
		out = append(out, b)
		m, err := f.fit()
		if err != nil {
			b.Err = err.Error()
			r.cfg.Logger.Warn("baseline failed", "baseline", f.name, "err", err)
			continue
		}
		pred := m.Predict(r.valid.X, r.valid.Rows)
		v, err := r.obj.score(r.valid.Y, pred, r.classes)
		if err != nil {
			b.Err = fmt.Sprintf("validation %s: %v", r.obj.name, err)
			continue
		}
		b.Value, b.Tiebreak, b.model = v, r.tiebreak(pred), m
	}
	return out
}
