package automl

import (
	"fmt"
	"math"
	"slices"

	"github.com/tunebook/tunebook/automl/data"
	"github.com/tunebook/tunebook/automl/metrics"
	"github.com/tunebook/tunebook/automl/search"
)

// Metrics lists the objective names a search accepts.
var Metrics = []string{"auc", "f1", "accuracy", "logloss", "rmse", "mae", "r2"}

// objective is a metric computed from true targets and model scores, with
// the direction in which it improves.
type objective struct {
	name      string
	direction search.Direction
	score     func(y, pred []float64, k int) (float64, error)
}

// defaultMetric is the objective used when the user names none.
func defaultMetric(task data.Task) string {
	switch task {
	case data.Binary:
		return "auc"
	case data.Multiclass:
		return "accuracy"
	default:
		return "rmse"
	}
}

// objectiveFor returns the named objective for a task, or an error naming
// the metric and the task when they do not fit together.
func objectiveFor(name string, task data.Task) (objective, error) {
	classification := task == data.Binary || task == data.Multiclass
	switch {
	case name == "auc" && classification:
		return objective{name, search.Maximize, aucScore}, nil
	case name == "f1" && classification:
		return objective{name, search.Maximize, f1Score}, nil
	case name == "accuracy" && classification:
		return objective{name, search.Maximize, accuracyScore}, nil
	case name == "logloss" && classification:
		return objective{name, search.Minimize, logLossScore}, nil
	case name == "rmse" && task == data.Regression:
		return objective{name, search.Minimize, nil}.regression(metrics.RMSE), nil
	case name == "mae" && task == data.Regression:
		return objective{name, search.Minimize, nil}.regression(metrics.MAE), nil
	case name == "r2" && task == data.Regression:
		return objective{name, search.Maximize, nil}.regression(metrics.R2), nil
	}
	if !slices.Contains(Metrics, name) {
		return objective{}, fmt.Errorf("automl: unknown metric %q (want one of auc, f1, accuracy, logloss, rmse, mae, r2)", name)
	}
	return objective{}, fmt.Errorf("automl: metric %q does not apply to a %s task", name, task)
}

// regression adapts a regression metric to the objective signature.
func (o objective) regression(f func(y, p []float64, opts ...metrics.Option) (float64, error)) objective {
	o.score = func(y, pred []float64, _ int) (float64, error) { return f(y, pred) }
	return o
}

// classes turns class indices stored as float64 into ints.
func classes(y []float64) []int {
	out := make([]int, len(y))
	for i, v := range y {
		out[i] = int(v)
	}
	return out
}

// predictedClasses turns scores (see nn.Model.Predict) into class indices:
// probability >= 0.5 for binary, the most probable class for multiclass.
func predictedClasses(pred []float64, k int) []int {
	if k <= 2 {
		out := make([]int, len(pred))
		for i, p := range pred {
			if p >= 0.5 {
				out[i] = 1
			}
		}
		return out
	}
	rows := len(pred) / k
	out := make([]int, rows)
	for i := range rows {
		best := 0
		for j := 1; j < k; j++ {
			if pred[i*k+j] > pred[i*k+best] {
				best = j
			}
		}
		out[i] = best
	}
	return out
}

func aucScore(y, pred []float64, k int) (float64, error) {
	if k <= 2 {
		return metrics.ROCAUC(classes(y), pred)
	}
	return metrics.ROCAUCOvR(classes(y), pred, k)
}

func f1Score(y, pred []float64, k int) (float64, error) {
	if err := finite(pred); err != nil {
		return math.NaN(), err
	}
	if k <= 2 {
		s, err := metrics.PRF(classes(y), predictedClasses(pred, k), 2)
		return s.FScore, err
	}
	s, err := metrics.PRF(classes(y), predictedClasses(pred, k), k, metrics.WithAverage(metrics.AverageMacro))
	return s.FScore, err
}

func accuracyScore(y, pred []float64, k int) (float64, error) {
	if err := finite(pred); err != nil {
		return math.NaN(), err
	}
	return metrics.Accuracy(classes(y), predictedClasses(pred, k))
}

func logLossScore(y, pred []float64, k int) (float64, error) {
	if k <= 2 {
		return metrics.LogLoss(classes(y), pred, 1)
	}
	return metrics.LogLoss(classes(y), pred, k)
}

// finite reports an error when a score is NaN or infinite: a class decided
// by comparing NaN would be silently wrong.
func finite(pred []float64) error {
	for i, p := range pred {
		if math.IsNaN(p) || math.IsInf(p, 0) {
			return fmt.Errorf("automl: score %d is %v", i, p)
		}
	}
	return nil
}
