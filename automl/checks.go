package automl

import (
	"fmt"
	"math"

	"github.com/tunebook/tunebook/automl/prep"
)

// checkClassCount rejects a classification target with so many classes for
// its rows that it is almost surely a number to predict, not a label.
func checkClassCount(target string, labels *prep.Labels, rows int) error {
	if labels == nil {
		return nil
	}
	if k := labels.Len(); k > 100 || 5*k > rows {
		return fmt.Errorf("automl: target %q has %d classes in %d rows, too many to learn as a classification "+
			"(is it a number to predict? use --task regression)", target, k, rows)
	}
	return nil
}

// checkSplitTargets checks an explicit split: every row has a target, and
// for classification the training rows hold every class.
func checkSplitTargets(y []float64, s *RowSplit, labels *prep.Labels) error {
	for _, part := range [][]int{s.Train, s.Valid, s.Test} {
		for _, i := range part {
			if math.IsNaN(y[i]) {
				return fmt.Errorf("automl: split: row %d has no target value", i)
			}
		}
	}
	if labels == nil {
		return nil
	}
	seen := make([]bool, labels.Len())
	for _, i := range s.Train {
		seen[int(y[i])] = true
	}
	for c, ok := range seen {
		if !ok {
			return fmt.Errorf("automl: split: the training rows hold no row of class %q; a model cannot learn a class it never sees", labels.Decode(c))
		}
	}
	return nil
}
