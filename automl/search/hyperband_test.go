package search

import (
	"context"
	"reflect"
	"testing"
)

// TestHyperbandBrackets checks the schedule for R = 27, eta = 3 against the
// paper's formulas worked by hand: s_max = 3, B = 4R = 108,
// n = ceil(4/(s+1) * 3^s) = 27, 12, 6, 4 and r = 27 * 3^-s = 1, 3, 9, 27.
func TestHyperbandBrackets(t *testing.T) {
	got, err := Hyperband{MinBudget: 1, MaxBudget: 27, Eta: 3}.Brackets()
	if err != nil {
		t.Fatal(err)
	}
	want := []Bracket{
		{S: 3, Rungs: []Rung{{27, 1}, {9, 3}, {3, 9}, {1, 27}}},
		{S: 2, Rungs: []Rung{{12, 3}, {4, 9}, {1, 27}}},
		{S: 1, Rungs: []Rung{{6, 9}, {2, 27}}},
		{S: 0, Rungs: []Rung{{4, 27}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Brackets() =\n%v\nwant\n%v", got, want)
	}
}

func TestHyperbandBracketsScaled(t *testing.T) {
	// R = 81/3 = 27 units of 3 epochs: the same shape, budgets times 3.
	got, err := Hyperband{MinBudget: 3, MaxBudget: 81}.Brackets()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 || got[0].Rungs[0] != (Rung{27, 3}) || got[3].Rungs[0] != (Rung{4, 81}) {
		t.Errorf("Brackets() = %v, want 4 brackets from {27 3} to {4 81}", got)
	}
	bad := []Hyperband{{MinBudget: 0, MaxBudget: 9}, {MinBudget: 5, MaxBudget: 4}, {MinBudget: 1, MaxBudget: 9, Eta: 1}}
	for _, h := range bad {
		if _, err := h.Brackets(); err == nil {
			t.Errorf("%+v.Brackets() error = nil, want one", h)
		}
	}
}

// TestHyperbandRun runs one full Hyperband iteration (69 trials) plus one
// and checks rung sizes, budgets and promotions.
func TestHyperbandRun(t *testing.T) {
	hb := Hyperband{MinBudget: 1, MaxBudget: 27, Eta: 3}
	brackets, _ := hb.Brackets()
	total := 0
	for _, b := range brackets {
		for _, r := range b.Rungs {
			total += r.Configs
		}
	}
	// More epochs help; the quadratic ranks configurations.
	obj := func(ctx context.Context, h *TrialHandle) (float64, float64, error) {
		v, _, _ := quadratic(ctx, h)
		return v + 1/float64(h.Budget()), 0, nil
	}
	s, err := Run(context.Background(), testSpace(), hb, obj,
		Options{Trials: total + 1, Parallel: 3, Direction: Minimize, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	if total != 69 || len(s.Trials) != 70 {
		t.Fatalf("one iteration = %d trials, ran %d; want 69 and 70", total, len(s.Trials))
	}

	type key struct{ s, rung int }
	byRung := map[key][]*Trial{}
	for _, tr := range s.Trials[:total] {
		k := key{tr.Attrs["bracket"].(int), tr.Attrs["rung"].(int)}
		byRung[k] = append(byRung[k], tr)
	}
	for _, b := range brackets {
		for i, r := range b.Rungs {
			trials := byRung[key{b.S, i}]
			if len(trials) != r.Configs {
				t.Errorf("bracket %d rung %d: %d trials, want %d", b.S, i, len(trials), r.Configs)
			}
			for _, tr := range trials {
				if tr.Budget != r.Budget {
					t.Errorf("trial %d: budget %d, want %d", tr.Number, tr.Budget, r.Budget)
				}
				if i > 0 {
					checkPromotion(t, s, tr, byRung[key{b.S, i - 1}], r.Configs)
				}
			}
		}
	}
	if last := s.Trials[total]; last.Attrs["bracket"] != 3 || last.Attrs["rung"] != 0 {
		t.Errorf("trial %d attrs %v, want a new iteration at bracket 3 rung 0", total, last.Attrs)
	}
}

// checkPromotion checks that tr repeats a parent from the previous rung
// that ranks among its top k.
func checkPromotion(t *testing.T, s *Study, tr *Trial, prev []*Trial, k int) {
	t.Helper()
	parent := s.Trials[tr.Attrs["parent"].(int)]
	if parent.Params.String() != tr.Params.String() {
		t.Errorf("trial %d params %v, want its parent %d's %v", tr.Number, tr.Params, parent.Number, parent.Params)
	}
	better := 0
	for _, p := range prev {
		if compareTrials(Minimize, p, parent) < 0 {
			better++
		}
	}
	if better >= k {
		t.Errorf("trial %d promoted trial %d, which %d trials of its rung beat; want it in the top %d",
			tr.Number, parent.Number, better, k)
	}
}
