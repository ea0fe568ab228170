package search

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/tunebook/tunebook/automl/space"
)

func TestLeaderboardTieBreaking(t *testing.T) {
	tests := []struct {
		dir  Direction
		want []int
	}{
		// Values 0.9 (trials 1, 3, 4), 0.8 (2), 0.7 (5). Ties on 0.9 go to the
		// lower tiebreak (4: 0.2), then to the lower number (1 before 3, both 0.3).
		{Maximize, []int{4, 1, 3, 2, 5}},
		{Minimize, []int{5, 2, 4, 1, 3}},
	}
	for _, tt := range tests {
		s := &Study{Direction: tt.dir, Trials: []*Trial{
			{Number: 0, Status: Failed, Value: math.NaN()},
			{Number: 1, Status: Complete, Value: 0.9, Tiebreak: 0.3},
			{Number: 2, Status: Complete, Value: 0.8, Tiebreak: 0.1},
			{Number: 3, Status: Complete, Value: 0.9, Tiebreak: 0.3},
			{Number: 4, Status: Complete, Value: 0.9, Tiebreak: 0.2},
			{Number: 5, Status: Complete, Value: 0.7, Tiebreak: math.NaN()},
			{Number: 6, Status: Pruned, Value: 0.99},
		}}
		var got []int
		for _, tr := range s.Leaderboard(0) {
			got = append(got, tr.Number)
		}
		if !equalInts(got, tt.want) {
			t.Errorf("%v: Leaderboard(0) = %v, want %v", tt.dir, got, tt.want)
		}
		if top := s.Leaderboard(2); len(top) != 2 || top[0].Number != tt.want[0] {
			t.Errorf("%v: Leaderboard(2) = %v, want the first two of %v", tt.dir, top, tt.want)
		}
	}
}

func TestBestSummarisesFailures(t *testing.T) {
	s := &Study{Trials: []*Trial{
		{Number: 0, Status: Failed, Err: "objective value is NaN"},
		{Number: 1, Status: Failed, Err: "panic: boom\n  at f (f.go:1)"},
		{Number: 2, Status: Failed, Err: "objective value is NaN"},
		{Number: 3, Status: Pruned},
	}}
	_, err := s.Best()
	want := "search: no trials are completed (4 trials: 1 pruned, 3 failed; " +
		"failures: objective value is NaN ×2; panic: boom ×1)"
	if !errors.Is(err, ErrNoCompleted) || err.Error() != want {
		t.Errorf("Best() error =\n%v\nwant\n%s", err, want)
	}
	if _, err := (&Study{}).Best(); err == nil || !strings.Contains(err.Error(), "no trials ran") {
		t.Errorf("Best() on an empty study = %v, want an error saying no trials ran", err)
	}
}

func TestTrialJSONRoundTrip(t *testing.T) {
	tr := Trial{Number: 3, Params: space.Params{"layers": 2, "opt": "adam"}, Status: Pruned,
		Value: math.NaN(), Tiebreak: 0.25, Budget: 9,
		Intermediate: []Report{{Step: 0, Value: 0.5, Extra: map[string]float64{"train_loss": math.Inf(1)}},
			{Step: 1, Value: math.NaN()}}}
	b, err := json.Marshal(tr)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"status":"pruned"`) || !strings.Contains(string(b), `"value":null`) {
		t.Errorf("Marshal = %s, want status pruned and value null", b)
	}
	var back Trial
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Number != 3 || back.Status != Pruned || !math.IsNaN(back.Value) || back.Tiebreak != 0.25 ||
		back.Params.Int("layers") != 2 || len(back.Intermediate) != 2 ||
		!math.IsNaN(back.Intermediate[0].Extra["train_loss"]) || !math.IsNaN(back.Intermediate[1].Value) {
		t.Errorf("round trip gave %+v", back)
	}
}

func TestTextForms(t *testing.T) {
	for _, st := range []Status{Running, Complete, Pruned, Failed} {
		b, _ := st.MarshalText()
		var back Status
		if err := back.UnmarshalText(b); err != nil || back != st {
			t.Errorf("Status %v: round trip gave %v, %v", st, back, err)
		}
	}
	for _, d := range []Direction{Maximize, Minimize} {
		b, _ := d.MarshalText()
		var back Direction
		if err := back.UnmarshalText(b); err != nil || back != d {
			t.Errorf("Direction %v: round trip gave %v, %v", d, back, err)
		}
	}
	var d Direction
	if err := d.UnmarshalText([]byte("up")); err == nil {
		t.Errorf("UnmarshalText(up) = nil, want an error")
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
