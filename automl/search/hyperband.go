package search

import (
	"fmt"
	"math"
	"slices"

	"github.com/tunebook/tunebook/automl/space"
)

// Hyperband runs successive halving over brackets that trade the number of
// configurations against the budget each gets (Li, Jamieson, DeSalvo,
// Rostamizadeh and Talwalkar, "Hyperband: A Novel Bandit-Based Approach to
// Hyperparameter Optimization", JMLR 18(185), 2018, Algorithm 1). The
// budget is in epochs; R = MaxBudget/MinBudget and Eta (default 3) is the
// halving rate.
//
// Each rung is run as separate trials: a promoted configuration is trained
// again from scratch with the larger budget as a new trial number with the
// same params, and attributes "bracket" (s), "rung" (i) and, from rung 1,
// "parent" (the trial it was promoted from). A rung starts when every trial
// of the previous rung has finished; the top floor(n_i/Eta) Complete trials
// are promoted (Pruned and Failed ones never are, so a rung may be smaller
// than the paper's). After the last bracket (s = 0) Hyperband starts over
// with new configurations, until the study's trial or time limit.
type Hyperband struct {
	MinBudget, MaxBudget int
	Eta                  int
}

// Rung is one round of successive halving: Configs configurations each
// trained with Budget epochs.
type Rung struct {
	Configs, Budget int
}

// Bracket is one run of successive halving, S being the paper's s.
type Bracket struct {
	S     int
	Rungs []Rung
}

// Brackets returns Hyperband's schedule, s = s_max down to 0, with the
// paper's s_max = floor(log_eta(R)), n = ceil((s_max+1)/(s+1) * eta^s),
// r = R*eta^-s, and for rung i: n_i = floor(n*eta^-i) configurations of
// r_i = r*eta^i units of MinBudget epochs (rounded).
func (h Hyperband) Brackets() ([]Bracket, error) {
	eta := h.eta()
	if h.MinBudget < 1 || h.MaxBudget < h.MinBudget || eta < 2 {
		return nil, fmt.Errorf("search: hyperband needs 1 <= MinBudget <= MaxBudget and Eta >= 2 "+
			"(min %d, max %d, eta %d)", h.MinBudget, h.MaxBudget, eta)
	}
	r := float64(h.MaxBudget) / float64(h.MinBudget)
	sMax := int(math.Floor(math.Log(r)/math.Log(float64(eta)) + 1e-9))

	out := make([]Bracket, 0, sMax+1)
	for s := sMax; s >= 0; s-- {
		pow := ipow(eta, s)
		n := ((sMax+1)*pow + s) / (s + 1) // ceil((sMax+1)*eta^s / (s+1))
		b := Bracket{S: s}
		for i := 0; i <= s; i++ {
			budget := int(math.Round(float64(h.MaxBudget) / float64(ipow(eta, s-i))))
			b.Rungs = append(b.Rungs, Rung{Configs: n / ipow(eta, i), Budget: max(budget, h.MinBudget)})
		}
		out = append(out, b)
	}
	return out, nil
}

func (h Hyperband) eta() int {
	if h.Eta == 0 {
		return 3
	}
	return h.Eta
}

func ipow(b, e int) int {
	p := 1
	for range e {
		p *= b
	}
	return p
}

// NewSampler returns a Hyperband sampler; new configurations are drawn
// with TrialRand(seed, number).
func (h Hyperband) NewSampler(sp *space.Space, seed uint64, dir Direction) (Sampler, error) {
	brackets, err := h.Brackets()
	if err != nil {
		return nil, err
	}
	hs := &hyperbandSampler{sp: sp, seed: seed, dir: dir, eta: h.eta(), brackets: brackets}
	hs.startRung(0, 0, nil)
	return hs, nil
}

type hyperbandSampler struct {
	sp       *space.Space
	seed     uint64
	dir      Direction
	eta      int
	brackets []Bracket

	bracket, rung int
	fresh         int          // new configurations still to propose in rung 0
	promoted      []Trial      // promoted trials still to propose
	pending       map[int]bool // proposed trials of the rung not yet told
	finished      []Trial      // told trials of the rung
}

func (h *hyperbandSampler) startRung(bracket, rung int, promoted []Trial) {
	h.bracket, h.rung, h.promoted = bracket, rung, promoted
	h.fresh = 0
	if rung == 0 {
		h.fresh = h.brackets[bracket].Rungs[0].Configs
	}
	h.pending = map[int]bool{}
	h.finished = nil
}

func (h *hyperbandSampler) Next(n int) (Proposal, error) {
	if h.fresh == 0 && len(h.promoted) == 0 {
		if len(h.pending) > 0 {
			return Proposal{}, ErrWait
		}
		h.advance()
	}
	b := h.brackets[h.bracket]
	p := Proposal{
		Budget: b.Rungs[h.rung].Budget,
		Attrs:  map[string]any{"bracket": b.S, "rung": h.rung},
	}
	if h.fresh > 0 {
		h.fresh--
		p.Params = h.sp.Sample(TrialRand(h.seed, n))
	} else {
		parent := h.promoted[0]
		h.promoted = h.promoted[1:]
		p.Params = parent.Params.Clone()
		p.Attrs["parent"] = parent.Number
	}
	h.pending[n] = true
	return p, nil
}

// advance moves to the next rung with the top trials of the finished one,
// or to the next bracket when none is promoted or the bracket is over.
func (h *hyperbandSampler) advance() {
	rungs := h.brackets[h.bracket].Rungs
	if h.rung+1 < len(rungs) {
		var done []Trial
		for _, t := range h.finished {
			if t.Status == Complete {
				done = append(done, t)
			}
		}
		slices.SortStableFunc(done, func(a, b Trial) int { return compareTrials(h.dir, &a, &b) })
		if k := min(rungs[h.rung].Configs/h.eta, len(done)); k > 0 {
			h.startRung(h.bracket, h.rung+1, done[:k])
			return
		}
	}
	h.startRung((h.bracket+1)%len(h.brackets), 0, nil)
}

func (h *hyperbandSampler) Tell(t Trial) {
	if h.pending[t.Number] {
		delete(h.pending, t.Number)
		h.finished = append(h.finished, t)
	}
}
