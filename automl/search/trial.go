package search

import (
	"fmt"
	"time"

	"github.com/tunebook/tunebook/automl/space"
)

// Direction says whether larger or smaller objective values are better.
// The zero Direction is Maximize.
type Direction int

// The directions of a study.
const (
	Maximize Direction = iota
	Minimize
)

// String returns "maximize" or "minimize".
func (d Direction) String() string {
	if d == Minimize {
		return "minimize"
	}
	return "maximize"
}

// Better reports whether value a is strictly better than b.
func (d Direction) Better(a, b float64) bool {
	if d == Minimize {
		return a < b
	}
	return a > b
}

// MarshalText writes the direction as its String.
func (d Direction) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads "maximize" or "minimize".
func (d *Direction) UnmarshalText(b []byte) error {
	switch string(b) {
	case "maximize":
		*d = Maximize
	case "minimize":
		*d = Minimize
	default:
		return fmt.Errorf("search: unknown direction %q (want maximize or minimize)", b)
	}
	return nil
}

// Status is the state of a trial.
type Status int

// The states of a trial. Only Complete trials can be the best.
const (
	Running Status = iota
	Complete
	Pruned
	Failed
)

var statusNames = [...]string{"running", "complete", "pruned", "failed"}

// String returns "running", "complete", "pruned" or "failed".
func (s Status) String() string {
	if s < 0 || int(s) >= len(statusNames) {
		return fmt.Sprintf("Status(%d)", int(s))
	}
	return statusNames[s]
}

// MarshalText writes the status as its String.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a status written by MarshalText.
func (s *Status) UnmarshalText(b []byte) error {
	for i, n := range statusNames {
		if n == string(b) {
			*s = Status(i)
			return nil
		}
	}
	return fmt.Errorf("search: unknown trial status %q", b)
}

// Report is one intermediate result of a trial, such as the validation
// metric after an epoch.
type Report struct {
	// Step is the step number, usually the epoch.
	Step int
	// Value is the objective at that step.
	Value float64
	// Extra holds other measurements, such as train_loss and valid_loss.
	Extra map[string]float64
}

// Trial is one evaluation of the objective at one point of the space.
type Trial struct {
	// Number is the trial's position in the study, from 0.
	Number int
	Params space.Params
	Status Status
	// Value is the objective: the returned value for Complete trials, the
	// last reported value for Pruned ones (NaN when none was reported), and
	// whatever the objective returned for Failed ones.
	Value float64
	// Tiebreak breaks ties on Value, lower being better (for example the
	// validation log loss).
	Tiebreak float64
	// Err says why a Failed trial failed; for a panic it holds the panic
	// value and a short stack.
	Err string
	// Intermediate holds the reports in the order they were made.
	Intermediate []Report
	// Budget is the budget (epochs) given to the objective; 0 means the
	// objective's default.
	Budget   int
	Started  time.Time
	Duration time.Duration
	// Attrs holds notes set by the objective (TrialHandle.SetAttr) or the
	// strategy, such as Hyperband's "bracket" and "rung".
	Attrs map[string]any
}

// LastReport returns the trial's latest intermediate report.
func (t *Trial) LastReport() (Report, bool) {
	if len(t.Intermediate) == 0 {
		return Report{}, false
	}
	return t.Intermediate[len(t.Intermediate)-1], true
}
