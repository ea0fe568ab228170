package automl

import (
	"fmt"
	"math"

	"github.com/tunebook/tunebook/automl/data"
	"github.com/tunebook/tunebook/automl/metrics"
)

// Measure is one named metric value.
type Measure struct {
	Name  string
	Value float64
}

// Evaluation is a model's performance on a set of rows: its metrics in a
// fixed order and the curves the report draws. Curves that do not apply to
// the task are nil.
type Evaluation struct {
	Task     data.Task
	Measures []Measure
	// Problems lists metrics that could not be computed, with the reason
	// (for example an AUC on rows of a single class).
	Problems []string

	// ROC, PR and Threshold are the curves of a binary task.
	ROC       *metrics.ROC
	PR        *metrics.PR
	Threshold *metrics.ThresholdCurve
	// ChosenThreshold is the decision threshold chosen on the validation
	// rows (0.5 unless another is clearly better for F1), NaN when none was
	// given;
	// the measures "threshold" and "f1_at_threshold" report it and the F1
	// it reaches on these rows (binary tasks). Choosing it on the rows being
	// evaluated would flatter the model.
	ChosenThreshold float64
	// Prevalence is the share of positive rows (binary tasks).
	Prevalence float64
	Confusion  *metrics.Confusion
	// Actual and Predicted are the regression targets and predictions.
	Actual, Predicted []float64
}

// Value returns the named measure and whether it was computed.
func (e *Evaluation) Value(name string) (float64, bool) {
	for _, m := range e.Measures {
		if m.Name == name {
			return m.Value, true
		}
	}
	return math.NaN(), false
}

// evaluate computes every metric that applies to the task from the true
// targets y and the scores pred (in the form nn.Model.Predict returns).
// threshold is a decision threshold chosen elsewhere (binary tasks; NaN for
// none).
func evaluate(task data.Task, y, pred []float64, k int, labels []string, threshold float64) *Evaluation {
	e := &Evaluation{Task: task, ChosenThreshold: threshold}
	add := func(name string, v float64, err error) {
		if err != nil {
			e.Problems = append(e.Problems, fmt.Sprintf("%s: %v", name, err))
			return
		}
		e.Measures = append(e.Measures, Measure{name, v})
	}
	switch task {
	case data.Regression:
		e.evalRegression(y, pred, add)
	case data.Binary:
		e.evalBinary(y, pred, labels, add)
	default:
		e.evalMulticlass(y, pred, k, labels, add)
	}
	return e
}

func (e *Evaluation) evalRegression(y, pred []float64, add func(string, float64, error)) {
	for _, m := range []struct {
		name string
		f    func(a, b []float64, o ...metrics.Option) (float64, error)
	}{{"rmse", metrics.RMSE}, {"mae", metrics.MAE}, {"mse", metrics.MSE}, {"r2", metrics.R2}} {
		v, err := m.f(y, pred)
		add(m.name, v, err)
	}
	e.Actual, e.Predicted = y, pred
}

func (e *Evaluation) evalBinary(y, pred []float64, labels []string, add func(string, float64, error)) {
	yt := classes(y)
	auc, err := metrics.ROCAUC(yt, pred)
	add("auc", auc, err)
	ap, err := metrics.AveragePrecision(yt, pred)
	add("average_precision", ap, err)
	ll, err := metrics.LogLoss(yt, pred, 1)
	add("logloss", ll, err)
	brier, err := metrics.BrierScore(yt, pred)
	add("brier", brier, err)
	if err := finite(pred); err != nil {
		e.Problems = append(e.Problems, err.Error())
		return
	}
	yp := predictedClasses(pred, 2)
	acc, err := metrics.Accuracy(yt, yp)
	add("accuracy", acc, err)
	s, err := metrics.PRF(yt, yp, 2)
	add("precision", s.Precision, err)
	add("recall", s.Recall, err)
	add("f1", s.FScore, err)

	if roc, err := metrics.ROCCurve(yt, pred); err == nil {
		e.ROC = &roc
	}
	if pr, err := metrics.PRCurve(yt, pred); err == nil {
		e.PR = &pr
	}
	if tc, err := metrics.ThresholdScores(yt, pred); err == nil {
		e.Threshold = &tc
	}
	if !math.IsNaN(e.ChosenThreshold) {
		at := make([]int, len(pred))
		for i, p := range pred {
			if p >= e.ChosenThreshold {
				at[i] = 1
			}
		}
		s, err := metrics.PRF(yt, at, 2)
		add("threshold", e.ChosenThreshold, nil)
		add("f1_at_threshold", s.FScore, err)
	}
	pos := 0
	for _, v := range yt {
		pos += v
	}
	e.Prevalence = float64(pos) / float64(len(yt))
	e.confusion(yt, yp, 2, labels)
}

func (e *Evaluation) evalMulticlass(y, pred []float64, k int, labels []string, add func(string, float64, error)) {
	yt := classes(y)
	if err := finite(pred); err != nil {
		e.Problems = append(e.Problems, err.Error())
		return
	}
	yp := predictedClasses(pred, k)
	acc, err := metrics.Accuracy(yt, yp)
	add("accuracy", acc, err)
	for _, avg := range []struct {
		name string
		a    metrics.Average
	}{{"macro", metrics.AverageMacro}, {"weighted", metrics.AverageWeighted}} {
		s, err := metrics.PRF(yt, yp, k, metrics.WithAverage(avg.a))
		add("f1_"+avg.name, s.FScore, err)
		add("precision_"+avg.name, s.Precision, err)
		add("recall_"+avg.name, s.Recall, err)
	}
	auc, err := metrics.ROCAUCOvR(yt, pred, k)
	add("auc_ovr_macro", auc, err)
	ll, err := metrics.LogLoss(yt, pred, k)
	add("logloss", ll, err)
	e.confusion(yt, yp, k, labels)
}

func (e *Evaluation) confusion(yt, yp []int, k int, labels []string) {
	cm, err := metrics.ConfusionMatrix(yt, yp, k)
	if err != nil {
		e.Problems = append(e.Problems, fmt.Sprintf("confusion matrix: %v", err))
		return
	}
	if len(labels) == k {
		cm.Labels = labels
	}
	e.Confusion = &cm
}
