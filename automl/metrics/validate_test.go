package metrics

import (
	"errors"
	"strings"
	"testing"
)

// TestInvalidInputs checks that bad inputs and options are refused with the
// right sentinel and a message naming the argument.
func TestInvalidInputs(t *testing.T) {
	y := []int{0, 1, 1, 0}
	s := []float64{0.1, 0.8, 0.6, 0.3}
	tests := []struct {
		name    string
		call    func() error
		want    error
		mention string
	}{
		{"empty", func() error { _, err := ROCAUC(nil, nil); return err }, ErrEmpty, "yTrue"},
		{"empty regression", func() error { _, err := MSE([]float64{}, []float64{}); return err }, ErrEmpty, "yTrue"},
		{"empty labels", func() error { _, err := LogLossLabels(nil, nil, 2); return err }, ErrEmpty, "yTrue"},
		{"length", func() error { _, err := ROCAUC(y, s[:3]); return err }, ErrLength, "score has 3"},
		{"length pred", func() error { _, err := Accuracy(y, y[:2]); return err }, ErrLength, "yPred has 2"},
		{"length weights", func() error { _, err := ROCAUC(y, s, WithWeights([]float64{1})); return err }, ErrLength, "weights"},
		{"length prob", func() error { _, err := LogLoss(y, s[:3], 1); return err }, ErrLength, "prob"},
		{"length prob rows", func() error { _, err := LogLoss(y, make([]float64, 7), 2); return err }, ErrLength, "prob has 7"},
		{"binary label", func() error { _, err := ROCAUC([]int{0, 2, 1, 0}, s); return err }, ErrLabel, "yTrue[1] = 2"},
		{"class index", func() error { _, err := PRF(y, []int{0, 3, 1, 0}, 3, WithAverage(AverageMacro)); return err }, ErrLabel, "yPred[1] = 3"},
		{"negative class", func() error { _, err := ConfusionMatrix([]int{-1, 0}, []int{0, 0}, 2); return err }, ErrLabel, "yTrue[0] = -1"},
		{"duplicate labels", func() error {
			_, err := PRFLabels([]string{"a"}, []string{"a"}, WithAverage(AverageMacro), WithLabels("a", "a"))
			return err
		}, ErrLabel, `repeats label "a"`},
		{"no label in yTrue", func() error {
			_, err := ConfusionMatrixLabels([]string{"a"}, []string{"b"}, WithLabels("b"))
			return err
		}, ErrLabel, "yTrue"},
		{"pos label not present", func() error {
			_, err := PRFLabels([]string{"a", "b"}, []string{"b", "a"}, WithPosLabel("c"))
			return err
		}, ErrLabel, `"c"`},
		{"unknown yTrue label", func() error {
			_, err := LogLossLabels([]string{"a", "z"}, []float64{0.5, 0.5}, 1, WithLabels("a", "b"))
			return err
		}, ErrLabel, `yTrue[1] = "z"`},
		{"negative weight", func() error {
			_, err := MAE([]float64{1, 2}, []float64{1, 2}, WithWeights([]float64{1, -1}))
			return err
		}, ErrInvalid, "weights[1]"},
		{"zero weights", func() error {
			_, err := MAE([]float64{1, 2}, []float64{1, 2}, WithWeights([]float64{0, 0}))
			return err
		}, ErrInvalid, "sum to zero"},
		{"option not applicable", func() error { _, err := ROCAUC(y, s, WithBeta(2)); return err }, ErrInvalid, "WithBeta"},
		{"labels on class indices", func() error { _, err := PRF(y, y, 2, WithLabels("0")); return err }, ErrInvalid, "WithLabels"},
		{"negative beta", func() error { _, err := PRF(y, y, 2, WithBeta(-1)); return err }, ErrInvalid, "beta"},
		{"bad eps", func() error { _, err := LogLoss(y, s, 1, WithEps(0)); return err }, ErrInvalid, "eps"},
		{"bad average", func() error { _, err := PRF(y, y, 2, WithAverage(0)); return err }, ErrInvalid, "average"},
		{"bad zero division", func() error { _, err := PRF(y, y, 2, WithZeroDivision(7)); return err }, ErrInvalid, "zero division"},
		{"binary with k=3", func() error { _, err := PRF(y, y, 3); return err }, ErrInvalid, "AverageBinary"},
		{"binary needs pos label", func() error { _, err := PRFLabels([]string{"a"}, []string{"a"}); return err }, ErrInvalid, "WithPosLabel"},
		{"binary on multiclass labels", func() error {
			_, err := PRFLabels([]string{"a", "b", "c"}, []string{"a", "b", "b"}, WithPosLabel("a"))
			return err
		}, ErrInvalid, "3"},
		{"pos label without binary", func() error {
			_, err := PRFLabels([]string{"a"}, []string{"a"}, WithAverage(AverageMacro), WithPosLabel("a"))
			return err
		}, ErrInvalid, "WithPosLabel"},
		{"labels with binary", func() error {
			_, err := PRFLabels([]string{"a"}, []string{"a"}, WithPosLabel("a"), WithLabels("a"))
			return err
		}, ErrInvalid, "WithLabels"},
		{"ovr k=2", func() error { _, err := ROCAUCOvR(y, make([]float64, 8), 2); return err }, ErrInvalid, "k = 2"},
		{"ovr rows", func() error {
			_, err := ROCAUCOvR([]int{0, 1, 2}, []float64{.5, .5, .5, 0, 1, 0, 0, 0, 1}, 3)
			return err
		}, ErrInvalid, "row 0"},
		{"ovr binary average", func() error {
			_, err := ROCAUCOvR([]int{0}, []float64{1, 0, 0}, 3, WithAverage(AverageBinary))
			return err
		}, ErrInvalid, "ROCAUC"},
		{"brier range", func() error { _, err := BrierScore(y, []float64{0, 1.5, 1, 0}); return err }, ErrInvalid, "prob[1] = 1.5"},
		{"log loss classes", func() error { _, err := LogLossLabels([]string{"a", "b", "c"}, make([]float64, 6), 2); return err }, ErrInvalid, "3 classes"},
		{"one class k", func() error { _, err := ConfusionMatrix(y, y, 1); return err }, ErrInvalid, "k = 1"},
		{"auc one point", func() error { _, err := AUC([]float64{0}, []float64{1}); return err }, ErrInvalid, "2 points"},
		{"auc not monotonic", func() error { _, err := AUC([]float64{0, 1, 0.5}, []float64{0, 1, 1}); return err }, ErrInvalid, "neither"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want it to wrap %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.mention) {
				t.Errorf("err = %q, want it to mention %q", err, tt.mention)
			}
			if !strings.HasPrefix(err.Error(), "metrics: ") {
				t.Errorf("err = %q, want the prefix %q", err, "metrics: ")
			}
		})
	}
}

// TestTiesAndZeroWeights checks that a NaN-free tie order or zero-weight
// samples cannot change a curve: permuting tied samples gives the same AUC,
// and a zero-weight sample contributes no threshold.
func TestTiesAndZeroWeights(t *testing.T) {
	y1, s1 := []int{1, 0, 1, 0, 0}, []float64{0.5, 0.5, 0.5, 0.2, 0.9}
	y2, s2 := []int{0, 0, 1, 1, 0}, []float64{0.9, 0.5, 0.5, 0.5, 0.2}
	a1, err1 := ROCAUC(y1, s1)
	a2, err2 := ROCAUC(y2, s2)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if a1 != a2 {
		t.Errorf("AUC of permuted ties = %v and %v, want equal", a1, a2)
	}

	roc, err := ROCCurve([]int{0, 1, 0, 1}, []float64{0.2, 0.7, 0.99, 0.4}, WithWeights([]float64{1, 1, 0, 1}))
	if err != nil {
		t.Fatal(err)
	}
	for _, thr := range roc.Thresholds {
		if thr == 0.99 {
			t.Errorf("thresholds = %v, want no threshold from the zero-weight sample 0.99", roc.Thresholds)
		}
	}
}
