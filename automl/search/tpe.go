package search

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/tunebook/tunebook/automl/space"
)

// TPE is the Tree-structured Parzen Estimator (Bergstra, Bardenet, Bengio
// and Kégl, "Algorithms for Hyper-Parameter Optimization", NeurIPS 2011),
// sampling each parameter independently as Optuna's default TPESampler
// does.
//
// The first Startup trials are drawn at random, exactly as Random draws
// them. After that, the finished trials are ranked best first: Complete
// ones by value (then tiebreak, then number), then Pruned ones by the last
// step they reached (later first) and their last value. The best
// min(ceil(Gamma*n), 25) of the n ranked trials form the good group and the
// others the bad group. For each active parameter in space order, a
// density l(x) is fitted to its values in the good group and g(x) to those
// in the bad group (only trials where the parameter exists count, so a
// conditional parameter learns from the trials of its branch), Candidates
// values are drawn from l, and the one with the largest l(x)/g(x) is
// taken. Numeric parameters use Parzen estimators (truncated Gaussian
// mixtures) on a log scale where the parameter is Log; categorical
// parameters and integers given as Values use weighted choice counts. Each
// estimator includes a prior (a broad Gaussian over the range, or an
// equal share per choice) of weight PriorWeight. In groups of more than 25
// trials the older ones weigh less, falling linearly with age to 1/n, as
// in hyperopt's linear forgetting (Bergstra, Yamins and Cox, ICML 2013).
//
// Failed trials and trials whose value is NaN are ignored. Trials that are
// still running when a trial is proposed join the bad group with their
// parameters (the "constant liar" of Ginsbourger, Le Riche and Carraro,
// 2010, as Optuna applies it), so that parallel workers spread out instead
// of proposing the same point. Trial n draws from TrialRand(seed, n), so a
// study with Parallel 1 and a deterministic objective repeats exactly for
// a seed; with more workers the proposals depend on the order in which
// trials finish.
type TPE struct {
	// Startup is the number of finished (Complete or Pruned) trials drawn
	// at random before the model is used; 0 means 10.
	Startup int
	// Candidates is the number of values drawn from l(x) per parameter;
	// 0 means 24.
	Candidates int
	// Gamma is the fraction of ranked trials in the good group; 0 means
	// 0.1.
	Gamma float64
	// PriorWeight is the weight of each estimator's prior component; 0
	// means 1.
	PriorWeight float64
}

// maxGood caps the size of the good group, as Optuna's default gamma does.
const maxGood = 25

// NewSampler returns a TPE sampler over sp; it fails when a setting is
// negative or Gamma exceeds 1.
func (t TPE) NewSampler(sp *space.Space, seed uint64, dir Direction) (Sampler, error) {
	if t.Startup < 0 || t.Candidates < 0 || t.Gamma < 0 || t.Gamma > 1 || t.PriorWeight < 0 ||
		math.IsNaN(t.Gamma) || math.IsNaN(t.PriorWeight) {
		return nil, fmt.Errorf("search: tpe: settings must not be negative and gamma must be at most 1 "+
			"(startup %d, candidates %d, gamma %g, prior weight %g)", t.Startup, t.Candidates, t.Gamma, t.PriorWeight)
	}
	if t.Startup == 0 {
		t.Startup = 10
	}
	if t.Candidates == 0 {
		t.Candidates = 24
	}
	if t.Gamma == 0 {
		t.Gamma = 0.1
	}
	if t.PriorWeight == 0 {
		t.PriorWeight = 1
	}
	s := &tpeSampler{cfg: t, sp: sp, params: sp.Params(), seed: seed, dir: dir, running: map[int][]float64{}}
	for _, q := range s.params {
		s.dims = append(s.dims, newDim(q))
	}
	return s, nil
}

type tpeSampler struct {
	cfg    TPE
	sp     *space.Space
	params []space.Param
	dims   []dim
	seed   uint64
	dir    Direction

	told    []finished        // Complete and Pruned trials with a value, by number
	running map[int][]float64 // proposed, not yet told: their encoded parameters
}

// finished is what TPE keeps of a told trial: what ranks it, and its
// parameters encoded per dim (NaN where a parameter is absent).
type finished struct {
	number          int
	status          Status
	value, tiebreak float64
	lastStep        int
	x               []float64
}

// observed is a member of the good or the bad group: a trial number and
// the trial's encoded parameters.
type observed struct {
	number int
	x      []float64
}

func (s *tpeSampler) Next(n int) (Proposal, error) {
	rng := TrialRand(s.seed, n)
	var p space.Params
	if len(s.told) < s.cfg.Startup {
		p = s.sp.Sample(rng)
	} else {
		good, bad := s.split()
		p = space.Params{}
		for i, q := range s.params {
			if space.Active(q, p) {
				p[s.dims[i].name] = s.suggest(i, good, bad, rng)
			}
		}
	}
	s.running[n] = s.encode(p)
	return Proposal{Params: p.Clone()}, nil
}

func (s *tpeSampler) Tell(t Trial) {
	delete(s.running, t.Number)
	if (t.Status != Complete && t.Status != Pruned) || math.IsNaN(t.Value) || math.IsInf(t.Value, 0) {
		return
	}
	f := finished{number: t.Number, status: t.Status, value: t.Value, tiebreak: t.Tiebreak, x: s.encode(t.Params)}
	if last, ok := t.LastReport(); ok {
		f.lastStep = last.Step
	}
	i, _ := slices.BinarySearchFunc(s.told, t.Number, func(u finished, n int) int { return cmp.Compare(u.number, n) })
	s.told = slices.Insert(s.told, i, f)
}

// encode returns p's value of each dim in model units, NaN where p lacks
// the parameter or holds a value the dim does not know.
func (s *tpeSampler) encode(p space.Params) []float64 {
	x := make([]float64, len(s.dims))
	for i, d := range s.dims {
		v, ok := d.encode(p)
		if !ok {
			v = math.NaN()
		}
		x[i] = v
	}
	return x
}

// split ranks the told trials and returns the good group and the bad one
// (with the running trials as liars), each in number order.
func (s *tpeSampler) split() (good, bad []observed) {
	order := make([]int, len(s.told))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return s.rank(&s.told[a], &s.told[b]) })
	nGood := min(max(int(math.Ceil(s.cfg.Gamma*float64(len(order)))), 1), maxGood, len(order))
	for i, k := range order {
		o := observed{s.told[k].number, s.told[k].x}
		if i < nGood {
			good = append(good, o)
		} else {
			bad = append(bad, o)
		}
	}
	for n, x := range s.running {
		bad = append(bad, observed{n, x})
	}
	byNumber := func(a, b observed) int { return cmp.Compare(a.number, b.number) }
	slices.SortFunc(good, byNumber)
	slices.SortFunc(bad, byNumber)
	return good, bad
}

// rank orders trials best first: Complete ones by value, tiebreak (lower
// first, NaN last) and number, as Study.Leaderboard does; then Pruned ones
// by the last step reached (later first), then by value.
func (s *tpeSampler) rank(a, b *finished) int {
	if a.status != b.status {
		if a.status == Complete {
			return -1
		}
		return 1
	}
	if a.status == Pruned {
		if c := cmp.Compare(b.lastStep, a.lastStep); c != 0 {
			return c
		}
	}
	switch {
	case s.dir.Better(a.value, b.value):
		return -1
	case s.dir.Better(b.value, a.value):
		return 1
	}
	return cmp.Or(cmp.Compare(tiebreakKey(a.tiebreak), tiebreakKey(b.tiebreak)), cmp.Compare(a.number, b.number))
}

// suggest draws Candidates values of d from the good group's estimator and
// returns the one with the largest ratio of good to bad density.
func (s *tpeSampler) suggest(i int, good, bad []observed, rng *rand.Rand) any {
	d := s.dims[i]
	gx, gw := observations(i, good)
	bx, bw := observations(i, bad)
	bestScore, best := math.Inf(-1), 0.0
	if d.categorical() {
		l := newCategorical(toInts(gx), gw, len(d.choices), s.cfg.PriorWeight)
		g := newCategorical(toInts(bx), bw, len(d.choices), s.cfg.PriorWeight)
		for range s.cfg.Candidates {
			c := l.sample(rng)
			if score := l.logP[c] - g.logP[c]; score > bestScore {
				bestScore, best = score, float64(c)
			}
		}
		return d.decode(best)
	}
	if !(d.high > d.low) {
		return d.decode(d.low)
	}
	l := newParzen(gx, gw, d.low, d.high, s.cfg.PriorWeight)
	g := newParzen(bx, bw, d.low, d.high, s.cfg.PriorWeight)
	for range s.cfg.Candidates {
		x := l.sample(rng)
		if score := l.logPDF(x) - g.logPDF(x); score > bestScore {
			bestScore, best = score, x
		}
	}
	return d.decode(best)
}

// observations returns the values of dim i in the group's trials where it
// is present, with their weights: 1 for the newest 25 trials of the group,
// falling linearly towards 1/n for older ones.
func observations(i int, group []observed) (xs, ws []float64) {
	w := forgettingWeights(len(group))
	for k, o := range group {
		if x := o.x[i]; !math.IsNaN(x) {
			xs, ws = append(xs, x), append(ws, w[k])
		}
	}
	return xs, ws
}

// forgettingWeights returns the weights of n observations in age order,
// oldest first.
func forgettingWeights(n int) []float64 {
	const recent = 25
	w := make([]float64, n)
	old := n - recent
	for i := range w {
		if i >= old {
			w[i] = 1
			continue
		}
		w[i] = 1/float64(n) + (1-1/float64(n))*float64(i)/float64(old)
	}
	return w
}

func toInts(xs []float64) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = int(x)
	}
	return out
}
