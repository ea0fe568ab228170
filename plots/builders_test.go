package plots

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
)

const tol = 1e-12

func TestROC(t *testing.T) {
	c := ROC([]ROCSeries{
		{Name: "logistic", FPR: []float64{0, 0.1, 1}, TPR: []float64{0, 0.9, 1}, AUC: 0.981},
		{Name: "mlp", FPR: []float64{0, 1}, TPR: []float64{0, math.NaN(), 1}, AUC: math.NaN()},
	})
	option := optionOf(t, c)
	series := seriesOf(t, option)

	var names []string
	for _, s := range series {
		names = append(names, s["name"].(string))
	}
	if want := []string{"logistic (AUC 0.981)", "mlp (AUC n/a)", "chance"}; !slices.Equal(names, want) {
		t.Errorf("series names %q, want %q", names, want)
	}
	if got := valuesOf(series[0]); !reflect.DeepEqual(got, []any{[]any{0.0, 0.0}, []any{0.1, 0.9}, []any{1.0, 1.0}}) {
		t.Errorf("logistic points %v", got)
	}
	if got := len(valuesOf(series[1])); got != 2 {
		t.Errorf("mlp has %d points, want 2 (the shorter slice)", got)
	}
	if dash := series[2]["lineStyle"].(map[string]any)["type"]; dash != "dashed" {
		t.Errorf("chance line style %v, want dashed", dash)
	}
	if sub := subtitleOf(option); !strings.Contains(sub, "mlp: FPR has 2 values and TPR 3; 2 points drawn") ||
		!strings.Contains(sub, "1 non-finite value omitted") {
		t.Errorf("subtitle %q lacks the notes", sub)
	}
}

func TestPrecisionRecall(t *testing.T) {
	tests := []struct {
		name         string
		recall       []float64
		precision    []float64
		prevalence   float64
		wantRecall   []float64
		wantBaseline bool
	}{
		{"sklearn order", []float64{1, 0.5, 0}, []float64{0.5, 1, 1}, 0.4, []float64{1, 0.5, 0}, true},
		{"ascending input", []float64{0, 0.5, 1}, []float64{1, 1, 0.5}, 0, []float64{1, 0.5, 0}, false},
		{"NaN prevalence", []float64{0.5}, []float64{1}, math.NaN(), []float64{0.5}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			series := seriesOf(t, optionOf(t, PrecisionRecall([]PRSeries{{Name: "m", Recall: tt.recall, Precision: tt.precision, AP: 0.9}}, tt.prevalence)))
			if name := series[0]["name"]; name != "m (AP 0.900)" {
				t.Errorf("name %q, want %q", name, "m (AP 0.900)")
			}
			if step := series[0]["step"]; step != "end" {
				t.Errorf("step %v, want end", step)
			}
			var recall []float64
			for _, p := range valuesOf(series[0]) {
				recall = append(recall, p.([]any)[0].(float64))
			}
			if !slices.Equal(recall, tt.wantRecall) {
				t.Errorf("recall order %v, want %v", recall, tt.wantRecall)
			}
			if got := len(series) == 2; got != tt.wantBaseline {
				t.Fatalf("baseline drawn = %v, want %v", got, tt.wantBaseline)
			}
			if tt.wantBaseline {
				for _, p := range valuesOf(series[1]) {
					if y := p.([]any)[1].(float64); math.Abs(y-tt.prevalence) > tol {
						t.Errorf("baseline at %v, want %v", y, tt.prevalence)
					}
				}
			}
		})
	}
}

func TestLossCurves(t *testing.T) {
	tests := []struct {
		name         string
		train, valid []float64
		wantSeries   int
		markOn       int // index of the series carrying the marker
		wantMark     string
	}{
		{"best on validation", []float64{1, 0.5, 0.3, 0.2}, []float64{1.1, 0.6, 0.55, 0.7}, 2, 1, "3"},
		{"first of ties", []float64{1, 0.5}, []float64{0.4, 0.4}, 2, 1, "1"},
		{"no validation", []float64{1, math.NaN(), 0.3, 0.4}, nil, 1, 0, "3"},
		{"validation all NaN", []float64{0.9, 0.8}, []float64{math.NaN(), math.NaN()}, 2, 0, "2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			option := optionOf(t, LossCurves("run", tt.train, tt.valid))
			series := seriesOf(t, option)
			if len(series) != tt.wantSeries {
				t.Fatalf("%d series, want %d", len(series), tt.wantSeries)
			}
			for i, s := range series {
				ml, ok := s["markLine"].(map[string]any)
				if ok != (i == tt.markOn) {
					t.Errorf("series %d has a marker = %v, want %v", i, ok, i == tt.markOn)
					continue
				}
				if !ok {
					continue
				}
				item := ml["data"].([]any)[0].(map[string]any)
				if item["xAxis"] != tt.wantMark || item["name"] != "best epoch "+tt.wantMark {
					t.Errorf("marker %v, want epoch %s", item, tt.wantMark)
				}
			}
			xs := option["xAxis"].([]any)[0].(map[string]any)["data"].([]any)
			if len(xs) != max(len(tt.train), len(tt.valid)) || xs[0] != "1" {
				t.Errorf("epochs %v", xs)
			}
		})
	}
}

func TestLossCurvesTrials(t *testing.T) {
	series := seriesOf(t, optionOf(t, LossCurvesTrials([]LossSeries{
		{Name: "a", Train: []float64{1, 0.5}, Valid: []float64{0.9, 0.7, 0.8}},
		{Name: "b", Train: []float64{0.8, 0.6}},
	})))
	if len(series) != 2 {
		t.Fatalf("%d series, want 2", len(series))
	}
	wantBest := [][]any{{"2", 0.7}, {"2", 0.6}}
	for i, s := range series {
		item := s["markPoint"].(map[string]any)["data"].([]any)[0].(map[string]any)
		if !reflect.DeepEqual(item["coord"], wantBest[i]) {
			t.Errorf("series %d best point %v, want %v", i, item["coord"], wantBest[i])
		}
	}
}

func TestConfusionMatrix(t *testing.T) {
	labels := []string{"a", "b", "c"}
	counts := [][]int{{8, 2, 0}, {0, 0, 0}, {1, 1, 2}}
	tests := []struct {
		name      string
		normalize bool
		want      []any
		wantMax   float64
	}{
		{"counts", false, []any{
			[]any{0.0, 0.0, 8.0}, []any{1.0, 0.0, 2.0}, []any{2.0, 0.0, 0.0},
			[]any{0.0, 1.0, 0.0}, []any{1.0, 1.0, 0.0}, []any{2.0, 1.0, 0.0},
			[]any{0.0, 2.0, 1.0}, []any{1.0, 2.0, 1.0}, []any{2.0, 2.0, 2.0},
		}, 8},
		{"normalized, empty row left out", true, []any{
			[]any{0.0, 0.0, 0.8}, []any{1.0, 0.0, 0.2}, []any{2.0, 0.0, 0.0},
			[]any{0.0, 2.0, 0.25}, []any{1.0, 2.0, 0.25}, []any{2.0, 2.0, 0.5},
		}, 0.8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			option := optionOf(t, ConfusionMatrix(labels, counts, tt.normalize))
			if got := valuesOf(seriesOf(t, option)[0]); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("cells %v, want %v", got, tt.want)
			}
			vm := option["visualMap"].([]any)[0].(map[string]any)
			if got := vm["max"].(float64); math.Abs(got-tt.wantMax) > 1e-6 {
				t.Errorf("colour scale max %v, want %v", got, tt.wantMax)
			}
			for _, axis := range []string{"xAxis", "yAxis"} {
				if got := option[axis].([]any)[0].(map[string]any)["data"]; !reflect.DeepEqual(got, []any{"a", "b", "c"}) {
					t.Errorf("%s labels %v", axis, got)
				}
			}
		})
	}
}

func TestConfusionMatrixRagged(t *testing.T) {
	option := optionOf(t, ConfusionMatrix([]string{"a", "b"}, [][]int{{1, 2, 3}}, false))
	if got := len(valuesOf(seriesOf(t, option)[0])); got != 2 {
		t.Errorf("%d cells, want 2", got)
	}
	sub := subtitleOf(option)
	for _, want := range []string{"counts has 1 rows for 2 labels", "counts row 0 has 3 values for 2 labels"} {
		if !strings.Contains(sub, want) {
			t.Errorf("subtitle %q lacks %q", sub, want)
		}
	}
}

func TestThresholdCurves(t *testing.T) {
	thresholds := []float64{0.2, 0.5, 0.8}
	precision := []float64{0.5, 0.7, 0.9, 1}
	recall := []float64{1, 0.8, 0.3, 0}
	f1 := []float64{0.667, 0.747, 0.45}
	option := optionOf(t, ThresholdCurves(thresholds, precision, recall, f1, 0.5))
	series := seriesOf(t, option)

	if len(series) != 3 {
		t.Fatalf("%d series, want 3", len(series))
	}
	for i, s := range series {
		if n := len(valuesOf(s)); n != 3 {
			t.Errorf("series %q has %d points, want 3", s["name"], n)
		}
		_, marked := s["markLine"]
		if marked != (i == 2) {
			t.Errorf("series %q marker = %v", s["name"], marked)
		}
	}
	item := series[2]["markLine"].(map[string]any)["data"].([]any)[0].(map[string]any)
	if item["xAxis"] != 0.5 || item["name"] != "threshold 0.5" {
		t.Errorf("marker %v, want at 0.5", item)
	}
	if sub := subtitleOf(option); sub != "" {
		t.Errorf("subtitle %q, want none (the extra sklearn point is expected)", sub)
	}

	option = optionOf(t, ThresholdCurves(thresholds, precision[:2], recall[:3], f1, math.NaN()))
	if sub := subtitleOf(option); !strings.Contains(sub, "precision: thresholds has 3 values and precision 2") {
		t.Errorf("subtitle %q lacks the length note", sub)
	}
	if _, marked := seriesOf(t, option)[2]["markLine"]; marked {
		t.Error("a NaN best threshold drew a marker")
	}
}

func TestSearchHistory(t *testing.T) {
	nan := math.NaN()
	values := []float64{0.5, 0.7, nan, 0.3, 0.4, nan, 0.35}
	statuses := []string{"complete", "COMPLETE", "failed", "pruned", "", "pruned", "complete"}
	tests := []struct {
		direction string
		wantBest  []any
		wantNote  bool
	}{
		{"minimize", []any{[]any{0.0, 0.5}, []any{1.0, 0.5}, []any{4.0, 0.4}, []any{6.0, 0.35}}, false},
		{"Maximize", []any{[]any{0.0, 0.5}, []any{1.0, 0.7}, []any{4.0, 0.7}, []any{6.0, 0.7}}, false},
		{"lowest", []any{[]any{0.0, 0.5}, []any{1.0, 0.5}, []any{4.0, 0.4}, []any{6.0, 0.35}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.direction, func(t *testing.T) {
			option := optionOf(t, SearchHistory(values, statuses, tt.direction))
			series := seriesOf(t, option)
			var names []string
			for _, s := range series {
				names = append(names, s["name"].(string))
			}
			if want := []string{"complete", "COMPLETE", "pruned", "best so far"}; !slices.Equal(names, want) {
				t.Errorf("series %q, want %q", names, want)
			}
			if got := valuesOf(series[3]); !reflect.DeepEqual(got, tt.wantBest) {
				t.Errorf("best so far %v, want %v", got, tt.wantBest)
			}
			sub := subtitleOf(option)
			if !strings.Contains(sub, "7 trials") || !strings.Contains(sub, "2 trials without a value (1 pruned, 1 failed)") {
				t.Errorf("subtitle %q lacks the counts", sub)
			}
			if got := strings.Contains(sub, "read as minimize"); got != tt.wantNote {
				t.Errorf("subtitle %q: direction note = %v, want %v", sub, got, tt.wantNote)
			}
		})
	}
}

func TestParamImportance(t *testing.T) {
	option := optionOf(t, ParamImportance([]string{"lr", "units", "dropout", "extra"}, []float64{0.2, math.NaN(), 0.712345}))
	labels := option["yAxis"].([]any)[0].(map[string]any)["data"].([]any)
	if want := []any{"units", "lr", "dropout"}; !reflect.DeepEqual(labels, want) {
		t.Errorf("bottom-to-top order %v, want %v", labels, want)
	}
	if got, want := valuesOf(seriesOf(t, option)[0]), []any{"-", 0.2, 0.7123}; !reflect.DeepEqual(got, want) {
		t.Errorf("bars %v, want %v", got, want)
	}
	if sub := subtitleOf(option); !strings.Contains(sub, "4 names for 3 importances; 3 bars drawn") {
		t.Errorf("subtitle %q lacks the length note", sub)
	}
}

func TestPredictedActual(t *testing.T) {
	series := seriesOf(t, optionOf(t, PredictedActual([]float64{1, 2, math.Inf(1), 4}, []float64{1.5, -1, 3, 5})))
	if len(series) != 2 {
		t.Fatalf("%d series, want 2", len(series))
	}
	if got := len(valuesOf(series[0])); got != 4 {
		t.Errorf("%d points, want 4", got)
	}
	if got, want := valuesOf(series[1]), []any{[]any{-1.0, -1.0}, []any{5.0, 5.0}}; !reflect.DeepEqual(got, want) {
		t.Errorf("y = x line %v, want %v", got, want)
	}

	if series := seriesOf(t, optionOf(t, PredictedActual(nil, nil))); len(series) != 1 {
		t.Errorf("empty data: %d series, want only the empty sample series", len(series))
	}
}

func TestResiduals(t *testing.T) {
	series := seriesOf(t, optionOf(t, Residuals([]float64{1, 2, 3}, []float64{0.5, -0.5})))
	if got := len(valuesOf(series[0])); got != 2 {
		t.Errorf("%d points, want 2", got)
	}
	item := series[0]["markLine"].(map[string]any)["data"].([]any)[0].(map[string]any)
	if item["yAxis"] != 0.0 {
		t.Errorf("zero line %v, want yAxis 0", item)
	}
}
