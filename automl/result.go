package automl

import (
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/tunebook/tunebook/automl/data"
	"github.com/tunebook/tunebook/automl/linear"
	"github.com/tunebook/tunebook/automl/metrics"
	"github.com/tunebook/tunebook/automl/nn"
	"github.com/tunebook/tunebook/automl/search"
)

// SplitSizes counts the rows of each split.
type SplitSizes struct {
	Train, Valid, Test int
}

// Result is the outcome of Run.
type Result struct {
	Target    string
	Summary   data.Summary
	Task      data.Task
	Metric    string
	Direction search.Direction
	Rows      SplitSizes
	// Features are the model's input columns after preprocessing.
	Features []string
	// Notes are remarks on the data and the run that did not stop it.
	Notes []string

	Baselines []*Baseline
	Study     *search.Study
	// Leaderboard ranks the baselines and the completed network trials by
	// their validation objective.
	Leaderboard []Entry
	// Best is the model that was tested: the leaderboard's first entry whose
	// model is at hand (a trial abandoned at the deadline has none).
	Best Entry
	// BestHistory is the best network's per-epoch record (nil when a
	// baseline won).
	BestHistory []nn.Epoch
	// Test is the best model's evaluation on the test rows, and
	// BaselineTest the best baseline's, for comparison (nil when no baseline
	// could be fitted).
	Test, BaselineTest *Evaluation
	// Importance estimates how much each search parameter explains of the
	// variation in the objective across completed trials.
	Importance []Importance
	Model      *Model
	// CrossValidation holds the K-fold scores when Config.Folds was set.
	CrossValidation *CrossValidation
	Elapsed         time.Duration
}

// Entry is one row of the leaderboard.
type Entry struct {
	Rank int
	Name string
	// Trial is the network trial number, -1 for a baseline.
	Trial    int
	Value    float64
	Tiebreak float64
	// Epochs is the number of epochs trained and BestEpoch the one whose
	// weights were kept (0 for baselines).
	Epochs, BestEpoch int
	Params            string
	Duration          time.Duration
	// Stopped is true for a trial cut short by the time budget; its
	// weights are those of its best epoch before the deadline.
	Stopped bool
}

// finish ranks the models, evaluates the best one on the test rows and
// packages it as a Model.
func (r *runner) finish(res *Result) error {
	res.Leaderboard = r.leaderboard(res)
	if len(res.Leaderboard) == 0 {
		reason := "no baseline could be fitted"
		if _, err := res.Study.Best(); err != nil {
			reason += "; " + err.Error()
		}
		return fmt.Errorf("automl: no model completed: %s", reason)
	}
	res.Best = r.testable(res.Leaderboard)

	var labels []string
	if r.labels != nil {
		labels = r.labels.Classes
	}
	best, bestBaseline := r.models(res)
	if best == nil {
		return fmt.Errorf("automl: no model completed")
	}
	res.Test = evaluate(r.task, r.test.Y, best.predictor.Predict(r.test.X, r.test.Rows), r.classes, labels,
		r.validThreshold(best.predictor))
	if bestBaseline != nil {
		res.BaselineTest = evaluate(r.task, r.test.Y, bestBaseline.model.Predict(r.test.X, r.test.Rows), r.classes, labels,
			r.validThreshold(bestBaseline.model))
	}
	res.BestHistory = best.history
	res.Importance = importance(res.Study)

	res.Model = &Model{
		Version: modelVersion, Kind: "network", Name: best.name, Pipeline: r.pipeline, Network: best.network,
		Metric: r.obj.name, Validation: finiteOr(best.value, 0), Created: time.Now().UTC(),
		Threshold: finiteOr(res.Test.ChosenThreshold, 0),
	}
	if best.network == nil {
		res.Model.Kind, res.Model.Linear = "linear", best.predictor.(*linear.Model)
	}
	res.Model.Test = finiteMeasures(res.Test.Measures)
	return nil
}

// finiteMeasures drops the measures JSON cannot hold.
func finiteMeasures(ms []Measure) []Measure {
	var out []Measure
	for _, m := range ms {
		if !math.IsNaN(m.Value) && !math.IsInf(m.Value, 0) {
			out = append(out, m)
		}
	}
	return out
}

// validThreshold returns the decision threshold chosen on the validation
// rows (see chooseThreshold; binary tasks; NaN otherwise or when it cannot
// be found).
func (r *runner) validThreshold(p predictor) float64 {
	if r.task != data.Binary {
		return math.NaN()
	}
	y := classes(r.valid.Y)
	pred := p.Predict(r.valid.X, r.valid.Rows)
	tc, err := metrics.ThresholdScores(y, pred)
	if err != nil {
		return math.NaN()
	}
	return chooseThreshold(tc, y, pred)
}

// chooseThreshold keeps the usual threshold 0.5 unless another threshold
// beats its validation F1 by more than one positive row's worth (1/number
// of positives): on a small validation set a better F1 by a row or two is
// noise, and a threshold tuned to it does worse on new data. Otherwise it
// returns the middle of the widest run of best-F1 thresholds.
func chooseThreshold(tc metrics.ThresholdCurve, y []int, pred []float64) float64 {
	pos := 0
	at := make([]int, len(pred))
	for i, p := range pred {
		pos += y[i]
		if p >= 0.5 {
			at[i] = 1
		}
	}
	_, best := tc.BestF1()
	if s, err := metrics.PRF(y, at, 2); err == nil && pos > 0 && best-s.FScore <= 1/float64(pos) {
		return 0.5
	}
	return middleBestF1(tc)
}

// middleBestF1 returns a threshold in the middle of the widest range of
// thresholds that reach the highest F1. On a small validation set many
// thresholds tie, and the lowest or highest of them sits at the edge of
// the plateau, where new data is most likely to fall on the wrong side; the
// midpoint of the widest tied run (in threshold value) is the safest
// choice. NaN for an empty curve.
func middleBestF1(tc metrics.ThresholdCurve) float64 {
	_, best := tc.BestF1()
	n := min(len(tc.F1), len(tc.Thresholds))
	choice, width := math.NaN(), -1.0
	for i := 0; i < n; {
		if tc.F1[i] != best {
			i++
			continue
		}
		j := i
		for j+1 < n && tc.F1[j+1] == best {
			j++
		}
		if w := tc.Thresholds[j] - tc.Thresholds[i]; w > width {
			choice, width = (tc.Thresholds[i]+tc.Thresholds[j])/2, w
		}
		i = j + 1
	}
	return choice
}

// models returns the leaderboard's best model and the best baseline.
func (r *runner) models(res *Result) (*candidate, *Baseline) {
	var bestBaseline *Baseline
	for _, b := range res.Baselines {
		if b.model == nil {
			continue
		}
		if bestBaseline == nil || better(r.obj.direction,
			&candidate{value: b.Value, tiebreak: b.Tiebreak}, &candidate{value: bestBaseline.Value, tiebreak: bestBaseline.Tiebreak}) {
			bestBaseline = b
		}
	}
	if res.Best.Trial < 0 && bestBaseline != nil {
		return &candidate{name: bestBaseline.Name, trial: -1, value: bestBaseline.Value,
			tiebreak: bestBaseline.Tiebreak, predictor: bestBaseline.model}, bestBaseline
	}
	if r.keeper.best == nil {
		return nil, bestBaseline
	}
	return r.keeper.best, bestBaseline
}

// leaderboard ranks the fitted baselines and the best network (the one the
// keeper holds) together with the other completed trials.
func (r *runner) leaderboard(res *Result) []Entry {
	var entries []Entry
	for _, b := range res.Baselines {
		if b.model != nil {
			entries = append(entries, Entry{Name: b.Name, Trial: -1, Value: b.Value, Tiebreak: b.Tiebreak})
		}
	}
	if res.Study != nil {
		for _, t := range res.Study.Completed() {
			entries = append(entries, Entry{
				Name: fmt.Sprintf("network #%d", t.Number), Trial: t.Number, Value: t.Value, Tiebreak: t.Tiebreak,
				Epochs: attrInt(t.Attrs, "epochs"), BestEpoch: attrInt(t.Attrs, "best_epoch"),
				Params: formatParams(t.Params), Duration: t.Duration, Stopped: t.Attrs["stopped_early"] == true,
			})
		}
	}
	sort.SliceStable(entries, func(i, j int) bool {
		a, b := entries[i], entries[j]
		return better(r.obj.direction, &candidate{value: a.Value, tiebreak: a.Tiebreak, trial: a.Trial},
			&candidate{value: b.Value, tiebreak: b.Tiebreak, trial: b.Trial})
	})
	for i := range entries {
		entries[i].Rank = i + 1
	}
	return entries
}

func attrInt(attrs map[string]any, key string) int {
	switch v := attrs[key].(type) {
	case int:
		return v
	case float64:
		return int(v)
	}
	return 0
}

func finiteOr(v, def float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return def
	}
	return v
}

// testable returns the first entry whose model is held: a baseline, or the
// network the keeper kept.
func (r *runner) testable(entries []Entry) Entry {
	for _, e := range entries {
		if e.Trial < 0 || (r.keeper.best != nil && e.Trial == r.keeper.best.trial) {
			return e
		}
	}
	return entries[0]
}
