package search

import (
	"errors"
	"fmt"
	"math/rand/v2"

	"github.com/tunebook/tunebook/automl/space"
)

// ErrWait is returned by Sampler.Next when the next trial depends on trials
// still running; Run asks again after one finishes.
var ErrWait = errors.New("search: waiting for running trials")

// ErrExhausted is returned by Sampler.Next when the strategy has nothing
// left to propose; Run then stops starting trials.
var ErrExhausted = errors.New("search: strategy exhausted")

// Proposal is a trial a strategy wants run.
type Proposal struct {
	Params space.Params
	// Budget is passed to the objective through TrialHandle.Budget.
	Budget int
	// Attrs are copied into the trial's Attrs.
	Attrs map[string]any
}

// Sampler proposes the trials of one study. Run calls its methods from one
// goroutine: Next to get trial number n, Tell with each finished trial.
type Sampler interface {
	// Next returns the proposal for trial number n, or ErrWait or
	// ErrExhausted.
	Next(n int) (Proposal, error)
	// Tell passes a finished (not Running) trial back.
	Tell(t Trial)
}

// Strategy makes a Sampler for a study over a valid space.
type Strategy interface {
	NewSampler(sp *space.Space, seed uint64, dir Direction) (Sampler, error)
}

// TrialRand returns the random source for trial number n of a study with
// the given seed. It depends only on (seed, n), so trials draw the same
// points whatever the order in which parallel workers start them.
func TrialRand(seed uint64, n int) *rand.Rand {
	return rand.New(rand.NewPCG(seed, uint64(n)))
}

// Random samples each trial independently from the space (random search,
// Bergstra and Bengio 2012, JMLR 13:281-305), with TrialRand(seed, number).
type Random struct{}

// NewSampler returns a random sampler over sp.
func (Random) NewSampler(sp *space.Space, seed uint64, _ Direction) (Sampler, error) {
	return &randomSampler{sp: sp, seed: seed}, nil
}

type randomSampler struct {
	sp   *space.Space
	seed uint64
}

func (r *randomSampler) Next(n int) (Proposal, error) {
	return Proposal{Params: r.sp.Sample(TrialRand(r.seed, n))}, nil
}

func (r *randomSampler) Tell(Trial) {}

// Grid proposes every point of sp.Grid(Points) once, in grid order (the
// first parameter varying slowest), then is exhausted. Points <= 0 means 3.
// With a trial limit smaller than the grid, the points after the limit are
// never visited.
type Grid struct {
	Points int
}

// NewSampler enumerates the grid; it fails when the grid is too large.
func (g Grid) NewSampler(sp *space.Space, _ uint64, _ Direction) (Sampler, error) {
	points := g.Points
	if points <= 0 {
		points = 3
	}
	grid, err := sp.Grid(points)
	if err != nil {
		return nil, fmt.Errorf("search: grid strategy: %w", err)
	}
	return &gridSampler{grid: grid}, nil
}

type gridSampler struct {
	grid []space.Params
	next int
}

func (g *gridSampler) Next(int) (Proposal, error) {
	if g.next >= len(g.grid) {
		return Proposal{}, ErrExhausted
	}
	g.next++
	return Proposal{Params: g.grid[g.next-1]}, nil
}

func (g *gridSampler) Tell(Trial) {}
