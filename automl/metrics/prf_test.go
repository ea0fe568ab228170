package metrics

import (
	"math"
	"testing"
)

// TestZeroDivisionNaN checks ZeroDivisionNaN (scikit-learn >= 1.3, absent
// from the 1.2 reference) against hand-computed values: ill-defined values
// are NaN and macro and weighted averages leave them out.
func TestZeroDivisionNaN(t *testing.T) {
	nan := math.NaN()
	aabbb, aabbc := []string{"a", "a", "b", "b", "b"}, []string{"a", "a", "b", "b", "c"}
	tests := []struct {
		name         string
		yTrue, yPred []string
		opts         []Option
		want         [3]float64 // precision, recall, F-score
		warnings     int
	}{
		// Label c: tp 0, predicted 1, true 0, so recall is NaN; precision
		// 0/1 and F = 0/(0+1) are defined.
		{"macro", aabbb, aabbc, []Option{WithAverage(AverageMacro)}, [3]float64{2.0 / 3, 5.0 / 6, 0.6}, 1},
		{"weighted", aabbb, aabbc, []Option{WithAverage(AverageWeighted)}, [3]float64{1, 0.8, 0.88}, 1},
		{"micro", aabbb, aabbc, []Option{WithAverage(AverageMicro)}, [3]float64{0.8, 0.8, 0.8}, 0},
		// Only label c, with no support: the remaining weights sum to zero,
		// so the plain mean of the defined values is returned.
		{"weighted zero support", aabbb, aabbc, []Option{WithAverage(AverageWeighted), WithLabels("c")}, [3]float64{0, nan, 0}, 1},
		// Nothing true or predicted positive: all three are undefined.
		{"binary all negative", []string{"n", "n"}, []string{"n", "n"}, []Option{WithPosLabel("p")}, [3]float64{nan, nan, nan}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := PRFLabels(tt.yTrue, tt.yPred, append(tt.opts, WithZeroDivision(ZeroDivisionNaN))...)
			if err != nil {
				t.Fatal(err)
			}
			checkClose(t, "precision", got.Precision, tt.want[0])
			checkClose(t, "recall", got.Recall, tt.want[1])
			checkClose(t, "F-score", got.FScore, tt.want[2])
			if len(got.Warnings) != tt.warnings {
				t.Errorf("warnings = %q, want %d", got.Warnings, tt.warnings)
			}
		})
	}
}

// TestBetaLimits checks the F-score's limits: beta 0 gives precision and
// beta +Inf gives recall.
func TestBetaLimits(t *testing.T) {
	yTrue, yPred := []int{1, 1, 1, 0, 0}, []int{1, 0, 0, 1, 0}
	base, err := PRF(yTrue, yPred, 2)
	if err != nil {
		t.Fatal(err)
	}
	f0, err := PRF(yTrue, yPred, 2, WithBeta(0))
	if err != nil {
		t.Fatal(err)
	}
	fInf, err := PRF(yTrue, yPred, 2, WithBeta(math.Inf(1)))
	if err != nil {
		t.Fatal(err)
	}
	checkClose(t, "F0", f0.FScore, base.Precision)
	checkClose(t, "F+Inf", fInf.FScore, base.Recall)
	checkClose(t, "F1", base.FScore, 2.0*1/(2*1+1+2))
}

// TestIntAndStringFormsAgree checks that class indices and their names as
// strings give the same scores and report.
func TestIntAndStringFormsAgree(t *testing.T) {
	yTrue := []int{0, 1, 2, 2, 1, 0, 2, 2}
	yPred := []int{0, 2, 2, 1, 1, 0, 0, 2}
	w := []float64{1, 2, 0.5, 1, 1, 3, 1, 0}
	names := classNames(3)
	sTrue, sPred := make([]string, len(yTrue)), make([]string, len(yPred))
	for i := range yTrue {
		sTrue[i], sPred[i] = names[yTrue[i]], names[yPred[i]]
	}
	ri, err := ClassificationReport(yTrue, yPred, 3, WithWeights(w))
	if err != nil {
		t.Fatal(err)
	}
	rs, err := ClassificationReportLabels(sTrue, sPred, WithWeights(w))
	if err != nil {
		t.Fatal(err)
	}
	checkSlice(t, "F1 per class", ri.Classes.FScore, rs.Classes.FScore)
	checkClose(t, "accuracy", ri.Accuracy, rs.Accuracy)
	checkClose(t, "macro F1", ri.Macro.FScore, rs.Macro.FScore)
	checkClose(t, "weighted recall", ri.Weighted.Recall, rs.Weighted.Recall)
	checkClose(t, "micro F1 vs accuracy", ri.Micro.FScore, ri.Accuracy)
}

func TestConfusionNormalized(t *testing.T) {
	cm, err := ConfusionMatrix([]int{0, 0, 0, 1, 2}, []int{0, 1, 1, 1, 1}, 3)
	if err != nil {
		t.Fatal(err)
	}
	// Rows (true): [1 2 0] [0 1 0] [0 1 0]; class 2 is never predicted.
	tests := []struct {
		by   Normalize
		want [][]float64
	}{
		{NormalizeTrue, [][]float64{{1.0 / 3, 2.0 / 3, 0}, {0, 1, 0}, {0, 1, 0}}},
		{NormalizePred, [][]float64{{1, 0.5, 0}, {0, 0.25, 0}, {0, 0.25, 0}}},
		{NormalizeAll, [][]float64{{0.2, 0.4, 0}, {0, 0.2, 0}, {0, 0.2, 0}}},
	}
	for _, tt := range tests {
		got := cm.Normalized(tt.by)
		for i := range tt.want {
			checkSlice(t, "normalized row", got[i], tt.want[i])
		}
	}
}

func TestAUC(t *testing.T) {
	tests := []struct {
		name string
		x, y []float64
		want float64
	}{
		{"increasing", []float64{0, 0.5, 1}, []float64{0, 1, 1}, 0.75},
		{"decreasing", []float64{1, 0.5, 0}, []float64{1, 1, 0}, 0.75},
		{"constant x", []float64{2, 2}, []float64{0, 5}, 0},
	}
	for _, tt := range tests {
		got, err := AUC(tt.x, tt.y)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		checkClose(t, tt.name, got, tt.want)
	}
}

func TestBestF1(t *testing.T) {
	c := ThresholdCurve{Thresholds: []float64{0.1, 0.4, 0.7}, F1: []float64{0.5, 0.8, 0.8}}
	thr, f1 := c.BestF1()
	if thr != 0.4 || f1 != 0.8 {
		t.Errorf("BestF1() = %v, %v, want 0.4, 0.8 (the lowest threshold among ties)", thr, f1)
	}
	thr, f1 = ThresholdCurve{}.BestF1()
	if !math.IsNaN(thr) || !math.IsNaN(f1) {
		t.Errorf("BestF1() of an empty curve = %v, %v, want NaN, NaN", thr, f1)
	}
}
