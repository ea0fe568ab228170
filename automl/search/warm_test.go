package search

import (
	"context"
	"strings"
	"testing"

	"github.com/tunebook/tunebook/automl/space"
)

func TestWarmStartRunsPointsFirst(t *testing.T) {
	sp := bowlSpace()
	points := []space.Params{{"x": 3.0, "y": -6.0}, {"x": -1.0, "y": 1.0}}
	s, err := Run(context.Background(), sp, WarmStart{Points: points, Then: Random{}}, narrowBowl,
		Options{Trials: 5, Seed: 8, Direction: Minimize})
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range points {
		tr := s.Trials[i]
		if tr.Params.String() != p.String() || tr.Attrs["warm_start"] != true {
			t.Errorf("trial %d = %s (attrs %v), want the warm-start point %s marked warm_start", i, tr.Params, tr.Attrs, p)
		}
	}
	for n := 2; n < 5; n++ {
		tr := s.Trials[n]
		if want := sp.Sample(TrialRand(8, n)).String(); tr.Params.String() != want || tr.Attrs["warm_start"] != nil {
			t.Errorf("trial %d = %s, want random search's trial %s without warm_start", n, tr.Params, want)
		}
	}
}

// TestWarmStartTeachesTPE checks that the warm trials count among TPE's
// startup trials, so that the model takes over right after them.
func TestWarmStartTeachesTPE(t *testing.T) {
	sp := bowlSpace()
	points := []space.Params{{"x": 3.0, "y": -6.0}, {"x": 4.0, "y": -6.5}, {"x": -8.0, "y": 8.0}}
	s, err := Run(context.Background(), sp, WarmStart{Points: points, Then: TPE{Startup: 3}}, narrowBowl,
		Options{Trials: 4, Seed: 8, Direction: Minimize})
	if err != nil {
		t.Fatal(err)
	}
	if got, random := s.Trials[3].Params.String(), sp.Sample(TrialRand(8, 3)).String(); got == random {
		t.Errorf("trial 3 = %s, the random draw; want TPE's proposal after three warm trials", got)
	}
}

func TestWarmStartRejectsBadPoints(t *testing.T) {
	tests := []struct {
		name string
		ws   WarmStart
		want string
	}{
		{"outside the space", WarmStart{Points: []space.Params{{"x": 30.0, "y": 0.0}}, Then: Random{}},
			`point 1 (x=30 y=0): space: parameter "x": value 30 is outside [-10, 10]`},
		{"unknown parameter", WarmStart{Points: []space.Params{{"x": 1.0, "y": 0.0, "z": 1.0}}, Then: Random{}},
			`parameter "z": is not a parameter of the space`},
		{"no strategy", WarmStart{}, "needs a strategy"},
	}
	for _, tt := range tests {
		_, err := tt.ws.NewSampler(bowlSpace(), 1, Minimize)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: NewSampler error = %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}
