package search

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/tunebook/tunebook/automl/space"
)

// narrowBowl is a quadratic on [-10, 10]² whose optimum (0 at x = 3.7,
// y = -6.2) is ten times narrower along y.
func narrowBowl(_ context.Context, h *TrialHandle) (float64, float64, error) {
	p := h.Params()
	dx, dy := p.Float("x")-3.7, p.Float("y")+6.2
	return dx*dx + 10*dy*dy, 0, nil
}

func bowlSpace() *space.Space {
	return space.New(space.Float{Name: "x", Low: -10, High: 10}, space.Float{Name: "y", Low: -10, High: 10})
}

// medianBest runs strat with 5 seeds for trials trials and returns the
// median of the best values.
func medianBest(t *testing.T, strat Strategy, trials int) float64 {
	t.Helper()
	var bests []float64
	for seed := uint64(1); seed <= 5; seed++ {
		s, err := Run(context.Background(), bowlSpace(), strat, narrowBowl,
			Options{Trials: trials, Seed: seed, Direction: Minimize})
		if err != nil {
			t.Fatal(err)
		}
		best, err := s.Best()
		if err != nil {
			t.Fatal(err)
		}
		bests = append(bests, best.Value)
	}
	return median(bests)
}

func TestTPEBeatsRandom(t *testing.T) {
	tpe, random := medianBest(t, TPE{}, 40), medianBest(t, Random{}, 40)
	t.Logf("median best after 40 trials over 5 seeds: TPE %.3g, random %.3g", tpe, random)
	// Over 1000 seeds the medians are about 1.3 (TPE) and 7.3 (random).
	if !(tpe < random/2) {
		t.Errorf("median best after 40 trials: TPE %.3g, random %.3g; want TPE below half of random", tpe, random)
	}
}

// mixedObjective scores points of space.Default(), so that the sampler
// meets integers, log scales, categories and conditions.
func mixedObjective(_ context.Context, h *TrialHandle) (float64, float64, error) {
	p := h.Params()
	v := math.Abs(math.Log10(p.Float("learning_rate"))+2.5) + float64(p.Int("layers"))/4
	if p.Choice("optimizer") == "sgd" {
		v += 1 - p.Float("momentum")
	}
	v += math.Abs(math.Log2(float64(p.Int("width_1"))) - 6)
	return v, 0, nil
}

func TestTPEIsDeterministicAndValid(t *testing.T) {
	sp := space.Default()
	run := func(seed uint64) *Study {
		s, err := Run(context.Background(), sp, TPE{Startup: 5}, mixedObjective,
			Options{Trials: 30, Seed: seed, Direction: Minimize})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	a, b, other := run(9), run(9), run(10)
	pa, pb := paramsByNumber(a), paramsByNumber(b)
	for i := range pa {
		if pa[i] != pb[i] {
			t.Errorf("trial %d: %s then %s, want the same params for the same seed", i, pa[i], pb[i])
		}
		if err := sp.Contains(a.Trials[i].Params); err != nil {
			t.Errorf("trial %d: proposal outside the space: %v", i, err)
		}
	}
	if strings.Join(pa, ";") == strings.Join(paramsByNumber(other), ";") {
		t.Errorf("seeds 9 and 10 gave the same trials, want different")
	}
	// The first Startup trials are exactly Random's.
	for n := range 5 {
		if got, want := a.Trials[n].Params.String(), sp.Sample(TrialRand(9, n)).String(); got != want {
			t.Errorf("startup trial %d = %s, want random search's %s", n, got, want)
		}
	}
}

// TestTPEConditional checks that TPE learns the better branch of a
// conditional space and the best value of the parameter of that branch.
func TestTPEConditional(t *testing.T) {
	sp := space.New(
		space.Categorical{Name: "kind", Choices: []string{"a", "b"}},
		space.Float{Name: "xa", Low: 0, High: 10, When: space.OneOf("kind", "a")},
		space.Float{Name: "xb", Low: 0, High: 10, When: space.OneOf("kind", "b")},
	)
	obj := func(_ context.Context, h *TrialHandle) (float64, float64, error) {
		p := h.Params()
		if p.Choice("kind") == "a" {
			return math.Abs(p.Float("xa") - 7), 0, nil
		}
		return 3 + math.Abs(p.Float("xb")-2), 0, nil
	}
	s, err := Run(context.Background(), sp, TPE{}, obj, Options{Trials: 60, Seed: 4, Direction: Minimize})
	if err != nil {
		t.Fatal(err)
	}
	late := s.Trials[40:]
	kindA := 0
	for _, tr := range late {
		if err := sp.Contains(tr.Params); err != nil {
			t.Errorf("trial %d: %v", tr.Number, err)
		}
		if tr.Params.Choice("kind") == "a" {
			kindA++
		}
	}
	t.Logf("%d of the last 20 trials chose branch a", kindA)
	if kindA < 15 {
		t.Errorf("%d of the last 20 trials chose the better branch a, want at least 15", kindA)
	}
	best, _ := s.Best()
	if best.Params.Choice("kind") != "a" || best.Value > 0.3 {
		t.Errorf("best trial %s = %.3g, want branch a within 0.3 of its optimum", best.Params, best.Value)
	}
}

// TestTPEIgnoresFailures checks that failed trials and NaN values leave
// the model untouched.
func TestTPEIgnoresFailures(t *testing.T) {
	sm, err := TPE{}.NewSampler(bowlSpace(), 1, Minimize)
	if err != nil {
		t.Fatal(err)
	}
	s := sm.(*tpeSampler)
	p := space.Params{"x": 1.0, "y": 2.0}
	s.Tell(Trial{Number: 0, Params: p, Status: Failed, Value: 1})
	s.Tell(Trial{Number: 1, Params: p, Status: Complete, Value: math.NaN()})
	s.Tell(Trial{Number: 2, Params: p, Status: Pruned, Value: math.NaN()})
	s.Tell(Trial{Number: 3, Params: p, Status: Complete, Value: math.Inf(1)})
	if len(s.told) != 0 {
		t.Errorf("told %d trials, want 0 (failed, NaN and infinite values are ignored)", len(s.told))
	}
	s.Tell(Trial{Number: 4, Params: p, Status: Pruned, Value: 3})
	s.Tell(Trial{Number: 5, Params: p, Status: Complete, Value: 3})
	if len(s.told) != 2 {
		t.Errorf("told %d trials, want 2 (one pruned, one complete)", len(s.told))
	}
}

func TestTPERankAndSplit(t *testing.T) {
	sm, err := TPE{Gamma: 0.25}.NewSampler(bowlSpace(), 1, Maximize)
	if err != nil {
		t.Fatal(err)
	}
	s := sm.(*tpeSampler)
	reports := func(steps int, v float64) []Report {
		var out []Report
		for i := 1; i <= steps; i++ {
			out = append(out, Report{Step: i, Value: v})
		}
		return out
	}
	// Told out of order, as parallel workers finish.
	told := []Trial{
		{Number: 3, Status: Pruned, Value: 0.99, Intermediate: reports(1, 0.99)},
		{Number: 0, Status: Complete, Value: 0.5},
		{Number: 5, Status: Pruned, Value: 0.6, Intermediate: reports(9, 0.6)},
		{Number: 1, Status: Complete, Value: 0.8, Tiebreak: 0.3},
		{Number: 2, Status: Complete, Value: 0.8, Tiebreak: 0.2},
		{Number: 4, Status: Complete, Value: 0.7},
		{Number: 6, Status: Complete, Value: 0.1},
		{Number: 7, Status: Pruned, Value: 0.9, Intermediate: reports(3, 0.9)},
	}
	for _, tr := range told {
		tr.Params = space.Params{"x": float64(tr.Number), "y": 0.0}
		s.Tell(tr)
	}
	s.running[9] = s.encode(space.Params{"x": 9.0, "y": 0.0})

	order := make([]finished, len(s.told))
	copy(order, s.told)
	slices.SortStableFunc(order, func(a, b finished) int { return s.rank(&a, &b) })
	var got []int
	for _, f := range order {
		got = append(got, f.number)
	}
	// Complete by value then tiebreak; then pruned by step reached, later first.
	if want := []int{2, 1, 4, 0, 6, 5, 7, 3}; !slices.Equal(got, want) {
		t.Errorf("rank order = %v, want %v", got, want)
	}
	// The encoded parameters follow each trial: x holds its number.
	for _, f := range s.told {
		if f.x[0] != float64(f.number) {
			t.Errorf("trial %d: encoded x = %g, want %d", f.number, f.x[0], f.number)
		}
	}

	good, bad := s.split()
	numbers := func(g []observed) []int {
		var out []int
		for _, o := range g {
			out = append(out, o.number)
		}
		return out
	}
	// ceil(0.25*8) = 2 good trials; the running trial is a bad one (liar).
	if got, want := numbers(good), []int{1, 2}; !slices.Equal(got, want) {
		t.Errorf("good group = %v, want %v", got, want)
	}
	if got, want := numbers(bad), []int{0, 3, 4, 5, 6, 7, 9}; !slices.Equal(got, want) {
		t.Errorf("bad group = %v, want %v", got, want)
	}
}

// TestTPEParallel runs TPE with workers (run with -race); the running
// trials join the bad group as liars (see TestTPERankAndSplit).
func TestTPEParallel(t *testing.T) {
	sp := space.Default()
	s, err := Run(context.Background(), sp, TPE{Startup: 4}, mixedObjective,
		Options{Trials: 40, Seed: 2, Parallel: 4, Direction: Minimize})
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range s.Trials {
		if err := sp.Contains(tr.Params); err != nil {
			t.Errorf("trial %d: %v", tr.Number, err)
		}
	}
	if got := s.Count(Complete); got != 40 {
		t.Errorf("%d trials complete, want 40", got)
	}
}

func TestTPERejectsBadSettings(t *testing.T) {
	for _, tpe := range []TPE{{Startup: -1}, {Candidates: -1}, {Gamma: 1.5}, {Gamma: math.NaN()}, {PriorWeight: -1}} {
		if _, err := tpe.NewSampler(bowlSpace(), 1, Minimize); err == nil {
			t.Errorf("%+v: NewSampler succeeded, want an error", tpe)
		}
	}
}

func TestForgettingWeights(t *testing.T) {
	if got := forgettingWeights(3); !slices.Equal(got, []float64{1, 1, 1}) {
		t.Errorf("forgettingWeights(3) = %v, want all 1", got)
	}
	w := forgettingWeights(30)
	if math.Abs(w[0]-1.0/30) > 1e-12 {
		t.Errorf("oldest weight of 30 = %g, want 1/30", w[0])
	}
	for i := 1; i < 5; i++ {
		if !(w[i] > w[i-1] && w[i] < 1) {
			t.Errorf("weight %d = %g after %g, want rising and below 1", i, w[i], w[i-1])
		}
	}
	for i := 5; i < 30; i++ {
		if w[i] != 1 {
			t.Errorf("weight %d of 30 = %g, want 1 for the newest 25", i, w[i])
		}
	}
}
