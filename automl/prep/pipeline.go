package prep

import (
	"fmt"
	"math"

	"github.com/tunebook/tunebook/automl/data"
)

// Pipeline turns the feature columns of a frame into a dense, row-major
// float64 matrix and the target column into class indices or numbers. Fit
// learns every statistic from the training rows only; Transform applies
// them unchanged to any rows or to a new frame read at prediction time.
//
// All fields are exported and finite, so a Pipeline saves and loads with
// encoding/json and a loaded copy transforms exactly as the original.
type Pipeline struct {
	// TargetColumn is the target column's name and Task the prediction task.
	TargetColumn string    `json:"target"`
	Task         data.Task `json:"task"`
	// Labels maps class names to indices; nil for regression.
	Labels *Labels `json:"labels,omitempty"`
	// Features are the encodings of the input columns, in frame order.
	Features []Feature `json:"features"`
	// Notes tells about columns that were dropped or capped while fitting.
	Notes []string `json:"notes,omitempty"`
}

// Fit fits a pipeline on the given rows of f (the training rows; nil means
// all rows) for predicting column target with the given task. Every column but the
// target is a feature:
//
//   - numeric and boolean columns are imputed with their training median,
//     get a missing-value indicator column when the training rows had
//     missing values, and are standardised with the training mean and
//     population standard deviation (a constant column gets scale 1);
//   - categorical columns are one-hot encoded over their training levels,
//     with a "(missing)" column when the training rows had missing values
//     and an "(other)" column for levels beyond MaxLevels;
//   - columns with no value in the training rows are dropped, with a note.
//
// The class labels of a classification target come from every non-missing
// value of the target column (see EncodeTarget), so that class indices
// agree with those used to split the rows; the training rows must hold at
// least two classes. Fit fails when the target column is missing, does not
// fit the task, or when no feature is left.
func Fit(f *data.Frame, rows []int, target string, task data.Task) (*Pipeline, error) {
	col, err := f.Column(target)
	if err != nil {
		return nil, err
	}
	rows, err = resolveRows(f, rows)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("prep: %s: no training rows", f.Name)
	}
	_, labels, err := EncodeTarget(col, task)
	if err != nil {
		return nil, err
	}
	p := &Pipeline{TargetColumn: target, Task: task, Labels: labels}
	if labels != nil {
		if err := checkTrainingClasses(f.Name, col, rows, labels); err != nil {
			return nil, err
		}
	}

	for _, c := range f.Columns {
		if c.Name == target {
			continue
		}
		var ft Feature
		var note string
		ok := false
		if c.Kind == data.Categorical {
			ft, note, ok = fitCategorical(c, rows)
		} else {
			ft, ok = fitNumeric(c, rows)
		}
		if !ok {
			p.Notes = append(p.Notes, fmt.Sprintf("column %q is dropped: it has no values in the %d training rows",
				c.Name, len(rows)))
			continue
		}
		if note != "" {
			p.Notes = append(p.Notes, note)
		}
		p.Features = append(p.Features, ft)
	}
	if len(p.Features) == 0 {
		return nil, fmt.Errorf("prep: %s: no feature column left besides the target %q", f.Name, target)
	}
	return p, nil
}

// EncodeTarget returns the values of a target column for a task, one per
// row with NaN where the target is missing: class indices into labels for
// Binary and Multiclass, the numbers themselves for Regression (labels is
// then nil). The classes are the distinct non-missing values (see
// NewLabels); a Binary task needs exactly two, Multiclass at least two.
// Use y to split the rows before calling Fit.
func EncodeTarget(col *data.Column, task data.Task) (y []float64, labels *Labels, err error) {
	if col.Present() == 0 {
		return nil, nil, errorf(data.ErrNoValues, "target column %q: every value is missing", col.Name)
	}
	y = make([]float64, col.Len())
	switch {
	case task == data.Regression:
		if col.Kind != data.Numeric {
			return nil, nil, errorf(data.ErrTask, "target column %q is %v, but regression needs a numeric target",
				col.Name, col.Kind)
		}
		copy(y, col.Num)
		return y, nil, nil
	case !task.IsClassification():
		return nil, nil, errorf(data.ErrTask, "invalid task %v", task)
	}

	labels = NewLabels(col.Levels())
	switch {
	case labels.Len() < 2:
		return nil, nil, errorf(data.ErrSingleClass, "target column %q holds the single class %q; a model needs at least two",
			col.Name, labels.Classes[0])
	case task == data.Binary && labels.Len() > 2:
		return nil, nil, errorf(data.ErrTask, "target column %q holds %d classes, but a binary task needs 2",
			col.Name, labels.Len())
	}
	for i := range y {
		if col.Missing[i] {
			y[i] = math.NaN()
			continue
		}
		c, err := labels.Encode(col.Value(i))
		if err != nil {
			return nil, nil, err
		}
		y[i] = float64(c)
	}
	return y, labels, nil
}

// checkTrainingClasses fails when the training rows hold fewer than two
// classes.
func checkTrainingClasses(file string, col *data.Column, rows []int, labels *Labels) error {
	seen := make(map[string]bool)
	for _, r := range rows {
		if !col.Missing[r] {
			seen[col.Value(r)] = true
		}
	}
	if len(seen) < 2 {
		return errorf(data.ErrSingleClass,
			"%s: the %d training rows hold %d of the classes of target %q (%s); a model needs at least two",
			file, len(rows), len(seen), col.Name, quoteList(labels.Classes))
	}
	return nil
}

// checkRows fails when a row index is outside f.
func checkRows(f *data.Frame, rows []int) error {
	for _, r := range rows {
		if r < 0 || r >= f.Rows {
			return fmt.Errorf("prep: %s: row index %d is outside the %d rows", f.Name, r, f.Rows)
		}
	}
	return nil
}

// Width returns the number of columns of the matrices Transform makes.
func (p *Pipeline) Width() int {
	w := 0
	for i := range p.Features {
		w += p.Features[i].Width()
	}
	return w
}

// FeatureNames returns the names of the matrix columns, in order.
func (p *Pipeline) FeatureNames() []string {
	names := make([]string, 0, p.Width())
	for i := range p.Features {
		names = append(names, p.Features[i].Names()...)
	}
	return names
}

// Kinds returns the kind of every feature column in the training data.
// Passed as data.Options.Types when reading a new file for prediction, it
// makes the reader report a value that does not fit (text in a numeric
// column) with its row, line and column.
func (p *Pipeline) Kinds() map[string]data.Kind {
	kinds := make(map[string]data.Kind, len(p.Features))
	for _, ft := range p.Features {
		kinds[ft.Column] = ft.Kind
	}
	return kinds
}
