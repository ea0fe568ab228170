package search

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
)

// ErrNoCompleted is returned (wrapped) by Study.Best when no trial has
// completed, for example because every objective value was NaN.
var ErrNoCompleted = errors.New("search: no trials are completed")

// Study is the record of a search: its trials in number order. While Run is
// in progress, read it only through its methods (which lock it), for
// example from Options.OnTrial; once Run has returned, the fields may be
// read directly. It marshals to JSON through its exported fields.
type Study struct {
	Direction Direction `json:"direction"`
	Trials    []*Trial  `json:"trials"`

	mu        sync.Mutex
	completed []Trial // copies of the Complete trials, for pruners
}

// Best returns a copy of the best Complete trial (see Leaderboard for the
// order). When no trial has completed it returns an error wrapping
// ErrNoCompleted that counts the trials by status and lists the distinct
// failure reasons with their counts.
func (s *Study) Best() (*Trial, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	board := s.leaderboard(1)
	if len(board) == 0 {
		return nil, fmt.Errorf("%w (%s)", ErrNoCompleted, s.summary())
	}
	return &board[0], nil
}

// Leaderboard returns copies of the n best Complete trials (all of them
// when n <= 0), best first: by Value in the study's direction, then by
// Tiebreak (lower first, NaN last), then by trial number.
func (s *Study) Leaderboard(n int) []Trial {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.leaderboard(n)
}

// Completed returns copies of the Complete trials in number order.
func (s *Study) Completed() []Trial {
	return s.Filter(Complete)
}

// Filter returns copies of the trials with status st in number order.
func (s *Study) Filter(st Status) []Trial {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Trial
	for _, t := range s.Trials {
		if t.Status == st {
			out = append(out, *t)
		}
	}
	return out
}

// Count returns the number of trials with status st.
func (s *Study) Count(st Status) int {
	return len(s.Filter(st))
}

// Snapshot returns copies of all trials in number order.
func (s *Study) Snapshot() []Trial {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.copies()
}

// copies returns shallow copies of all trials in number order; s.mu must
// be held.
func (s *Study) copies() []Trial {
	out := make([]Trial, len(s.Trials))
	for i, t := range s.Trials {
		out[i] = *t
	}
	return out
}

func (s *Study) leaderboard(n int) []Trial {
	var out []Trial
	for _, t := range s.Trials {
		if t.Status == Complete {
			out = append(out, *t)
		}
	}
	slices.SortStableFunc(out, func(a, b Trial) int { return compareTrials(s.Direction, &a, &b) })
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// compareTrials orders trials best first: by value in direction d, then
// by tiebreak (lower first, NaN as +Inf), then by number.
func compareTrials(d Direction, a, b *Trial) int {
	switch {
	case d.Better(a.Value, b.Value):
		return -1
	case d.Better(b.Value, a.Value):
		return 1
	}
	if c := cmp.Compare(tiebreakKey(a.Tiebreak), tiebreakKey(b.Tiebreak)); c != 0 {
		return c
	}
	return cmp.Compare(a.Number, b.Number)
}

func tiebreakKey(v float64) float64 {
	if math.IsNaN(v) {
		return math.Inf(1)
	}
	return v
}

// summary counts the trials by status and the failure reasons, as in
// "2 trials: 2 failed (objective value is NaN ×2)".
func (s *Study) summary() string {
	if len(s.Trials) == 0 {
		return "no trials ran"
	}
	counts := map[Status]int{}
	reasons := map[string]int{}
	for _, t := range s.Trials {
		counts[t.Status]++
		if t.Status == Failed {
			reason, _, _ := strings.Cut(t.Err, "\n")
			reasons[reason]++
		}
	}
	var parts []string
	for _, st := range []Status{Running, Pruned, Failed} {
		if counts[st] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[st], st))
		}
	}
	noun := "trials"
	if len(s.Trials) == 1 {
		noun = "trial"
	}
	msg := fmt.Sprintf("%d %s: %s", len(s.Trials), noun, strings.Join(parts, ", "))
	if len(reasons) == 0 {
		return msg
	}
	keys := make([]string, 0, len(reasons))
	for r := range reasons {
		keys = append(keys, r)
	}
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(reasons[b], reasons[a]), cmp.Compare(a, b))
	})
	for i, r := range keys {
		keys[i] = fmt.Sprintf("%s ×%d", r, reasons[r])
	}
	return msg + "; failures: " + strings.Join(keys, "; ")
}
