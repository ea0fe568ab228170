package search

import (
	"math"
	"slices"
)

// ASHAPruner prunes by asynchronous successive halving (Li, Jamieson,
// Rostamizadeh, Gonina, Hardt, Recht, Ben-Tzur and Talwalkar, "A System for
// Massively Parallel Hyperparameter Tuning", MLSys 2020, Algorithm 2, as
// Optuna's SuccessiveHalvingPruner applies it to running trials).
//
// Rung k sits at step MinResource * ReductionFactor^(MinEarlyStoppingRate+k)
// (with the defaults 1, 3, 9, 27, 81, ... epochs). When a trial's reports
// first reach a rung's step, the value of that report is recorded as the
// trial's value at the rung, and the trial goes on only if that value is
// among the best max(1, floor(n/ReductionFactor)) of the n values recorded
// at the rung so far, by all trials of the study whatever their status,
// itself included; ties go on. So the first trial to reach a rung always
// goes on, and later ones must beat the top third (for the default
// factor) of those before them: no trial waits for others, as in the
// paper's asynchronous promotion. NaN values are not recorded. Steps
// between rungs never prune.
type ASHAPruner struct {
	// MinResource is the step of the first rung before the early-stopping
	// rate applies (the paper's r); 0 means 1.
	MinResource int
	// ReductionFactor is the paper's eta; 0 means 3. It must not be 1.
	ReductionFactor int
	// MinEarlyStoppingRate is the paper's s: the first rung sits at
	// MinResource*ReductionFactor^s.
	MinEarlyStoppingRate int
}

// RungStep returns the step of rung k (from 0).
func (p ASHAPruner) RungStep(k int) int {
	r, eta := p.params()
	step := r
	for range p.MinEarlyStoppingRate + k {
		if step > math.MaxInt/eta {
			return math.MaxInt
		}
		step *= eta
	}
	return step
}

func (p ASHAPruner) params() (r, eta int) {
	r, eta = max(p.MinResource, 1), p.ReductionFactor
	if eta <= 1 {
		eta = 3
	}
	return r, eta
}

// Prune reports whether t should stop at its latest report (step, value).
func (p ASHAPruner) Prune(v View, t Trial, step int, value float64) bool {
	_, eta := p.params()
	prev := math.MinInt
	if n := len(t.Intermediate); n >= 2 {
		prev = t.Intermediate[n-2].Step
	}
	for k := 0; ; k++ {
		at := p.RungStep(k)
		if at > step {
			return false
		}
		if prev >= at {
			continue // this rung was judged at an earlier report
		}
		if !promotable(v, t.Number, at, value, eta) {
			return true
		}
	}
}

// promotable reports whether value is among the top max(1, n/eta) of the
// values recorded at the rung at step by the other trials and itself.
func promotable(v View, self, step int, value float64, eta int) bool {
	values := []float64{value}
	for i := range v.Trials {
		if v.Trials[i].Number == self {
			continue
		}
		if x, ok := rungValue(&v.Trials[i], step); ok && !math.IsNaN(x) {
			values = append(values, x)
		}
	}
	slices.SortFunc(values, func(a, b float64) int {
		switch {
		case v.Direction.Better(a, b):
			return -1
		case v.Direction.Better(b, a):
			return 1
		}
		return 0
	})
	top := max(1, len(values)/eta)
	return !v.Direction.Better(values[top-1], value)
}

// rungValue returns the value of the trial's first report at or after
// step: the value recorded when it reached the rung at step.
func rungValue(t *Trial, step int) (float64, bool) {
	for _, r := range t.Intermediate {
		if r.Step >= step {
			return r.Value, true
		}
	}
	return 0, false
}
