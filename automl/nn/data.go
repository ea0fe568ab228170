package nn

import (
	"fmt"
	"math"
)

// Data is a table of rows for training or validation.
type Data struct {
	// X holds Rows×Cols features, row-major: X[i*Cols+j].
	X    []float64
	Rows int
	Cols int
	// Y holds one target per row: a class index 0..classes−1 (as float64)
	// for the Sigmoid and Softmax heads, a value for Linear.
	Y []float64
	// Weights, when not nil, holds one non-negative sample weight per row
	// (for example balanced class weights). Losses are Σᵢ wᵢ·lossᵢ over the
	// number of rows, so weights that average 1 keep the loss scale.
	Weights []float64
}

// check reports whether d has consistent lengths, cols columns and targets
// that suit the head. name ("train" or "valid") prefixes the error.
func (d Data) check(name string, head Head, classes, cols int) error {
	if cols < 1 {
		return fmt.Errorf("nn: %s data: no feature columns", name)
	}
	if d.Rows == 0 && len(d.X) == 0 && len(d.Y) == 0 && d.Weights == nil {
		return nil // no rows, whatever Cols says
	}
	if d.Rows < 0 || d.Cols != cols || len(d.X) != d.Rows*d.Cols {
		return fmt.Errorf("nn: %s data: %d values for %d rows × %d columns (want %d columns)",
			name, len(d.X), d.Rows, d.Cols, cols)
	}
	if len(d.Y) != d.Rows {
		return fmt.Errorf("nn: %s data: %d targets for %d rows", name, len(d.Y), d.Rows)
	}
	if d.Weights != nil && len(d.Weights) != d.Rows {
		return fmt.Errorf("nn: %s data: %d weights for %d rows", name, len(d.Weights), d.Rows)
	}
	for i, w := range d.Weights {
		if !(w >= 0 && !math.IsInf(w, 1)) {
			return fmt.Errorf("nn: %s data: row %d: weight %v is not a finite value >= 0", name, i, w)
		}
	}
	if head == Linear {
		return nil
	}
	for i, y := range d.Y {
		if y != math.Trunc(y) || y < 0 || y >= float64(classes) {
			return fmt.Errorf("nn: %s data: row %d: target %v is not a class index in [0, %d)", name, i, y, classes)
		}
	}
	return nil
}

// outputs returns the number of network outputs for head and classes, or
// an error when they do not go together.
func outputs(head Head, classes int) (int, error) {
	switch head {
	case Sigmoid:
		if classes != 2 {
			return 0, fmt.Errorf("nn: head sigmoid needs 2 classes, got %d", classes)
		}
		return 1, nil
	case Softmax:
		if classes < 2 {
			return 0, fmt.Errorf("nn: head softmax needs at least 2 classes, got %d", classes)
		}
		return classes, nil
	case Linear:
		return 1, nil
	}
	return 0, fmt.Errorf("nn: unknown head %d", int(head))
}

// targetScale returns the mean and standard deviation used to standardise
// a regression target; a constant target gets a scale of 1.
func targetScale(y []float64) (mean, std float64) {
	for _, v := range y {
		mean += v
	}
	mean /= float64(len(y))
	var ss float64
	for _, v := range y {
		ss += (v - mean) * (v - mean)
	}
	std = math.Sqrt(ss / float64(len(y)))
	if std == 0 || math.IsInf(std, 0) {
		std = 1
	}
	return mean, std
}
