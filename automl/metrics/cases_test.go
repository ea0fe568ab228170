package metrics

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
)

// The tests in this file turn the shared cases (copied to testdata/cases)
// into tests: each reads the case's input.json and expected.json.

type binaryInput struct {
	YTrue  []int `json:"y_true"`
	YScore []num `json:"y_score"`
}

// TestCaseM01SingleClass: ROC AUC and AP when yTrue holds one class.
func TestCaseM01SingleClass(t *testing.T) {
	var in map[string]binaryInput
	var want struct {
		AllNegative struct {
			TPRIsNaN bool    `json:"tpr_is_nan"`
			AP       float64 `json:"average_precision_sklearn"`
		} `json:"all_negative"`
		AllPositive struct {
			AP float64 `json:"average_precision"`
		} `json:"all_positive"`
		BothClasses struct {
			ROCAUC float64 `json:"roc_auc"`
			AP     float64 `json:"average_precision"`
		} `json:"both_classes"`
	}
	readJSON(t, &in, "cases", "m01", "input.json")
	readJSON(t, &want, "cases", "m01", "expected.json")

	for _, name := range []string{"all_negative", "all_positive"} {
		c := in[name]
		auc, err := ROCAUC(c.YTrue, floats(c.YScore))
		checkUndefined(t, name+" ROCAUC", err, true)
		if !math.IsNaN(auc) {
			t.Errorf("%s: ROCAUC = %v, want NaN (never a number)", name, auc)
		}
		if err != nil && !strings.Contains(err.Error(), "only one class") {
			t.Errorf("%s: ROCAUC error %q does not name the problem", name, err)
		}
	}

	neg := in["all_negative"]
	roc, err := ROCCurve(neg.YTrue, floats(neg.YScore))
	checkUndefined(t, "all_negative ROCCurve", err, true)
	if got := math.IsNaN(roc.TPR[len(roc.TPR)-1]); got != want.AllNegative.TPRIsNaN {
		t.Errorf("all_negative: TPR is NaN = %v, want %v", got, want.AllNegative.TPRIsNaN)
	}
	ap, err := AveragePrecision(neg.YTrue, floats(neg.YScore))
	checkClose(t, "all_negative AP", ap, want.AllNegative.AP)
	checkUndefined(t, "all_negative AP", err, true)

	pos := in["all_positive"]
	ap, err = AveragePrecision(pos.YTrue, floats(pos.YScore))
	checkClose(t, "all_positive AP", ap, want.AllPositive.AP)
	checkUndefined(t, "all_positive AP", err, false)

	both := in["both_classes"]
	auc, err := ROCAUC(both.YTrue, floats(both.YScore))
	if err != nil {
		t.Fatalf("both_classes ROCAUC: %v", err)
	}
	checkClose(t, "both_classes ROCAUC", auc, want.BothClasses.ROCAUC)
	ap, err = AveragePrecision(both.YTrue, floats(both.YScore))
	if err != nil {
		t.Fatalf("both_classes AP: %v", err)
	}
	checkClose(t, "both_classes AP", ap, want.BothClasses.AP)
}

// TestCaseM03ConstantScores: one operating point; AP is the step sum.
func TestCaseM03ConstantScores(t *testing.T) {
	var in binaryInput
	var want struct {
		ROCAUC       float64   `json:"roc_auc"`
		AP           float64   `json:"average_precision"`
		PRPrecision  []float64 `json:"pr_precision"`
		PRRecall     []float64 `json:"pr_recall"`
		PRThresholds []float64 `json:"pr_thresholds"`
		FPR          []float64 `json:"roc_fpr"`
		TPR          []float64 `json:"roc_tpr"`
	}
	readJSON(t, &in, "cases", "m03", "input.json")
	readJSON(t, &want, "cases", "m03", "expected.json")
	score := floats(in.YScore)

	auc, err := ROCAUC(in.YTrue, score)
	if err != nil {
		t.Fatal(err)
	}
	checkClose(t, "ROCAUC", auc, want.ROCAUC)
	ap, err := AveragePrecision(in.YTrue, score)
	if err != nil {
		t.Fatal(err)
	}
	checkClose(t, "AveragePrecision", ap, want.AP)
	pr, err := PRCurve(in.YTrue, score)
	if err != nil {
		t.Fatal(err)
	}
	checkSlice(t, "precision", pr.Precision, want.PRPrecision)
	checkSlice(t, "recall", pr.Recall, want.PRRecall)
	checkSlice(t, "PR thresholds", pr.Thresholds, want.PRThresholds)
	roc, err := ROCCurve(in.YTrue, score)
	if err != nil {
		t.Fatal(err)
	}
	checkSlice(t, "FPR", roc.FPR, want.FPR)
	checkSlice(t, "TPR", roc.TPR, want.TPR)
}

// TestCaseM04ZeroDivision: F1 from counts; zero_division only for a zero
// denominator.
func TestCaseM04ZeroDivision(t *testing.T) {
	type prf struct {
		Precision float64 `json:"precision"`
		Recall    float64 `json:"recall"`
		F1        float64 `json:"f1"`
	}
	var in map[string]struct {
		YTrue []int `json:"y_true"`
		YPred []int `json:"y_pred"`
	}
	var want map[string]json.RawMessage // cases plus "rule", "notes", ...
	readJSON(t, &in, "cases", "m04", "input.json")
	readJSON(t, &want, "cases", "m04", "expected.json")

	for name, c := range in {
		t.Run(name, func(t *testing.T) {
			var w struct {
				TP, FP, FN float64
				Zero       prf `json:"zero_division_0"`
				One        prf `json:"zero_division_1"`
			}
			mustDecode(t, want[name], &w)
			cm, err := ConfusionMatrix(c.YTrue, c.YPred, 2)
			if err != nil {
				t.Fatal(err)
			}
			checkClose(t, "tp", cm.Counts[1][1], w.TP)
			checkClose(t, "fp", cm.Counts[0][1], w.FP)
			checkClose(t, "fn", cm.Counts[1][0], w.FN)
			for _, zc := range []struct {
				zd   ZeroDivision
				want prf
			}{{ZeroDivisionZero, w.Zero}, {ZeroDivisionOne, w.One}} {
				got, err := PRF(c.YTrue, c.YPred, 2, WithZeroDivision(zc.zd))
				if err != nil {
					t.Fatal(err)
				}
				checkClose(t, "precision", got.Precision, zc.want.Precision)
				checkClose(t, "recall", got.Recall, zc.want.Recall)
				checkClose(t, "F1", got.FScore, zc.want.F1)
			}
		})
	}
}

// TestCaseM05LabelOnlyInPred: the default label set is the union.
func TestCaseM05LabelOnlyInPred(t *testing.T) {
	type avg struct {
		Precision, Recall, F1 float64
	}
	var in struct {
		YTrue []string `json:"y_true"`
		YPred []string `json:"y_pred"`
	}
	var want struct {
		Labels   []string
		Accuracy float64
		Macro    avg
		Micro    avg
		Weighted avg
		PerLabel struct {
			Precision, Recall, F1, Support []float64
		} `json:"per_label"`
		MacroAB avg `json:"macro_labels_ab"`
	}
	readJSON(t, &in, "cases", "m05", "input.json")
	readJSON(t, &want, "cases", "m05", "expected.json")

	acc, err := AccuracyLabels(in.YTrue, in.YPred)
	if err != nil {
		t.Fatal(err)
	}
	checkClose(t, "accuracy", acc, want.Accuracy)

	for _, c := range []struct {
		name string
		opts []Option
		want avg
	}{
		{"macro", []Option{WithAverage(AverageMacro)}, want.Macro},
		{"micro", []Option{WithAverage(AverageMicro)}, want.Micro},
		{"weighted", []Option{WithAverage(AverageWeighted)}, want.Weighted},
		{"macro labels a,b", []Option{WithAverage(AverageMacro), WithLabels("a", "b")}, want.MacroAB},
	} {
		got, err := PRFLabels(in.YTrue, in.YPred, c.opts...)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		checkClose(t, c.name+" precision", got.Precision, c.want.Precision)
		checkClose(t, c.name+" recall", got.Recall, c.want.Recall)
		checkClose(t, c.name+" F1", got.FScore, c.want.F1)
	}

	per, err := PerClassLabels(in.YTrue, in.YPred)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(per.Labels, ",") != strings.Join(want.Labels, ",") {
		t.Errorf("labels = %q, want %q", per.Labels, want.Labels)
	}
	checkSlice(t, "precision", per.Precision, want.PerLabel.Precision)
	checkSlice(t, "recall", per.Recall, want.PerLabel.Recall)
	checkSlice(t, "F1", per.FScore, want.PerLabel.F1)
	checkSlice(t, "support", per.Support, want.PerLabel.Support)
	if len(per.Warnings) != 1 || !strings.Contains(per.Warnings[0], `recall of label "c"`) {
		t.Errorf("warnings = %q, want one about the recall of label c", per.Warnings)
	}
}

// TestCaseM07LogLoss: clipping at machine epsilon, one label, string classes.
func TestCaseM07LogLoss(t *testing.T) {
	var in struct {
		HardWrong struct {
			YTrue []int       `json:"y_true"`
			YProb [][]float64 `json:"y_prob"`
		} `json:"hard_wrong"`
		Perfect1D        probInput `json:"perfect_1d"`
		ConfidentWrong1D probInput `json:"confident_wrong_1d"`
		SingleLabel      probInput `json:"single_label"`
		StringLabels     struct {
			YTrue      []string    `json:"y_true"`
			YProb      [][]float64 `json:"y_prob"`
			ClassOrder []string    `json:"class_order"`
		} `json:"string_labels"`
	}
	var want struct {
		ClipEps   float64 `json:"clip_eps"`
		HardWrong struct {
			LogLoss float64 `json:"log_loss"`
			Eps1e15 float64 `json:"with_eps_1e-15"`
		} `json:"hard_wrong"`
		Perfect1D struct {
			LogLoss float64 `json:"log_loss"`
		} `json:"perfect_1d"`
		ConfidentWrong1D struct {
			LogLoss float64 `json:"log_loss"`
		} `json:"confident_wrong_1d"`
		SingleLabel struct {
			WithLabels float64 `json:"with_labels"`
		} `json:"single_label"`
		StringLabels struct {
			LogLoss float64 `json:"log_loss"`
		} `json:"string_labels"`
	}
	readJSON(t, &in, "cases", "m07", "input.json")
	readJSON(t, &want, "cases", "m07", "expected.json")
	if MachineEpsilon != want.ClipEps {
		t.Errorf("MachineEpsilon = %v, want %v", MachineEpsilon, want.ClipEps)
	}

	hard := flatten(in.HardWrong.YProb)
	check := func(what string, got float64, err error, want float64) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		checkClose(t, what, got, want)
		if math.IsInf(got, 0) {
			t.Errorf("%s = %v, want a finite loss", what, got)
		}
	}
	got, err := LogLoss(in.HardWrong.YTrue, hard, 2)
	check("hard_wrong", got, err, want.HardWrong.LogLoss)
	got, err = LogLoss(in.HardWrong.YTrue, hard, 2, WithEps(1e-15))
	check("hard_wrong eps 1e-15", got, err, want.HardWrong.Eps1e15)
	got, err = LogLoss(in.Perfect1D.YTrue, floats(in.Perfect1D.YProbPos), 1)
	check("perfect_1d", got, err, want.Perfect1D.LogLoss)
	got, err = LogLoss(in.ConfidentWrong1D.YTrue, floats(in.ConfidentWrong1D.YProbPos), 1)
	check("confident_wrong_1d", got, err, want.ConfidentWrong1D.LogLoss)

	// One label in yTrue: the string form cannot know the classes.
	single := in.SingleLabel
	names := func(y []int) []string {
		out := make([]string, len(y))
		for i, v := range y {
			out[i] = string(rune('0' + v))
		}
		return out
	}
	_, err = LogLossLabels(names(single.YTrue), floats(single.YProbPos), 1)
	if !errors.Is(err, ErrLabel) || !strings.Contains(err.Error(), "only one label") {
		t.Errorf("single label without labels: err = %v, want ErrLabel naming the one label", err)
	}
	got, err = LogLossLabels(names(single.YTrue), floats(single.YProbPos), 1, WithLabels(names(single.Labels)...))
	check("single_label with labels", got, err, want.SingleLabel.WithLabels)
	got, err = LogLoss(single.YTrue, floats(single.YProbPos), 1)
	check("single_label class indices", got, err, want.SingleLabel.WithLabels)

	sl := in.StringLabels
	got, err = LogLossLabels(sl.YTrue, flatten(sl.YProb), 2)
	check("string_labels", got, err, want.StringLabels.LogLoss)
	got, err = LogLossLabels(sl.YTrue, flatten(sl.YProb), 2, WithLabels(sl.ClassOrder[1], sl.ClassOrder[0]))
	check("string_labels, labels given unsorted", got, err, want.StringLabels.LogLoss)
}

type probInput struct {
	YTrue    []int `json:"y_true"`
	YProbPos []num `json:"y_prob_pos"`
	Labels   []int `json:"labels"`
}

func flatten(rows [][]float64) []float64 {
	var out []float64
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}

// TestCaseM08Regression: errors, and R2 with a constant target or one sample.
func TestCaseM08Regression(t *testing.T) {
	var in map[string]struct {
		YTrue []float64 `json:"y_true"`
		YPred []float64 `json:"y_pred"`
	}
	var want map[string]json.RawMessage // cases plus "notes", ...
	readJSON(t, &in, "cases", "m08", "input.json")
	readJSON(t, &want, "cases", "m08", "expected.json")

	fns := map[string]func(yTrue, yPred []float64) (float64, error){
		"mse":  func(a, b []float64) (float64, error) { return MSE(a, b) },
		"rmse": func(a, b []float64) (float64, error) { return RMSE(a, b) },
		"mae":  func(a, b []float64) (float64, error) { return MAE(a, b) },
		"r2":   func(a, b []float64) (float64, error) { return R2(a, b) },
		"r2_force_finite": func(a, b []float64) (float64, error) {
			return R2(a, b, WithForceFinite(true))
		},
		"r2_raw": func(a, b []float64) (float64, error) { return R2(a, b, WithForceFinite(false)) },
	}
	for name, c := range in {
		var metrics map[string]any
		mustDecode(t, want[name], &metrics)
		for metric, w := range metrics {
			t.Run(name+"/"+metric, func(t *testing.T) {
				wantV := parseExpected(t, w)
				got, err := fns[metric](c.YTrue, c.YPred)
				checkClose(t, metric, got, wantV)
				nonFinite := math.IsNaN(wantV) || math.IsInf(wantV, 0)
				checkUndefined(t, metric, err, nonFinite)
				if metric == "r2_force_finite" && nonFinite {
					t.Errorf("force-finite R2 = %v, want a finite value", got)
				}
			})
		}
	}
}

// parseExpected reads a number or "NaN", "-Inf", "+Inf".
func parseExpected(t *testing.T, v any) float64 {
	t.Helper()
	switch x := v.(type) {
	case float64:
		return x
	case string:
		switch x {
		case "NaN":
			return math.NaN()
		case "-Inf":
			return math.Inf(-1)
		case "+Inf", "Inf":
			return math.Inf(1)
		}
	}
	t.Fatalf("unexpected expected value %v", v)
	return 0
}

// TestCaseM09NaNInf: every metric refuses NaN and infinity, naming them.
func TestCaseM09NaNInf(t *testing.T) {
	var in struct {
		NaNScore      binaryInput `json:"nan_score"`
		InfScore      binaryInput `json:"inf_score"`
		NaNRegression struct {
			YTrue []num `json:"y_true"`
			YPred []num `json:"y_pred"`
		} `json:"nan_regression"`
		NaNProba probInput `json:"nan_proba"`
	}
	readJSON(t, &in, "cases", "m09", "input.json")
	nanS, infS := floats(in.NaNScore.YScore), floats(in.InfScore.YScore)
	regT, regP := floats(in.NaNRegression.YTrue), floats(in.NaNRegression.YPred)
	prob := floats(in.NaNProba.YProbPos)

	tests := []struct {
		name, mention string
		call          func() error
	}{
		{"ROCAUC NaN", "score[1] is NaN", func() error { _, err := ROCAUC(in.NaNScore.YTrue, nanS); return err }},
		{"AveragePrecision NaN", "score[1] is NaN", func() error { _, err := AveragePrecision(in.NaNScore.YTrue, nanS); return err }},
		{"ROCCurve NaN", "score[1] is NaN", func() error { _, err := ROCCurve(in.NaNScore.YTrue, nanS); return err }},
		{"PRCurve NaN", "score[1] is NaN", func() error { _, err := PRCurve(in.NaNScore.YTrue, nanS); return err }},
		{"ThresholdScores NaN", "score[1] is NaN", func() error { _, err := ThresholdScores(in.NaNScore.YTrue, nanS); return err }},
		{"ROCAUC Inf", "score[1] is +Inf (infinity)", func() error { _, err := ROCAUC(in.InfScore.YTrue, infS); return err }},
		{"ROCCurve Inf", "score[1] is +Inf (infinity)", func() error { _, err := ROCCurve(in.InfScore.YTrue, infS); return err }},
		{"MSE NaN", "yPred[1] is NaN", func() error { _, err := MSE(regT, regP); return err }},
		{"R2 NaN", "yPred[1] is NaN", func() error { _, err := R2(regT, regP); return err }},
		{"MAE NaN", "yPred[1] is NaN", func() error { _, err := MAE(regT, regP); return err }},
		{"RMSE NaN in yTrue", "yTrue[1] is NaN", func() error { _, err := RMSE(regP, regT); return err }},
		{"LogLoss NaN", "prob[1] is NaN", func() error { _, err := LogLoss(in.NaNProba.YTrue, prob, 1); return err }},
		{"BrierScore NaN", "prob[1] is NaN", func() error { _, err := BrierScore(in.NaNProba.YTrue, prob); return err }},
		{"LogLossLabels NaN", "prob[1] is NaN", func() error {
			_, err := LogLossLabels([]string{"a", "b"}, prob, 1)
			return err
		}},
		{"ROCAUCOvR NaN", "prob[4] is NaN", func() error {
			_, err := ROCAUCOvR([]int{0, 1, 2}, []float64{1, 0, 0, 0, math.NaN(), 0, 0, 0, 1}, 3)
			return err
		}},
		{"weights NaN", "weights[0] is NaN", func() error {
			_, err := Accuracy([]int{0, 1}, []int{0, 1}, WithWeights([]float64{math.NaN(), 1}))
			return err
		}},
		{"AUC Inf", "x[1] is -Inf (infinity)", func() error { _, err := AUC([]float64{0, math.Inf(-1)}, []float64{0, 1}); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if !errors.Is(err, ErrNonFinite) {
				t.Fatalf("err = %v, want ErrNonFinite", err)
			}
			if !strings.Contains(err.Error(), tt.mention) {
				t.Errorf("err = %q, want it to mention %q", err, tt.mention)
			}
		})
	}
}
