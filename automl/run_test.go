package automl

import (
	"context"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tunebook/tunebook/automl/data"
	"github.com/tunebook/tunebook/automl/metrics"
	"github.com/tunebook/tunebook/automl/search"
	"github.com/tunebook/tunebook/automl/space"
)

func readDataset(t *testing.T, name string) *data.Frame {
	t.Helper()
	f, err := data.ReadCSV(filepath.Join("..", "datasets", name), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// quick returns a small search configuration for tests.
func quick(target string) Config {
	return Config{Target: target, Trials: 4, MaxEpochs: 15, Patience: 5, Seed: 7}
}

func TestRunBinaryRealData(t *testing.T) {
	res, err := Run(context.Background(), readDataset(t, "breast_cancer.csv"), quick("target"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Task != data.Binary || res.Metric != "auc" {
		t.Errorf("task, metric = %v, %s; want binary, auc", res.Task, res.Metric)
	}
	if got, want := len(res.Study.Trials), 4; got != want {
		t.Errorf("trials = %d, want %d", got, want)
	}
	if res.Leaderboard[0].Rank != 1 || !hasBaseline(res) {
		t.Errorf("leaderboard %+v: want rank 1 first and the logistic baseline on it", res.Leaderboard)
	}
	// The breast-cancer data is close to linearly separable: any working
	// model scores a test AUC well above 0.95.
	if auc, ok := res.Test.Value("auc"); !ok || auc < 0.95 {
		t.Errorf("test auc = %v (computed %v), want > 0.95", auc, ok)
	}
	for _, c := range []string{"ROC", "PR", "threshold", "confusion", "history"} {
		if chartFor(res, c) == nil {
			t.Errorf("%s chart missing", c)
		}
	}
	if res.Rows.Train+res.Rows.Valid+res.Rows.Test != 569 {
		t.Errorf("split sizes %+v do not add up to 569", res.Rows)
	}
}

func chartFor(res *Result, name string) any {
	switch name {
	case "ROC":
		return res.ROCChart()
	case "PR":
		return res.PRChart()
	case "threshold":
		return res.ThresholdChart()
	case "confusion":
		return res.ConfusionChart(false)
	default:
		return res.HistoryChart()
	}
}

func hasBaseline(res *Result) bool {
	for _, e := range res.Leaderboard {
		if e.Trial < 0 && strings.Contains(e.Name, "logistic") {
			return true
		}
	}
	return false
}

func TestRunIsRepeatable(t *testing.T) {
	frame := readDataset(t, "breast_cancer.csv")
	cfg := quick("target")
	cfg.Trials = 3
	a, err := Run(context.Background(), frame, cfg)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Run(context.Background(), frame, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Leaderboard) != len(b.Leaderboard) {
		t.Fatalf("leaderboards have %d and %d entries", len(a.Leaderboard), len(b.Leaderboard))
	}
	for i := range a.Leaderboard {
		ea, eb := a.Leaderboard[i], b.Leaderboard[i]
		if ea.Name != eb.Name || ea.Value != eb.Value || ea.Params != eb.Params {
			t.Errorf("entry %d: got %+v then %+v; want the same twice", i, ea, eb)
		}
	}
}

func TestRunCategoricalAndMissing(t *testing.T) {
	tests := []struct {
		file, target string
		drop         []string
		feature      string // a preprocessed column that must exist
	}{
		// owner and selfemp are categorical; expenditure and share leak
		// the target, so they are dropped as an honest analyst would.
		{"credit_card_applications.csv", "card", []string{"expenditure", "share"}, "owner"},
		// Pima has missing values: median-imputed with indicator columns.
		{"pima_diabetes.csv", "diabetes", nil, "insulin"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			cfg := quick(tt.target)
			cfg.Drop = tt.drop
			res, err := Run(context.Background(), readDataset(t, tt.file), cfg)
			if err != nil {
				t.Fatal(err)
			}
			found := 0
			for _, f := range res.Features {
				if strings.HasPrefix(f, tt.feature) {
					found++
				}
			}
			if found < 2 {
				t.Errorf("features %v: want at least two columns from %q (levels or a missing indicator)", res.Features, tt.feature)
			}
			if auc, _ := res.Test.Value("auc"); !(auc > 0.6) {
				t.Errorf("test auc = %v, want > 0.6", auc)
			}
		})
	}
}

func TestRunRegressionAndMulticlass(t *testing.T) {
	t.Run("regression", func(t *testing.T) {
		res, err := Run(context.Background(), readDataset(t, "diabetes_regression.csv"), quick("progression"))
		if err != nil {
			t.Fatal(err)
		}
		if res.Task != data.Regression || res.Metric != "rmse" {
			t.Errorf("task, metric = %v, %s; want regression, rmse", res.Task, res.Metric)
		}
		if r2, _ := res.Test.Value("r2"); !(r2 > 0.2) {
			t.Errorf("test r2 = %v, want > 0.2", r2)
		}
		if res.PredictedActualChart() == nil || res.ResidualsChart() == nil {
			t.Error("regression charts missing")
		}
	})
	t.Run("multiclass", func(t *testing.T) {
		res, err := Run(context.Background(), readDataset(t, "iris.csv"), quick("target"))
		if err != nil {
			t.Fatal(err)
		}
		if res.Task != data.Multiclass {
			t.Errorf("task = %v, want multiclass", res.Task)
		}
		if acc, _ := res.Test.Value("accuracy"); !(acc > 0.8) {
			t.Errorf("test accuracy = %v, want > 0.8", acc)
		}
		if res.Test.Confusion == nil || len(res.Test.Confusion.Labels) != 3 {
			t.Errorf("confusion matrix %+v, want 3 labelled classes", res.Test.Confusion)
		}
	})
}

// TestFailedTrialsAreRecorded gives every trial a learning rate at which
// plain SGD diverges: each trial fails with that reason, the search goes
// on, and the baseline is still tested.
func TestFailedTrialsAreRecorded(t *testing.T) {
	cfg := quick("target")
	cfg.Strategy = "random"
	cfg.Space = space.New(
		space.Int{Name: "layers", Low: 1, High: 1},
		space.Categorical{Name: "optimizer", Choices: []string{"sgd"}},
		space.Float{Name: "learning_rate", Low: 1e6, High: 1e7, Log: true},
	)
	res, err := Run(context.Background(), readDataset(t, "breast_cancer.csv"), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Study.Count(search.Failed) + res.Study.Count(search.Pruned); got != cfg.Trials {
		t.Errorf("failed or pruned trials = %d, want all %d", got, cfg.Trials)
	}
	if res.Best.Trial != -1 {
		t.Errorf("best = %+v, want the baseline", res.Best)
	}
}

func TestUnusableSpacesAreRejected(t *testing.T) {
	tests := []struct {
		name  string
		param space.Param
		want  string
	}{
		{"unknown activation", space.Categorical{Name: "activation", Choices: []string{"relu", "gelu_x"}}, `"gelu_x"`},
		{"misspelt name", space.Float{Name: "learning_rte", Low: 1e-3, High: 1e-2}, `"learning_rte": unknown`},
		{"too many layers", space.Int{Name: "layers", Low: 1, High: 6}, `"layers": 1..6`},
		{"dropout of 1", space.Float{Name: "dropout", Low: 0, High: 1}, `"dropout"`},
	}
	frame := readDataset(t, "breast_cancer.csv")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := quick("target")
			cfg.Space = space.New(tt.param)
			_, err := Run(context.Background(), frame, cfg)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Run error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestExplicitSplitChecks(t *testing.T) {
	frame := readDataset(t, "iris.csv")
	seq := func(lo, hi int) []int {
		var out []int
		for i := lo; i < hi; i++ {
			out = append(out, i)
		}
		return out
	}
	tests := []struct {
		name  string
		split RowSplit
		want  string
	}{
		{"row out of range", RowSplit{Train: seq(0, 100), Valid: seq(100, 125), Test: seq(125, 151)}, "row 150 is outside 0..149"},
		{"negative row", RowSplit{Train: append([]int{-1}, seq(1, 100)...), Valid: seq(100, 125), Test: seq(125, 150)}, "row -1"},
		// iris is sorted by class: rows 0-99 hold no virginica.
		{"class missing from training", RowSplit{Train: seq(0, 100), Valid: seq(100, 125), Test: seq(125, 150)}, `no row of class "virginica"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := quick("target")
			cfg.Split = &tt.split
			_, err := Run(context.Background(), frame, cfg)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Run error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestLeakageIsFlagged(t *testing.T) {
	cfg := quick("card")
	cfg.Trials = 1
	res, err := Run(context.Background(), readDataset(t, "credit_card_applications.csv"), cfg)
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(res.Notes, "\n")
	if !strings.Contains(notes, `possible target leakage: column "expenditure"`) {
		t.Errorf("notes do not flag expenditure, which alone gives the target away:\n%s", notes)
	}
	if strings.Contains(notes, `column "income"`) {
		t.Errorf("notes flag income, an honest predictor:\n%s", notes)
	}
}

func TestTooManyClasses(t *testing.T) {
	cfg := quick("medv")
	cfg.Task = "multiclass"
	_, err := Run(context.Background(), readDataset(t, "boston_housing.csv"), cfg)
	if err == nil || !strings.Contains(err.Error(), "use --task regression") {
		t.Errorf("Run error = %v, want a refusal that suggests regression", err)
	}
}

func TestRunErrors(t *testing.T) {
	frame := readDataset(t, "breast_cancer.csv")
	tests := []struct {
		name string
		cfg  Config
		want string
	}{
		{"unknown target", Config{Target: "diagnosis"}, `"diagnosis"`},
		{"metric for another task", Config{Target: "target", Metric: "rmse"}, `metric "rmse" does not apply to a binary task`},
		{"unknown metric", Config{Target: "target", Metric: "kappa"}, `unknown metric "kappa"`},
		{"unknown strategy", Config{Target: "target", Strategy: "bayes"}, `unknown strategy "bayes"`},
		{"bad task", Config{Target: "target", Task: "ranking"}, "ranking"},
		{"drop target", Config{Target: "target", Drop: []string{"target"}}, "cannot drop the target"},
		{"invalid space", Config{Target: "target", Space: space.New(space.Float{Name: "learning_rate", Low: 0, High: 1, Log: true})}, "learning_rate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Run(context.Background(), frame, tt.cfg)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Run error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestSavedModelPredictsTheSame(t *testing.T) {
	frame := readDataset(t, "credit_card_applications.csv")
	cfg := quick("card")
	cfg.Trials = 2
	res, err := Run(context.Background(), frame, cfg)
	if err != nil {
		t.Fatal(err)
	}
	before, err := res.Model.Predict(frame)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "model.json")
	if err := res.Model.Save(path); err != nil {
		t.Fatal(err)
	}
	loaded, err := LoadModel(path)
	if err != nil {
		t.Fatal(err)
	}
	after, err := loaded.Predict(frame)
	if err != nil {
		t.Fatal(err)
	}
	for i := range before.Labels {
		if before.Labels[i] != after.Labels[i] {
			t.Fatalf("row %d: label %q before saving, %q after", i, before.Labels[i], after.Labels[i])
		}
		for j := range before.Probabilities[i] {
			if d := math.Abs(before.Probabilities[i][j] - after.Probabilities[i][j]); d > 1e-12 {
				t.Fatalf("row %d class %d: probability differs by %g after a save and load", i, j, d)
			}
		}
	}
}

func TestCrossValidation(t *testing.T) {
	cfg := quick("diabetes")
	cfg.Trials, cfg.Folds = 2, 4
	res, err := Run(context.Background(), readDataset(t, "pima_diabetes.csv"), cfg)
	if err != nil {
		t.Fatal(err)
	}
	cv := res.CrossValidation
	if cv == nil || cv.Folds != 4 || len(cv.Model) != 4 || len(cv.Baseline) != 4 {
		t.Fatalf("cross-validation = %+v, want 4 folds of model and baseline scores", cv)
	}
	for i := range cv.Model {
		if !(cv.Model[i] > 0.5 && cv.Model[i] <= 1) || !(cv.Baseline[i] > 0.5 && cv.Baseline[i] <= 1) {
			t.Errorf("fold %d: model auc %v, baseline auc %v; want both in (0.5, 1]", i+1, cv.Model[i], cv.Baseline[i])
		}
	}
	if !(cv.ModelStd >= 0) {
		t.Errorf("model sd = %v, want a finite deviation", cv.ModelStd)
	}
}

func TestMiddleBestF1(t *testing.T) {
	tests := []struct {
		name string
		tc   metrics.ThresholdCurve
		want float64
	}{
		{"single best", metrics.ThresholdCurve{Thresholds: []float64{0.1, 0.5, 0.9}, F1: []float64{0.6, 0.9, 0.7}}, 0.5},
		{"plateau", metrics.ThresholdCurve{Thresholds: []float64{0.1, 0.2, 0.6, 0.97, 0.99}, F1: []float64{0.5, 1, 1, 1, 0.8}}, (0.2 + 0.97) / 2},
		{"widest of two runs", metrics.ThresholdCurve{Thresholds: []float64{0.1, 0.15, 0.3, 0.5, 0.9}, F1: []float64{1, 1, 0.7, 1, 1}}, 0.7},
	}
	for _, tt := range tests {
		if got := middleBestF1(tt.tc); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%s: middleBestF1 = %v, want %v", tt.name, got, tt.want)
		}
	}
}
