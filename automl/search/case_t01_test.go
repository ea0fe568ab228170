package search

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/tunebook/tunebook/automl/space"
)

// t01Input and t01Expected mirror testdata/cases/t01.
type t01Input struct {
	MinimizeValues []caseFloat `json:"minimize_values"`
	AllNaNValues   []caseFloat `json:"all_nan_values"`
	Pruning        struct {
		Curves [][]caseFloat `json:"curves"`
	} `json:"pruning"`
	InvalidSpaces []struct {
		Name      string
		Low, High float64
		Log       bool
		Step      float64
	} `json:"invalid_spaces"`
}

type t01Expected struct {
	MinimizeValues struct {
		States    []string `json:"states"`
		BestTrial int      `json:"best_trial"`
		BestValue float64  `json:"best_value"`
	} `json:"minimize_values"`
	AllNaNValues struct {
		States []string `json:"states"`
	} `json:"all_nan_values"`
	Pruning []struct {
		Trial            int    `json:"trial"`
		State            string `json:"state"`
		LastStepReported int    `json:"last_step_reported"`
	} `json:"pruning"`
}

func loadT01(t *testing.T) (t01Input, t01Expected) {
	var in t01Input
	var want t01Expected
	readCase(t, "input.json", &in)
	readCase(t, "expected.json", &want)
	return in, want
}

// caseStrategies are the strategies the NaN cases run with: TPE models the
// finished trials from the second one on, so it meets the NaN ones.
var caseStrategies = []Strategy{Random{}, TPE{Startup: 1}}

// runValues runs one trial per value, the objective returning values[number].
func runValues(t *testing.T, strat Strategy, values []caseFloat) *Study {
	t.Helper()
	obj := func(_ context.Context, h *TrialHandle) (float64, float64, error) {
		return float64(values[h.Number()]), 0, nil
	}
	s, err := Run(context.Background(), testSpace(), strat, obj,
		Options{Trials: len(values), Direction: Minimize, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// optunaState maps Optuna's state names to ours.
func optunaState(s string) string {
	return map[string]string{"FAIL": "failed", "COMPLETE": "complete", "PRUNED": "pruned"}[s]
}

func checkStates(t *testing.T, s *Study, want []string) {
	t.Helper()
	if len(s.Trials) != len(want) {
		t.Fatalf("got %d trials, want %d", len(s.Trials), len(want))
	}
	for i, tr := range s.Trials {
		if got := tr.Status.String(); got != optunaState(want[i]) {
			t.Errorf("trial %d: status %s, want %s (err %q)", i, got, optunaState(want[i]), tr.Err)
		}
	}
}

func TestCaseT01NaNValuesFail(t *testing.T) {
	in, want := loadT01(t)
	for _, strat := range caseStrategies {
		s := runValues(t, strat, in.MinimizeValues)
		checkStates(t, s, want.MinimizeValues.States)
		for _, tr := range s.Trials {
			if tr.Status == Failed && tr.Err != "objective value is NaN" {
				t.Errorf("%T: trial %d: err %q, want %q", strat, tr.Number, tr.Err, "objective value is NaN")
			}
		}
		best, err := s.Best()
		if err != nil {
			t.Fatal(err)
		}
		if best.Number != want.MinimizeValues.BestTrial || math.Abs(best.Value-want.MinimizeValues.BestValue) > 1e-12 {
			t.Errorf("%T: Best() = trial %d value %g, want trial %d value %g", strat,
				best.Number, best.Value, want.MinimizeValues.BestTrial, want.MinimizeValues.BestValue)
		}
	}
}

func TestCaseT01AllNaNBestIsError(t *testing.T) {
	in, want := loadT01(t)
	for _, strat := range caseStrategies {
		s := runValues(t, strat, in.AllNaNValues)
		checkStates(t, s, want.AllNaNValues.States)
		best, err := s.Best()
		if !errors.Is(err, ErrNoCompleted) || best != nil {
			t.Fatalf("%T: Best() = %v, %v; want nil, ErrNoCompleted", strat, best, err)
		}
		reason := fmt.Sprintf("objective value is NaN ×%d", len(in.AllNaNValues))
		for _, part := range []string{"no trials are completed", fmt.Sprintf("%d failed", len(in.AllNaNValues)), reason} {
			if !strings.Contains(err.Error(), part) {
				t.Errorf("%T: Best() error %q, want it to contain %q", strat, err, part)
			}
		}
	}
}

func TestCaseT01MedianPruning(t *testing.T) {
	in, want := loadT01(t)
	curves := in.Pruning.Curves
	obj := func(_ context.Context, h *TrialHandle) (float64, float64, error) {
		curve := curves[h.Number()]
		for step, v := range curve {
			if h.Report(step, float64(v), map[string]float64{"train_loss": float64(v)}) {
				return float64(v), 0, nil
			}
		}
		return float64(curve[len(curve)-1]), 0, nil
	}
	s, err := Run(context.Background(), testSpace(), Random{}, obj, Options{
		Trials: len(curves), Direction: Minimize, Pruner: MedianPruner{StartupTrials: 2}})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range want.Pruning {
		tr := s.Trials[w.Trial]
		last, _ := tr.LastReport()
		if tr.Status.String() != optunaState(w.State) || last.Step != w.LastStepReported {
			t.Errorf("trial %d: %s at step %d, want %s at step %d",
				w.Trial, tr.Status, last.Step, optunaState(w.State), w.LastStepReported)
		}
	}
	best, err := s.Best()
	if err != nil || best.Number != 4 || best.Value != 0.3 {
		t.Errorf("Best() = %+v, %v; want trial 4 with 0.3 (case notes)", best, err)
	}
}

// TestCaseT01ASHAPruning runs the case's curves under ASHAPruner (rungs at
// steps 1 and 3): the trial whose first report is NaN is pruned there,
// whatever the pruner, and the NaN is not recorded at any rung.
func TestCaseT01ASHAPruning(t *testing.T) {
	in, _ := loadT01(t)
	curves := in.Pruning.Curves
	obj := func(_ context.Context, h *TrialHandle) (float64, float64, error) {
		curve := curves[h.Number()]
		for step, v := range curve {
			if h.Report(step, float64(v), nil) {
				return float64(v), 0, nil
			}
		}
		return float64(curve[len(curve)-1]), 0, nil
	}
	s, err := Run(context.Background(), testSpace(), Random{}, obj, Options{
		Trials: len(curves), Direction: Minimize, Pruner: ASHAPruner{}})
	if err != nil {
		t.Fatal(err)
	}
	// At step 1 (the first rung): 0.8 goes on (first), 0.7 goes on (best
	// of two), 0.9 stops (not in the top 1 of 3), the NaN trial stopped at
	// step 0, and 0.4 goes on (top 1 of 4).
	want := []struct {
		status Status
		step   int
	}{{Complete, 2}, {Complete, 2}, {Pruned, 1}, {Pruned, 0}, {Complete, 2}}
	for i, w := range want {
		tr := s.Trials[i]
		last, _ := tr.LastReport()
		if tr.Status != w.status || last.Step != w.step {
			t.Errorf("trial %d: %s at step %d, want %s at step %d", i, tr.Status, last.Step, w.status, w.step)
		}
	}
}

func TestCaseT01InvalidSpaceStopsBeforeTraining(t *testing.T) {
	in, _ := loadT01(t)
	for _, sp := range in.InvalidSpaces {
		bad := space.New(space.Float{Name: sp.Name, Low: sp.Low, High: sp.High, Log: sp.Log, Step: sp.Step})
		called := false
		obj := func(context.Context, *TrialHandle) (float64, float64, error) {
			called = true
			return 0, 0, nil
		}
		s, err := Run(context.Background(), bad, Random{}, obj, Options{Trials: 3})
		if err == nil || s != nil || called || !strings.Contains(err.Error(), sp.Name) {
			t.Errorf("Run on %+v = %v, %v (objective called %v); want an error naming %q and no trial",
				sp, s, err, called, sp.Name)
		}
	}
}
