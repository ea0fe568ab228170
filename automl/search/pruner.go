package search

import (
	"math"
	"slices"
)

// View is what a pruner sees of a study: its direction, copies of its
// Complete trials in the order they completed, and copies of all its
// trials (any status, the one being judged included) in number order.
type View struct {
	Direction Direction
	Completed []Trial
	Trials    []Trial
}

// Pruner decides whether a running trial should stop early. Run calls
// Prune after each TrialHandle.Report with a finite value, one call at a
// time; t.Intermediate already ends with the report (step, value). Pruners
// must not modify their arguments.
type Pruner interface {
	Prune(v View, t Trial, step int, value float64) bool
}

// NopPruner never prunes.
type NopPruner struct{}

// Prune returns false.
func (NopPruner) Prune(View, Trial, int, float64) bool { return false }

// MedianPruner prunes a trial whose best intermediate value so far is worse
// than the median of the Complete trials' values at the same step, like
// Optuna's MedianPruner (n_startup_trials, n_warmup_steps; interval 1). It
// does not prune before StartupTrials trials have completed, at steps below
// WarmupSteps, or when no Complete trial reported at that step. NaN values
// are ignored in both the trial's history and the median. (Run itself
// prunes at a non-finite report, before any pruner is asked.)
type MedianPruner struct {
	StartupTrials int
	WarmupSteps   int
}

// Prune reports whether t should stop at step.
func (p MedianPruner) Prune(v View, t Trial, step int, value float64) bool {
	if step < p.WarmupSteps || len(v.Completed) == 0 || len(v.Completed) < p.StartupTrials {
		return false
	}

	best := math.NaN()
	for _, r := range t.Intermediate {
		if !math.IsNaN(r.Value) && (math.IsNaN(best) || v.Direction.Better(r.Value, best)) {
			best = r.Value
		}
	}
	if math.IsNaN(best) {
		return true
	}

	var atStep []float64
	for i := range v.Completed {
		if x, ok := valueAt(&v.Completed[i], step); ok && !math.IsNaN(x) {
			atStep = append(atStep, x)
		}
	}
	if len(atStep) == 0 {
		return false
	}
	m := median(atStep)
	if v.Direction == Minimize {
		return best > m
	}
	return best < m
}

// valueAt returns the trial's last report at step.
func valueAt(t *Trial, step int) (float64, bool) {
	for i := len(t.Intermediate) - 1; i >= 0; i-- {
		if t.Intermediate[i].Step == step {
			return t.Intermediate[i].Value, true
		}
	}
	return 0, false
}

// median returns the median of xs, the mean of the middle two for an even
// count (numpy's percentile 50 with linear interpolation). It sorts xs.
func median(xs []float64) float64 {
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}
