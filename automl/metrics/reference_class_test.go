package metrics

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
)

// classificationRef is one label-prediction case of reference.json. With K
// set the labels are class indices (scored with labels=range(K)); otherwise
// they are strings.
type classificationRef struct {
	Name            string          `json:"name"`
	K               *int            `json:"k"`
	YTrue           json.RawMessage `json:"y_true"`
	YPred           json.RawMessage `json:"y_pred"`
	Weights         []num           `json:"weights"`
	Labels          json.RawMessage `json:"labels"`
	PosLabel        json.RawMessage `json:"pos_label"`
	Accuracy        result          `json:"accuracy"`
	ConfusionMatrix json.RawMessage `json:"confusion_matrix"`
	ConfusionLabels []any           `json:"confusion_labels"`
	PRF             []prfRef        `json:"prf"`
	Report          reportRef       `json:"report"`
}

type prfRef struct {
	Average      string  `json:"average"`
	ZeroDivision string  `json:"zero_division"`
	Beta         float64 `json:"beta"`
	Warns        bool    `json:"warns"`
	Error        string  `json:"error"`
	Precision    result  `json:"precision"`
	Recall       result  `json:"recall"`
	FScore       result  `json:"fscore"`
	Support      result  `json:"support"`
}

type reportRef struct {
	Error   string `json:"error"`
	Classes []struct {
		Label     string  `json:"label"`
		Precision float64 `json:"precision"`
		Recall    float64 `json:"recall"`
		FScore    float64 `json:"fscore"`
		Support   float64 `json:"support"`
	} `json:"classes"`
	Accuracy *float64 `json:"accuracy"`
	Averages map[string]struct {
		Precision float64 `json:"precision"`
		Recall    float64 `json:"recall"`
		FScore    float64 `json:"f1-score"`
		Support   float64 `json:"support"`
	} `json:"averages"`
}

// classCase runs the integer or the string form of each function.
type classCase struct {
	ints         bool
	k            int
	iTrue, iPred []int
	sTrue, sPred []string
	labels       []string
	posLabel     string
	weights      []float64
}

func newClassCase(t *testing.T, r classificationRef) classCase {
	t.Helper()
	c := classCase{weights: floats(r.Weights)}
	if r.K != nil {
		c.ints, c.k = true, *r.K
		mustDecode(t, r.YTrue, &c.iTrue)
		mustDecode(t, r.YPred, &c.iPred)
		return c
	}
	mustDecode(t, r.YTrue, &c.sTrue)
	mustDecode(t, r.YPred, &c.sPred)
	mustDecode(t, r.Labels, &c.labels)
	mustDecode(t, r.PosLabel, &c.posLabel)
	return c
}

func mustDecode(t *testing.T, b json.RawMessage, v any) {
	t.Helper()
	if string(b) == "null" {
		return
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
}

// opts adds the label options of the string form to extra.
func (c classCase) opts(withLabels bool, extra ...Option) []Option {
	extra = append(extra, WithWeights(c.weights))
	if withLabels && c.labels != nil {
		extra = append(extra, WithLabels(c.labels...))
	}
	return extra
}

func (c classCase) scores(avg Average, extra ...Option) (Scores, error) {
	extra = append(extra, WithAverage(avg))
	if c.ints {
		return PRF(c.iTrue, c.iPred, c.k, c.opts(false, extra...)...)
	}
	if avg == AverageBinary {
		return PRFLabels(c.sTrue, c.sPred, c.opts(false, append(extra, WithPosLabel(c.posLabel))...)...)
	}
	return PRFLabels(c.sTrue, c.sPred, c.opts(true, extra...)...)
}

func (c classCase) perClass(extra ...Option) (ClassScores, error) {
	if c.ints {
		return PerClass(c.iTrue, c.iPred, c.k, c.opts(false, extra...)...)
	}
	return PerClassLabels(c.sTrue, c.sPred, c.opts(true, extra...)...)
}

var averages = map[string]Average{
	"binary": AverageBinary, "micro": AverageMicro, "macro": AverageMacro, "weighted": AverageWeighted,
}

var zeroDivisions = map[string]ZeroDivision{
	"warn": ZeroDivisionZero, "0": ZeroDivisionZero, "1": ZeroDivisionOne,
}

func TestReferenceClassification(t *testing.T) {
	for _, r := range loadReference(t).Classification {
		t.Run(r.Name, func(t *testing.T) {
			c := newClassCase(t, r)
			checkAccuracyAndConfusion(t, c, r)
			for _, p := range r.PRF {
				name := fmt.Sprintf("%s/zero_division=%s/beta=%v", p.Average, p.ZeroDivision, p.Beta)
				t.Run(name, func(t *testing.T) { checkPRF(t, c, p) })
			}
			checkReport(t, c, r.Report)
		})
	}
}

func checkAccuracyAndConfusion(t *testing.T, c classCase, r classificationRef) {
	var acc float64
	var cm Confusion
	var err, cmErr error
	if c.ints {
		acc, err = Accuracy(c.iTrue, c.iPred, c.opts(false)...)
		cm, cmErr = ConfusionMatrix(c.iTrue, c.iPred, c.k, c.opts(false)...)
	} else {
		acc, err = AccuracyLabels(c.sTrue, c.sPred, c.opts(false)...)
		cm, cmErr = ConfusionMatrixLabels(c.sTrue, c.sPred, c.opts(true)...)
	}
	if err != nil {
		t.Fatalf("accuracy: %v", err)
	}
	checkClose(t, "accuracy", acc, r.Accuracy.value(t))

	var wantCM [][]float64
	if err := json.Unmarshal(r.ConfusionMatrix, &wantCM); err != nil {
		checkErr(t, "confusion matrix", cmErr, nil)
		return
	}
	if cmErr != nil {
		t.Fatalf("confusion matrix: %v", cmErr)
	}
	wantLabels := make([]string, len(r.ConfusionLabels))
	for i, l := range r.ConfusionLabels {
		wantLabels[i] = fmt.Sprint(l)
	}
	if !slices.Equal(cm.Labels, wantLabels) {
		t.Errorf("confusion labels = %q, want %q", cm.Labels, wantLabels)
	}
	if len(cm.Counts) != len(wantCM) {
		t.Fatalf("confusion matrix has %d rows, want %d", len(cm.Counts), len(wantCM))
	}
	for i := range wantCM {
		checkSlice(t, fmt.Sprintf("confusion row %d", i), cm.Counts[i], wantCM[i])
	}
}

func checkPRF(t *testing.T, c classCase, p prfRef) {
	opts := []Option{WithBeta(p.Beta), WithZeroDivision(zeroDivisions[p.ZeroDivision])}
	if p.Average == "none" {
		got, err := c.perClass(opts...)
		if err != nil {
			t.Fatalf("per class: %v", err)
		}
		checkSlice(t, "precision", got.Precision, p.Precision.vals)
		checkSlice(t, "recall", got.Recall, p.Recall.vals)
		checkSlice(t, "F-score", got.FScore, p.FScore.vals)
		checkSlice(t, "support", got.Support, p.Support.vals)
		checkWarns(t, p, got.Warnings)
		return
	}
	got, err := c.scores(averages[p.Average], opts...)
	if p.Error != "" {
		checkErr(t, "scores", err, sentinelFor(p.Error))
		return
	}
	if err != nil {
		t.Fatalf("scores: %v", err)
	}
	checkClose(t, "precision", got.Precision, p.Precision.value(t))
	checkClose(t, "recall", got.Recall, p.Recall.value(t))
	checkClose(t, "F-score", got.FScore, p.FScore.value(t))
	checkWarns(t, p, got.Warnings)
}

// checkWarns requires Warnings exactly where scikit-learn's default
// zero_division="warn" warns.
func checkWarns(t *testing.T, p prfRef, warnings []string) {
	t.Helper()
	if p.ZeroDivision == "warn" && (len(warnings) > 0) != p.Warns {
		t.Errorf("warnings = %q, want some: %v", warnings, p.Warns)
	}
}

func checkReport(t *testing.T, c classCase, want reportRef) {
	var rep Report
	var err error
	if c.ints {
		rep, err = ClassificationReport(c.iTrue, c.iPred, c.k, c.opts(false)...)
	} else {
		rep, err = ClassificationReportLabels(c.sTrue, c.sPred, c.opts(true)...)
	}
	if want.Error != "" {
		checkErr(t, "report", err, nil)
		return
	}
	if err != nil {
		t.Fatalf("report: %v", err)
	}
	if len(rep.Classes.Labels) != len(want.Classes) {
		t.Fatalf("report labels = %q, want %d rows", rep.Classes.Labels, len(want.Classes))
	}
	for i, w := range want.Classes {
		if rep.Classes.Labels[i] != w.Label {
			t.Errorf("report row %d label = %q, want %q", i, rep.Classes.Labels[i], w.Label)
		}
		checkClose(t, "report precision "+w.Label, rep.Classes.Precision[i], w.Precision)
		checkClose(t, "report recall "+w.Label, rep.Classes.Recall[i], w.Recall)
		checkClose(t, "report F1 "+w.Label, rep.Classes.FScore[i], w.FScore)
		checkClose(t, "report support "+w.Label, rep.Classes.Support[i], w.Support)
	}
	if want.Accuracy != nil {
		checkClose(t, "report accuracy", rep.Accuracy, *want.Accuracy)
	}
	rows := map[string]Scores{"micro": rep.Micro, "macro": rep.Macro, "weighted": rep.Weighted}
	for name, w := range want.Averages {
		got, ok := rows[name]
		if !ok {
			t.Errorf("report has no %s row", name)
			continue
		}
		checkClose(t, "report "+name+" precision", got.Precision, w.Precision)
		checkClose(t, "report "+name+" recall", got.Recall, w.Recall)
		checkClose(t, "report "+name+" F1", got.FScore, w.FScore)
		checkClose(t, "report "+name+" support", got.Support, w.Support)
	}
}
