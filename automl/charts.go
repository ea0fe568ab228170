package automl

import (
	"fmt"
	"math"
	"strings"

	"github.com/tunebook/tunebook/automl/search"
	"github.com/tunebook/tunebook/plots"
)

// ROCChart draws the test-set ROC curves of the best model and the best
// baseline (binary tasks; nil otherwise).
func (r *Result) ROCChart() *plots.Chart {
	var curves []plots.ROCSeries
	for _, ev := range r.tested() {
		if ev.eval.ROC == nil {
			continue
		}
		auc, _ := ev.eval.Value("auc")
		curves = append(curves, plots.ROCSeries{Name: ev.name, FPR: ev.eval.ROC.FPR, TPR: ev.eval.ROC.TPR, AUC: auc})
	}
	if len(curves) == 0 {
		return nil
	}
	return plots.ROC(curves)
}

// PRChart draws the test-set precision-recall curves (binary tasks).
func (r *Result) PRChart() *plots.Chart {
	var curves []plots.PRSeries
	for _, ev := range r.tested() {
		if ev.eval.PR == nil {
			continue
		}
		ap, _ := ev.eval.Value("average_precision")
		curves = append(curves, plots.PRSeries{Name: ev.name, Recall: ev.eval.PR.Recall, Precision: ev.eval.PR.Precision, AP: ap})
	}
	if len(curves) == 0 {
		return nil
	}
	return plots.PrecisionRecall(curves, r.Test.Prevalence)
}

// ThresholdChart draws the best model's test precision, recall and F1
// against the decision threshold, marking the threshold chosen on the
// validation rows (binary tasks).
func (r *Result) ThresholdChart() *plots.Chart {
	tc := r.Test.Threshold
	if tc == nil {
		return nil
	}
	return plots.ThresholdCurves(tc.Thresholds, tc.Precision, tc.Recall, tc.F1, r.Test.ChosenThreshold)
}

// ConfusionChart draws the best model's test-set confusion matrix.
func (r *Result) ConfusionChart(normalize bool) *plots.Chart {
	cm := r.Test.Confusion
	if cm == nil {
		return nil
	}
	counts := make([][]int, len(cm.Counts))
	for i, row := range cm.Counts {
		counts[i] = make([]int, len(row))
		for j, v := range row {
			counts[i][j] = int(math.Round(v))
		}
	}
	return plots.ConfusionMatrix(cm.Labels, counts, normalize)
}

// LossChart draws the best network's training and validation loss per
// epoch; nil when a baseline won.
func (r *Result) LossChart() *plots.Chart {
	if len(r.BestHistory) == 0 {
		return nil
	}
	train := make([]float64, len(r.BestHistory))
	valid := make([]float64, len(r.BestHistory))
	for i, e := range r.BestHistory {
		train[i], valid[i] = e.TrainLoss, e.ValidLoss
	}
	return plots.LossCurves(r.Best.Name, train, valid)
}

// TrialLossChart draws the loss curves of the n best network trials.
func (r *Result) TrialLossChart(n int) *plots.Chart {
	if r.Study == nil {
		return nil
	}
	var runs []plots.LossSeries
	for _, t := range r.Study.Leaderboard(n) {
		s := plots.LossSeries{Name: fmt.Sprintf("trial %d", t.Number)}
		for _, rep := range t.Intermediate {
			s.Train = append(s.Train, rep.Extra["train_loss"])
			s.Valid = append(s.Valid, rep.Extra["valid_loss"])
		}
		runs = append(runs, s)
	}
	if len(runs) == 0 {
		return nil
	}
	return plots.LossCurvesTrials(runs)
}

// HistoryChart draws the objective of every trial and the best so far.
func (r *Result) HistoryChart() *plots.Chart {
	if r.Study == nil || len(r.Study.Trials) == 0 {
		return nil
	}
	trials := r.Study.Snapshot()
	values := make([]float64, len(trials))
	statuses := make([]string, len(trials))
	for i, t := range trials {
		values[i], statuses[i] = t.Value, strings.ToLower(t.Status.String())
		if t.Status == search.Failed {
			values[i] = math.NaN()
		}
	}
	return plots.SearchHistory(values, statuses, r.Direction.String())
}

// ImportanceChart draws the parameter importances; nil when too few trials
// completed to estimate them.
func (r *Result) ImportanceChart() *plots.Chart {
	if len(r.Importance) == 0 {
		return nil
	}
	names := make([]string, len(r.Importance))
	vals := make([]float64, len(r.Importance))
	for i, im := range r.Importance {
		names[i], vals[i] = im.Param, im.Value
	}
	return plots.ParamImportance(names, vals)
}

// PredictedActualChart draws predicted against actual test values
// (regression tasks).
func (r *Result) PredictedActualChart() *plots.Chart {
	if r.Test.Actual == nil {
		return nil
	}
	return plots.PredictedActual(r.Test.Actual, r.Test.Predicted)
}

// ResidualsChart draws the test residuals (actual minus predicted)
// against the predictions (regression tasks).
func (r *Result) ResidualsChart() *plots.Chart {
	if r.Test.Actual == nil {
		return nil
	}
	res := make([]float64, len(r.Test.Actual))
	for i := range res {
		res[i] = r.Test.Actual[i] - r.Test.Predicted[i]
	}
	return plots.Residuals(r.Test.Predicted, res)
}

type namedEval struct {
	name string
	eval *Evaluation
}

// tested returns the best model's evaluation, then the best baseline's
// when the best model is not that baseline.
func (r *Result) tested() []namedEval {
	out := []namedEval{{r.Best.Name, r.Test}}
	if r.BaselineTest != nil && r.Best.Trial >= 0 {
		out = append(out, namedEval{r.bestBaselineName(), r.BaselineTest})
	}
	return out
}

func (r *Result) bestBaselineName() string {
	for _, e := range r.Leaderboard {
		if e.Trial < 0 {
			return e.Name
		}
	}
	return "baseline"
}
