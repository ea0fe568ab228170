package search

import (
	"context"
	"maps"
	"math"

	"github.com/tunebook/tunebook/automl/space"
)

// Objective evaluates one trial and returns its value, a tiebreak (lower is
// better; return 0 when there is none) and an error.
//
// How Run records the result:
//   - a non-nil error fails the trial with the error's text;
//   - a NaN or infinite value fails it ("objective value is NaN");
//   - a panic fails it with the panic value and a short stack, and the
//     search goes on;
//   - once Report has returned true the trial is Pruned, whatever the
//     objective returns afterwards (except a panic);
//   - when ctx is done (time budget spent or caller cancelled) the
//     objective should stop soon and may return its best value so far with
//     ctx.Err(): a finite value then completes the trial, with the attribute
//     "stopped_early" set to true, and a NaN value fails it.
type Objective func(ctx context.Context, t *TrialHandle) (value, tiebreak float64, err error)

// TrialHandle is the objective's access to its trial. Its methods are safe
// to call from any goroutine while the objective runs; calls after the
// objective has returned have no effect.
type TrialHandle struct {
	study  *Study
	trial  *Trial
	pruner Pruner

	// Guarded by study.mu.
	pruned bool
	done   bool
}

// Number returns the trial number.
func (h *TrialHandle) Number() int { return h.trial.Number }

// Params returns a copy of the trial's parameters.
func (h *TrialHandle) Params() space.Params { return h.trial.Params.Clone() }

// Budget returns the budget (epochs) allotted to the trial, 0 meaning the
// objective's default.
func (h *TrialHandle) Budget() int { return h.trial.Budget }

// Report records the objective's value at step and returns whether the
// trial should stop now (be pruned). A NaN or infinite value always prunes,
// whatever the pruner: a diverged network does not recover. Otherwise the
// study's pruner decides; once a trial is pruned every later Report returns
// true. extra is copied.
func (h *TrialHandle) Report(step int, value float64, extra map[string]float64) bool {
	s := h.study
	s.mu.Lock()
	defer s.mu.Unlock()
	if h.done {
		return true
	}
	r := Report{Step: step, Value: value, Extra: maps.Clone(extra)}
	h.trial.Intermediate = append(h.trial.Intermediate, r)
	switch {
	case h.pruned:
	case math.IsNaN(value) || math.IsInf(value, 0):
		h.pruned = true
	case h.pruner != nil:
		view := View{Direction: s.Direction, Completed: s.completed[:len(s.completed):len(s.completed)],
			Trials: s.copies()}
		h.pruned = h.pruner.Prune(view, *h.trial, step, value)
	}
	return h.pruned
}

// SetAttr records a note on the trial, such as the epoch that early
// stopping chose. Values should be JSON-friendly.
func (h *TrialHandle) SetAttr(key string, value any) {
	s := h.study
	s.mu.Lock()
	defer s.mu.Unlock()
	if h.done {
		return
	}
	if h.trial.Attrs == nil {
		h.trial.Attrs = map[string]any{}
	}
	h.trial.Attrs[key] = value
}
