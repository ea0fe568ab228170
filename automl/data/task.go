package data

import (
	"fmt"
	"math"
	"strings"
)

// Task is the kind of prediction problem: what the target column holds.
type Task int

// The tasks. The zero Task is not a valid task; callers may use it to mean
// "infer the task from the target column" (see InferTask).
const (
	// Binary classification: the target holds two classes.
	Binary Task = iota + 1
	// Multiclass classification: the target holds three or more classes.
	Multiclass
	// Regression: the target is a number.
	Regression
)

// MaxIntegerClasses is the largest number of distinct integer values that
// InferTask reads as class labels in a numeric target column; a numeric
// target with more distinct values, or with any non-integer value, is a
// regression target.
const MaxIntegerClasses = 10

var taskNames = map[Task]string{Binary: "binary", Multiclass: "multiclass", Regression: "regression"}

// String returns the task's name: "binary", "multiclass" or "regression".
func (t Task) String() string {
	if s, ok := taskNames[t]; ok {
		return s
	}
	return fmt.Sprintf("Task(%d)", int(t))
}

// IsClassification reports whether t is Binary or Multiclass.
func (t Task) IsClassification() bool { return t == Binary || t == Multiclass }

// ParseTask returns the Task named s (case-insensitive). It fails with
// ErrTask for any other name, including "".
func ParseTask(s string) (Task, error) {
	for t, name := range taskNames {
		if strings.EqualFold(strings.TrimSpace(s), name) {
			return t, nil
		}
	}
	return 0, errorf(ErrTask, "unknown task %q (want binary, multiclass or regression)", s)
}

// MarshalText encodes the task as its name, so that JSON holds "binary",
// and the zero Task as "".
func (t Task) MarshalText() ([]byte, error) {
	if t == 0 {
		return []byte{}, nil
	}
	if _, ok := taskNames[t]; !ok {
		return nil, errorf(ErrTask, "cannot encode invalid %v", t)
	}
	return []byte(t.String()), nil
}

// UnmarshalText decodes a task written by MarshalText.
func (t *Task) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*t = 0
		return nil
	}
	v, err := ParseTask(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// InferTask guesses the task from a target column:
//
//   - categorical and boolean columns are Binary with two distinct values
//     and Multiclass with more;
//   - numeric columns whose values are all integers are Binary with two
//     distinct values and Multiclass with 3 to MaxIntegerClasses;
//   - any other numeric column is Regression.
//
// It fails with ErrNoValues when every value is missing and with
// ErrSingleClass when the column holds a single distinct value. Callers
// override the guess by passing their own Task on.
func InferTask(col *Column) (Task, error) {
	levels := col.Levels()
	switch {
	case len(levels) == 0:
		return 0, errorf(ErrNoValues, "target column %q: every value is missing", col.Name)
	case len(levels) == 1:
		return 0, errorf(ErrSingleClass,
			"target column %q holds the single value %q in %d rows; a model needs at least two classes",
			col.Name, levels[0], col.Present())
	}

	if col.Kind == Numeric {
		for i, v := range col.Num {
			if !col.Missing[i] && v != math.Trunc(v) {
				return Regression, nil
			}
		}
		if len(levels) > MaxIntegerClasses {
			return Regression, nil
		}
	}
	if len(levels) == 2 {
		return Binary, nil
	}
	return Multiclass, nil
}
