package linear

import (
	"errors"
	"fmt"
	"math"
)

// Sentinel errors returned (wrapped with the offending row, column, class or
// parameter) by FitLogistic and FitRidge. Test for them with errors.Is.
var (
	// ErrEmpty reports a data set without rows or without feature columns.
	ErrEmpty = errors.New("linear: empty data")
	// ErrShape reports slices whose lengths disagree with rows and cols.
	ErrShape = errors.New("linear: shape mismatch")
	// ErrNonFinite reports a NaN or infinite value in X, y or the weights.
	ErrNonFinite = errors.New("linear: non-finite value")
	// ErrLabel reports a class label that is not an integer in [0, classes).
	ErrLabel = errors.New("linear: label out of class range")
	// ErrEmptyClass reports a class without samples of positive weight.
	ErrEmptyClass = errors.New("linear: class has no samples")
	// ErrWeight reports a negative sample weight or weights summing to zero.
	ErrWeight = errors.New("linear: invalid sample weight")
	// ErrParameter reports an invalid option such as C <= 0 or alpha < 0.
	ErrParameter = errors.New("linear: invalid parameter")
	// ErrNotConverged reports an optimizer run whose result is unusable.
	ErrNotConverged = errors.New("linear: optimizer did not converge")
)

// checkData validates the feature matrix, the targets and the sample weights
// shared by every fit, and returns the weights with nil replaced by ones.
func checkData(X []float64, rows, cols int, y, weights []float64) ([]float64, error) {
	if rows <= 0 || cols <= 0 {
		return nil, fmt.Errorf("%w: %d rows, %d columns", ErrEmpty, rows, cols)
	}
	if len(X) != rows*cols {
		return nil, fmt.Errorf("%w: len(X) = %d, want rows*cols = %d*%d = %d",
			ErrShape, len(X), rows, cols, rows*cols)
	}
	if len(y) != rows {
		return nil, fmt.Errorf("%w: len(y) = %d, want rows = %d", ErrShape, len(y), rows)
	}
	if weights != nil && len(weights) != rows {
		return nil, fmt.Errorf("%w: len(weights) = %d, want rows = %d",
			ErrShape, len(weights), rows)
	}

	for i := range rows {
		for j, v := range X[i*cols : (i+1)*cols] {
			if !isFinite(v) {
				return nil, fmt.Errorf("%w: X row %d, column %d is %v", ErrNonFinite, i, j, v)
			}
		}
		if !isFinite(y[i]) {
			return nil, fmt.Errorf("%w: y row %d is %v", ErrNonFinite, i, y[i])
		}
	}

	if weights == nil {
		ones := make([]float64, rows)
		for i := range ones {
			ones[i] = 1
		}
		return ones, nil
	}
	var sum float64
	for i, w := range weights {
		if !isFinite(w) {
			return nil, fmt.Errorf("%w: weight row %d is %v", ErrNonFinite, i, w)
		}
		if w < 0 {
			return nil, fmt.Errorf("%w: weight row %d is %v, want >= 0", ErrWeight, i, w)
		}
		sum += w
	}
	if sum == 0 {
		return nil, fmt.Errorf("%w: all %d weights are zero", ErrWeight, rows)
	}
	return weights, nil
}

// checkLabels verifies that every label is an integer class index in
// [0, classes) and that every class carries positive total weight.
func checkLabels(y []float64, classes int, weights []float64) error {
	if classes < 2 {
		return fmt.Errorf("%w: classes = %d, want >= 2", ErrParameter, classes)
	}
	total := make([]float64, classes)
	for i, v := range y {
		if v != math.Trunc(v) || v < 0 || v >= float64(classes) {
			return fmt.Errorf("%w: y row %d is %v, want an integer in [0, %d)",
				ErrLabel, i, v, classes)
		}
		total[int(v)] += weights[i]
	}
	for k, t := range total {
		if t == 0 {
			return fmt.Errorf("%w: class %d of %d (no rows, or only rows of weight 0)",
				ErrEmptyClass, k, classes)
		}
	}
	return nil
}

func isFinite(v float64) bool {
	return !math.IsNaN(v) && !math.IsInf(v, 0)
}
