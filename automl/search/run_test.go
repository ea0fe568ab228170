package search

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tunebook/tunebook/automl/space"
)

func paramsByNumber(s *Study) []string {
	out := make([]string, len(s.Trials))
	for i, t := range s.Trials {
		out[i] = t.Params.String()
	}
	return out
}

func TestRunIsDeterministic(t *testing.T) {
	run := func(seed uint64, parallel int) []string {
		s, err := Run(context.Background(), space.Default(), Random{}, quadratic,
			Options{Trials: 20, Seed: seed, Parallel: parallel, Direction: Minimize})
		if err != nil {
			t.Fatal(err)
		}
		return paramsByNumber(s)
	}
	a, b, par, other := run(42, 1), run(42, 1), run(42, 4), run(43, 1)
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("trial %d: %s then %s, want the same params for the same seed", i, a[i], b[i])
		}
		if a[i] != par[i] {
			t.Errorf("trial %d: %s sequential, %s with 4 workers, want the same", i, a[i], par[i])
		}
	}
	if strings.Join(a, ";") == strings.Join(other, ";") {
		t.Errorf("seeds 42 and 43 gave the same trials, want different")
	}
}

// TestRunParallel exercises workers, reports and the pruner together; run
// it with -race.
func TestRunParallel(t *testing.T) {
	var calls, inFlight, maxInFlight atomic.Int32
	obj := func(ctx context.Context, h *TrialHandle) (float64, float64, error) {
		calls.Add(1)
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for m := maxInFlight.Load(); n > m && !maxInFlight.CompareAndSwap(m, n); m = maxInFlight.Load() {
		}
		v, _, _ := quadratic(ctx, h)
		for step := range 5 {
			time.Sleep(time.Millisecond)
			h.SetAttr("epoch", step)
			if h.Report(step, v*float64(5-step), nil) {
				return v, 0, nil
			}
		}
		return v, 0, nil
	}
	var onTrial int
	s, err := Run(context.Background(), testSpace(), Random{}, obj, Options{
		Trials: 60, Parallel: 8, Direction: Minimize, Pruner: MedianPruner{StartupTrials: 5},
		OnTrial: func(Trial, *Study) { onTrial++ }})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Trials) != 60 || calls.Load() != 60 || onTrial != 60 {
		t.Errorf("trials %d, objective calls %d, OnTrial calls %d; want 60 each", len(s.Trials), calls.Load(), onTrial)
	}
	if got := s.Count(Complete) + s.Count(Pruned); got != 60 {
		t.Errorf("complete + pruned = %d, want 60", got)
	}
	if m := maxInFlight.Load(); m < 2 || m > 8 {
		t.Errorf("max objectives at once = %d, want 2..8", m)
	}
	for i, tr := range s.Trials {
		if tr.Number != i {
			t.Errorf("Trials[%d].Number = %d, want %d", i, tr.Number, i)
		}
	}
}

func TestRunRecordsFaults(t *testing.T) {
	obj := func(_ context.Context, h *TrialHandle) (float64, float64, error) {
		switch h.Number() % 4 {
		case 0:
			var m map[string]int
			m["boom"]++ // a nil-map panic in user code
		case 1:
			return 0, 0, errors.New("training diverged")
		case 2:
			return 1, 0, nil
		}
		return float64(h.Number()), 0, nil
	}
	s, err := Run(context.Background(), testSpace(), Random{}, obj, Options{Trials: 8, Direction: Minimize})
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range s.Trials {
		var wantStatus Status
		var wantErr string
		switch tr.Number % 4 {
		case 0:
			wantStatus, wantErr = Failed, "panic: assignment to entry in nil map"
		case 1:
			wantStatus, wantErr = Failed, "training diverged"
		default:
			wantStatus = Complete
		}
		if tr.Status != wantStatus || !strings.HasPrefix(tr.Err, wantErr) {
			t.Errorf("trial %d: %s %q, want %s %q", tr.Number, tr.Status, tr.Err, wantStatus, wantErr)
		}
		if tr.Number%4 == 0 && !strings.Contains(tr.Err, "TestRunRecordsFaults") {
			t.Errorf("trial %d: err %q, want a stack naming the test function", tr.Number, tr.Err)
		}
	}
	best, err := s.Best()
	if err != nil || best.Number != 2 {
		t.Errorf("Best() = %+v, %v; want trial 2 (value 1, earliest of the ties)", best, err)
	}
}

func TestRunBudgetStopsObjectives(t *testing.T) {
	const budget = 300 * time.Millisecond
	tests := []struct {
		name       string
		obj        Objective
		wantStatus Status
		wantErr    string
	}{
		{"objective honours ctx", func(ctx context.Context, h *TrialHandle) (float64, float64, error) {
			best := 10.0
			for step := 0; ; step++ {
				select {
				case <-ctx.Done():
					return best, 0, ctx.Err()
				case <-time.After(20 * time.Millisecond):
					best = 1 / float64(step+1)
					h.Report(step, best, nil)
				}
			}
		}, Complete, ""},
		{"objective ignores ctx", func(context.Context, *TrialHandle) (float64, float64, error) {
			time.Sleep(2 * time.Second)
			return 1, 0, nil
		}, Failed, "objective did not return within"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			s, err := Run(context.Background(), testSpace(), Random{}, tt.obj,
				Options{Budget: budget, Parallel: 2, Grace: 200 * time.Millisecond, Direction: Minimize})
			elapsed := time.Since(start)
			if err != nil {
				t.Fatal(err)
			}
			if elapsed > time.Second {
				t.Errorf("Run took %v with a %v budget, want under 1s", elapsed, budget)
			}
			if len(s.Trials) != 2 {
				t.Errorf("got %d trials, want 2 (one per worker, each stopped at the deadline)", len(s.Trials))
			}
			for _, tr := range s.Trials {
				if tr.Status != tt.wantStatus || !strings.HasPrefix(tr.Err, tt.wantErr) {
					t.Errorf("trial %d: %s %q, want %s %q", tr.Number, tr.Status, tr.Err, tt.wantStatus, tt.wantErr)
				}
				if tr.Status == Complete && tr.Attrs["stopped_early"] != true {
					t.Errorf("trial %d: attrs %v, want stopped_early", tr.Number, tr.Attrs)
				}
			}
		})
	}
}

func TestRunStopsAtDeadlineBetweenTrials(t *testing.T) {
	obj := func(_ context.Context, h *TrialHandle) (float64, float64, error) {
		time.Sleep(10 * time.Millisecond)
		return float64(h.Number()), 0, nil
	}
	start := time.Now()
	s, err := Run(context.Background(), testSpace(), Random{}, obj, Options{Budget: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	// Run's clock starts a little after this test's, and a trial's start is
	// stamped just after the deadline check: allow 10ms for both.
	for _, tr := range s.Trials {
		if tr.Started.Sub(start) > 210*time.Millisecond {
			t.Errorf("trial %d started %v after Run, want no start after the 200ms budget", tr.Number, tr.Started.Sub(start))
		}
	}
	if n := len(s.Trials); n < 2 || n > 20 {
		t.Errorf("got %d trials of 10ms in 200ms, want 2..20", n)
	}
}

func TestRunCallerCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := Run(ctx, testSpace(), Random{}, quadratic, Options{
		OnTrial: func(tr Trial, _ *Study) {
			if tr.Number == 2 {
				cancel()
			}
		}})
	if !errors.Is(err, context.Canceled) || s == nil || len(s.Trials) != 3 {
		t.Errorf("Run = %d trials, %v; want 3 trials and context.Canceled", len(s.Trials), err)
	}
}

func TestRunGridExhausts(t *testing.T) {
	sp := space.New(
		space.Categorical{Name: "opt", Choices: []string{"adam", "sgd"}},
		space.Float{Name: "momentum", Low: 0.5, High: 0.9, When: space.OneOf("opt", "sgd")},
	)
	obj := func(_ context.Context, h *TrialHandle) (float64, float64, error) {
		return h.Params().Float("momentum"), 0, nil
	}
	s, err := Run(context.Background(), sp, Grid{Points: 2}, obj, Options{Trials: 100, Parallel: 2})
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(paramsByNumber(s))
	if want := "[opt=adam momentum=0.5 opt=sgd momentum=0.9 opt=sgd]"; got != want {
		t.Errorf("grid trials = %s, want %s", got, want)
	}
}

func TestRunTrialCap(t *testing.T) {
	s, err := Run(context.Background(), testSpace(), Random{}, quadratic, Options{Trials: 7, Parallel: 3})
	if err != nil || len(s.Trials) != 7 {
		t.Errorf("Run = %d trials, %v; want 7, nil", len(s.Trials), err)
	}
}

func TestRunRejectsBadArguments(t *testing.T) {
	if _, err := Run(context.Background(), testSpace(), nil, quadratic, Options{Trials: 1}); err == nil {
		t.Errorf("Run without a strategy: error nil, want one")
	}
	if _, err := Run(context.Background(), testSpace(), Hyperband{MinBudget: 0, MaxBudget: 9}, quadratic,
		Options{Trials: 1}); err == nil {
		t.Errorf("Run with MinBudget 0: error nil, want one")
	}
}
