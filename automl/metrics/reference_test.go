package metrics

import (
	"math"
	"testing"
)

// reference is testdata/reference.json, written by gen_reference.py.
type reference struct {
	SklearnVersion string              `json:"sklearn_version"`
	Binary         []binaryRef         `json:"binary"`
	Multiclass     []multiclassRef     `json:"multiclass"`
	Classification []classificationRef `json:"classification"`
	LogLossLabels  []logLossLabelsRef  `json:"log_loss_labels"`
	Regression     []regressionRef     `json:"regression"`
}

type binaryRef struct {
	Name     string `json:"name"`
	YTrue    []int  `json:"y_true"`
	Score    []num  `json:"score"`
	Weights  []num  `json:"weights"`
	ROCAUC   result `json:"roc_auc"`
	ROCCurve struct {
		FPR        []num `json:"fpr"`
		TPR        []num `json:"tpr"`
		Thresholds []num `json:"thresholds"`
	} `json:"roc_curve"`
	ROCCurveWarns bool `json:"roc_curve_warns"`
	PRCurve       struct {
		Precision  []num `json:"precision"`
		Recall     []num `json:"recall"`
		Thresholds []num `json:"thresholds"`
	} `json:"pr_curve"`
	PRCurveWarns          bool   `json:"pr_curve_warns"`
	AveragePrecision      result `json:"average_precision"`
	AveragePrecisionWarns bool   `json:"average_precision_warns"`
	ThresholdCurve        struct {
		Thresholds    []num `json:"thresholds"`
		Precision     []num `json:"precision"`
		Recall        []num `json:"recall"`
		F1            []num `json:"f1"`
		BestThreshold num   `json:"best_threshold"`
		BestF1        num   `json:"best_f1"`
	} `json:"threshold_curve"`
	Brier   *result `json:"brier"`
	LogLoss *result `json:"log_loss"`
}

type multiclassRef struct {
	Name        string `json:"name"`
	K           int    `json:"k"`
	YTrue       []int  `json:"y_true"`
	Prob        []num  `json:"prob"`
	Weights     []num  `json:"weights"`
	LogLoss     result `json:"log_loss"`
	OvRMacro    result `json:"roc_auc_ovr_macro"`
	OvRWeighted result `json:"roc_auc_ovr_weighted"`
	OvRMicro    result `json:"roc_auc_ovr_micro"`
	OvRPerClass result `json:"roc_auc_ovr_per_class"`
}

type logLossLabelsRef struct {
	Name    string   `json:"name"`
	YTrue   []string `json:"y_true"`
	Prob    []num    `json:"prob"`
	K       int      `json:"k"`
	Labels  []string `json:"labels"`
	LogLoss result   `json:"log_loss"`
}

type regressionRef struct {
	Name    string `json:"name"`
	YTrue   []num  `json:"y_true"`
	YPred   []num  `json:"y_pred"`
	Weights []num  `json:"weights"`
	MSE     result `json:"mse"`
	RMSE    result `json:"rmse"`
	MAE     result `json:"mae"`
	R2      result `json:"r2"`
	R2Warns bool   `json:"r2_warns"`
	R2Raw   result `json:"r2_raw"`
}

func loadReference(t *testing.T) reference {
	t.Helper()
	var ref reference
	readJSON(t, &ref, "reference.json")
	if len(ref.Binary) == 0 || len(ref.Classification) == 0 {
		t.Fatal("reference.json holds no cases")
	}
	t.Logf("reference values from scikit-learn %s", ref.SklearnVersion)
	return ref
}

func TestReferenceBinary(t *testing.T) {
	for _, r := range loadReference(t).Binary {
		t.Run(r.Name, func(t *testing.T) {
			score, w := floats(r.Score), WithWeights(floats(r.Weights))

			auc, err := ROCAUC(r.YTrue, score, w)
			if r.ROCAUC.err != "" {
				checkErr(t, "ROCAUC", err, sentinelFor(r.ROCAUC.err))
				if !math.IsNaN(auc) {
					t.Errorf("ROCAUC = %v with an undefined AUC, want NaN", auc)
				}
			} else {
				want := r.ROCAUC.value(t)
				checkClose(t, "ROCAUC", auc, want)
				checkUndefined(t, "ROCAUC", err, math.IsNaN(want))
			}

			roc, err := ROCCurve(r.YTrue, score, w)
			checkUndefined(t, "ROCCurve", err, r.ROCCurveWarns)
			checkSlice(t, "FPR", roc.FPR, floats(r.ROCCurve.FPR))
			checkSlice(t, "TPR", roc.TPR, floats(r.ROCCurve.TPR))
			checkSlice(t, "ROC thresholds", roc.Thresholds, floats(r.ROCCurve.Thresholds))

			pr, err := PRCurve(r.YTrue, score, w)
			checkUndefined(t, "PRCurve", err, r.PRCurveWarns)
			checkSlice(t, "precision", pr.Precision, floats(r.PRCurve.Precision))
			checkSlice(t, "recall", pr.Recall, floats(r.PRCurve.Recall))
			checkSlice(t, "PR thresholds", pr.Thresholds, floats(r.PRCurve.Thresholds))

			ap, err := AveragePrecision(r.YTrue, score, w)
			checkClose(t, "AveragePrecision", ap, r.AveragePrecision.value(t))
			checkUndefined(t, "AveragePrecision", err, r.AveragePrecisionWarns)

			tc, err := ThresholdScores(r.YTrue, score, w)
			checkUndefined(t, "ThresholdScores", err, r.PRCurveWarns)
			checkSlice(t, "threshold curve thresholds", tc.Thresholds, floats(r.ThresholdCurve.Thresholds))
			checkSlice(t, "threshold curve precision", tc.Precision, floats(r.ThresholdCurve.Precision))
			checkSlice(t, "threshold curve recall", tc.Recall, floats(r.ThresholdCurve.Recall))
			checkSlice(t, "threshold curve F1", tc.F1, floats(r.ThresholdCurve.F1))
			thr, f1 := tc.BestF1()
			checkClose(t, "best threshold", thr, float64(r.ThresholdCurve.BestThreshold))
			checkClose(t, "best F1", f1, float64(r.ThresholdCurve.BestF1))

			if r.Brier != nil {
				got, err := BrierScore(r.YTrue, score, w)
				if err != nil {
					t.Fatalf("BrierScore: %v", err)
				}
				checkClose(t, "BrierScore", got, r.Brier.value(t))
			}
			if r.LogLoss != nil {
				got, err := LogLoss(r.YTrue, score, 1, w)
				if err != nil {
					t.Fatalf("LogLoss: %v", err)
				}
				checkClose(t, "LogLoss", got, r.LogLoss.value(t))
			}
		})
	}
}

func TestReferenceMulticlass(t *testing.T) {
	for _, r := range loadReference(t).Multiclass {
		t.Run(r.Name, func(t *testing.T) {
			prob, w := floats(r.Prob), WithWeights(floats(r.Weights))

			ll, err := LogLoss(r.YTrue, prob, r.K, w)
			if err != nil {
				t.Fatalf("LogLoss: %v", err)
			}
			checkClose(t, "LogLoss", ll, r.LogLoss.value(t))

			for _, c := range []struct {
				avg  Average
				want result
			}{{AverageMacro, r.OvRMacro}, {AverageWeighted, r.OvRWeighted}, {AverageMicro, r.OvRMicro}} {
				got, err := ROCAUCOvR(r.YTrue, prob, r.K, w, WithAverage(c.avg))
				what := "ROCAUCOvR " + c.avg.String()
				if c.want.err != "" {
					checkErr(t, what, err, sentinelFor(c.want.err))
					continue
				}
				if err != nil {
					t.Errorf("%s: %v", what, err)
				}
				checkClose(t, what, got, c.want.value(t))
			}

			per, err := ROCAUCPerClass(r.YTrue, prob, r.K, w)
			if r.OvRPerClass.err != "" {
				checkErr(t, "ROCAUCPerClass", err, sentinelFor(r.OvRPerClass.err))
				return
			}
			if err != nil {
				t.Errorf("ROCAUCPerClass: %v", err)
			}
			checkSlice(t, "ROCAUCPerClass", per, r.OvRPerClass.vals)
		})
	}
}

func TestReferenceLogLossLabels(t *testing.T) {
	for _, r := range loadReference(t).LogLossLabels {
		t.Run(r.Name, func(t *testing.T) {
			var opts []Option
			if r.Labels != nil {
				opts = append(opts, WithLabels(r.Labels...))
			}
			got, err := LogLossLabels(r.YTrue, floats(r.Prob), r.K, opts...)
			if r.LogLoss.err != "" {
				checkErr(t, "LogLossLabels", err, sentinelFor(r.LogLoss.err))
				return
			}
			if err != nil {
				t.Fatalf("LogLossLabels: %v", err)
			}
			checkClose(t, "LogLossLabels", got, r.LogLoss.value(t))
		})
	}
}

func TestReferenceRegression(t *testing.T) {
	for _, r := range loadReference(t).Regression {
		t.Run(r.Name, func(t *testing.T) {
			yTrue, yPred, w := floats(r.YTrue), floats(r.YPred), WithWeights(floats(r.Weights))
			for _, c := range []struct {
				name string
				f    func([]float64, []float64, ...Option) (float64, error)
				want result
			}{{"MSE", MSE, r.MSE}, {"RMSE", RMSE, r.RMSE}, {"MAE", MAE, r.MAE}} {
				got, err := c.f(yTrue, yPred, w)
				if err != nil {
					t.Fatalf("%s: %v", c.name, err)
				}
				checkClose(t, c.name, got, c.want.value(t))
			}

			r2, err := R2(yTrue, yPred, w)
			checkClose(t, "R2", r2, r.R2.value(t))
			checkUndefined(t, "R2", err, r.R2Warns)

			raw, err := R2(yTrue, yPred, w, WithForceFinite(false))
			want := r.R2Raw.value(t)
			checkClose(t, "R2 raw", raw, want)
			checkUndefined(t, "R2 raw", err, math.IsNaN(want) || math.IsInf(want, 0))
		})
	}
}
