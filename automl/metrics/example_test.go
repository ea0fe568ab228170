package metrics_test

import (
	"errors"
	"fmt"

	"github.com/tunebook/tunebook/automl/metrics"
)

// Binary scores: ROC AUC and average precision, and what happens when a
// test split holds one class only.
func Example() {
	yTrue := []int{0, 0, 1, 1}
	score := []float64{0.1, 0.4, 0.35, 0.8}
	auc, _ := metrics.ROCAUC(yTrue, score)
	ap, _ := metrics.AveragePrecision(yTrue, score)
	fmt.Printf("ROC AUC %.2f, average precision %.4f\n", auc, ap)

	auc, err := metrics.ROCAUC([]int{0, 0, 0}, []float64{0.1, 0.2, 0.3})
	fmt.Println(auc, errors.Is(err, metrics.ErrUndefined))
	fmt.Println(err)
	// Output:
	// ROC AUC 0.75, average precision 0.8333
	// NaN true
	// metrics: ROCAUC: only one class (0) present in yTrue, ROC AUC is not defined: metric undefined for this input
}

// String labels: "c" occurs only in the predictions, so it enters the macro
// average with recall 0.
func ExamplePRFLabels() {
	yTrue := []string{"a", "a", "b", "b", "b"}
	yPred := []string{"a", "a", "b", "b", "c"}
	for _, avg := range []metrics.Average{metrics.AverageMacro, metrics.AverageMicro, metrics.AverageWeighted} {
		s, _ := metrics.PRFLabels(yTrue, yPred, metrics.WithAverage(avg))
		fmt.Printf("%-8v P %.4f R %.4f F1 %.4f\n", avg, s.Precision, s.Recall, s.FScore)
	}
	// Output:
	// macro    P 0.6667 R 0.5556 F1 0.6000
	// micro    P 0.8000 R 0.8000 F1 0.8000
	// weighted P 1.0000 R 0.8000 F1 0.8800
}

// Multiclass probabilities are row-major, rows*k; a hard miss is clipped,
// not infinite.
func ExampleLogLoss() {
	yTrue := []int{2, 0, 1}
	prob := []float64{
		0.1, 0.2, 0.7,
		0.8, 0.1, 0.1,
		0.0, 0.0, 1.0, // class 1 predicted with probability 0
	}
	loss, _ := metrics.LogLoss(yTrue, prob, 3)
	fmt.Printf("%.4f\n", loss)
	// Output:
	// 12.2078
}

// The threshold that maximises F1 on a validation split.
func ExampleThresholdCurve_BestF1() {
	yTrue := []int{0, 0, 1, 1, 0, 1}
	score := []float64{0.2, 0.6, 0.55, 0.9, 0.1, 0.4}
	curve, _ := metrics.ThresholdScores(yTrue, score)
	thr, f1 := curve.BestF1()
	fmt.Printf("threshold %.2f, F1 %.3f\n", thr, f1)
	// Output:
	// threshold 0.40, F1 0.857
}
