package search

import (
	"context"
	"math"
	"testing"

	"github.com/tunebook/tunebook/automl/space"
)

// stepTrial is a trial numbered n with reports value at the given steps.
func stepTrial(n int, st Status, steps []int, values ...float64) Trial {
	t := Trial{Number: n, Status: st}
	for i, s := range steps {
		t.Intermediate = append(t.Intermediate, Report{Step: s, Value: values[i]})
	}
	return t
}

func TestASHARungSteps(t *testing.T) {
	tests := []struct {
		pruner ASHAPruner
		want   []int
	}{
		{ASHAPruner{}, []int{1, 3, 9, 27}},
		{ASHAPruner{MinResource: 2, ReductionFactor: 2, MinEarlyStoppingRate: 1}, []int{4, 8, 16, 32}},
		{ASHAPruner{MinResource: 5, ReductionFactor: 4}, []int{5, 20, 80, 320}},
	}
	for _, tt := range tests {
		for k, want := range tt.want {
			if got := tt.pruner.RungStep(k); got != want {
				t.Errorf("%+v: RungStep(%d) = %d, want %d", tt.pruner, k, got, want)
			}
		}
	}
}

func TestASHAPrune(t *testing.T) {
	one := []int{1}
	upTo3 := []int{1, 2, 3}
	others := func(values ...float64) []Trial {
		var out []Trial
		for i, v := range values {
			out = append(out, stepTrial(i+10, Complete, one, v))
		}
		return out
	}
	tests := []struct {
		name   string
		pruner ASHAPruner
		dir    Direction
		others []Trial
		steps  []int // the judged trial's report steps; the last is current
		values []float64
		want   bool
	}{
		{"first to reach a rung goes on", ASHAPruner{}, Maximize, nil, one, []float64{0.1}, false},
		{"second must match the first", ASHAPruner{}, Maximize, others(0.9), one, []float64{0.8}, true},
		{"ties go on", ASHAPruner{}, Maximize, others(0.9), one, []float64{0.9}, false},
		{"top two of six: third best stops", ASHAPruner{}, Maximize, others(0.9, 0.8, 0.7, 0.6, 0.5),
			one, []float64{0.75}, true},
		{"top two of six: second best goes on", ASHAPruner{}, Maximize, others(0.9, 0.8, 0.7, 0.6, 0.5),
			one, []float64{0.85}, false},
		{"minimize", ASHAPruner{}, Minimize, others(0.2, 0.3), one, []float64{0.25}, true},
		{"minimize best goes on", ASHAPruner{}, Minimize, others(0.2, 0.3), one, []float64{0.1}, false},
		{"steps between rungs never prune", ASHAPruner{}, Maximize, others(0.9, 0.9, 0.9),
			[]int{1, 2}, []float64{0.9, 0.1}, false},
		{"a rung is judged once", ASHAPruner{}, Maximize, others(0.9, 0.9, 0.9),
			[]int{1, 1}, []float64{0.9, 0.1}, false},
		{"first rung after the early-stopping rate",
			ASHAPruner{MinResource: 2, ReductionFactor: 2, MinEarlyStoppingRate: 1}, Maximize,
			[]Trial{stepTrial(10, Complete, []int{2, 4}, 0.9, 0.9)}, []int{2}, []float64{0.1}, false},
		{"judged at the shifted rung",
			ASHAPruner{MinResource: 2, ReductionFactor: 2, MinEarlyStoppingRate: 1}, Maximize,
			[]Trial{stepTrial(10, Complete, []int{2, 4}, 0.9, 0.9)}, []int{2, 4}, []float64{0.1, 0.1}, true},
		{"NaN values are not recorded", ASHAPruner{}, Maximize, others(math.NaN(), math.NaN()),
			one, []float64{0.1}, false},
		{"pruned and running trials compete",
			ASHAPruner{}, Maximize,
			[]Trial{stepTrial(10, Pruned, one, 0.9), stepTrial(11, Running, one, 0.95)},
			one, []float64{0.5}, true},
		{"the value at a rung is the first report at or after it", ASHAPruner{}, Maximize,
			[]Trial{stepTrial(10, Complete, []int{1, 2, 4}, 0.1, 0.99, 0.2)}, upTo3,
			[]float64{0.1, 0.1, 0.5}, false},
		{"a report that crosses two rungs is judged at both", ASHAPruner{}, Maximize,
			[]Trial{stepTrial(10, Complete, upTo3, 0.1, 0.1, 0.9)}, []int{0, 3},
			[]float64{0.5, 0.5}, true},
	}
	for _, tt := range tests {
		cur := stepTrial(0, Running, tt.steps, tt.values...)
		view := View{Direction: tt.dir, Trials: append([]Trial{cur}, tt.others...)}
		last := len(tt.steps) - 1
		if got := tt.pruner.Prune(view, cur, tt.steps[last], tt.values[last]); got != tt.want {
			t.Errorf("%s: Prune() = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestASHAInRun checks that in a study the pruner stops trials only at
// rung steps and lets the best configuration train to the end.
func TestASHAInRun(t *testing.T) {
	sp := space.New(space.Float{Name: "q", Low: 0, High: 1})
	const steps = 27
	obj := func(_ context.Context, h *TrialHandle) (float64, float64, error) {
		q := h.Params().Float("q")
		v := 0.0
		for s := 1; s <= steps; s++ {
			v = q * (1 - math.Exp(-float64(s)/4))
			if h.Report(s, v, nil) {
				return v, 0, nil
			}
		}
		return v, 0, nil
	}
	study, err := Run(context.Background(), sp, Random{}, obj,
		Options{Trials: 40, Seed: 3, Pruner: ASHAPruner{}})
	if err != nil {
		t.Fatal(err)
	}
	rungs := map[int]bool{1: true, 3: true, 9: true}
	best := 0
	for _, tr := range study.Trials {
		if tr.Params.Float("q") > study.Trials[best].Params.Float("q") {
			best = tr.Number
		}
		last, _ := tr.LastReport()
		if tr.Status == Pruned && !rungs[last.Step] {
			t.Errorf("trial %d pruned at step %d, want only at rungs 1, 3, 9", tr.Number, last.Step)
		}
	}
	if got := study.Count(Pruned); got < 20 {
		t.Errorf("%d of 40 trials pruned, want at least 20 (eta 3 keeps about a third per rung)", got)
	}
	if st := study.Trials[best].Status; st != Complete {
		t.Errorf("the trial with the best configuration (%d) is %v, want complete", best, st)
	}
}
