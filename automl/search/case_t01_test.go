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

// runValues runs one trial per value, the objective returning values[number].
func runValues(t *testing.T, values []caseFloat) *Study {
	t.Helper()
	obj := func(_ context.Context, h *TrialHandle) (float64, float64, error) {
		return float64(values[h.Number()]), 0, nil
	}
	s, err := Run(context.Background(), testSpace(), Random{}, obj,
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
	s := runValues(t, in.MinimizeValues)
	checkStates(t, s, want.MinimizeValues.States)
	for _, tr := range s.Trials {
		if tr.Status == Failed && tr.Err != "objective value is NaN" {
			t.Errorf("trial %d: err %q, want %q", tr.Number, tr.Err, "objective value is NaN")
		}
	}
	best, err := s.Best()
	if err != nil {
		t.Fatal(err)
	}
	if best.Number != want.MinimizeValues.BestTrial || math.Abs(best.Value-want.MinimizeValues.BestValue) > 1e-12 {
		t.Errorf("Best() = trial %d value %g, want trial %d value %g",
			best.Number, best.Value, want.MinimizeValues.BestTrial, want.MinimizeValues.BestValue)
	}
}

func TestCaseT01AllNaNBestIsError(t *testing.T) {
	in, want := loadT01(t)
	s := runValues(t, in.AllNaNValues)
	checkStates(t, s, want.AllNaNValues.States)
	best, err := s.Best()
	if !errors.Is(err, ErrNoCompleted) || best != nil {
		t.Fatalf("Best() = %v, %v; want nil, ErrNoCompleted", best, err)
	}
	reason := fmt.Sprintf("objective value is NaN ×%d", len(in.AllNaNValues))
	for _, part := range []string{"no trials are completed", fmt.Sprintf("%d failed", len(in.AllNaNValues)), reason} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("Best() error %q, want it to contain %q", err, part)
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
