package search

import (
	"fmt"

	"github.com/tunebook/tunebook/automl/space"
)

// WarmStart runs the given Points as the first trials, in order, then
// hands over to Then (like enqueueing trials in Optuna before optimizing).
// The warm trials carry the attribute "warm_start" = true. Then's sampler
// is told about every finished trial, the warm ones included, so a model
// such as TPE learns from them (and counts them among its startup trials).
type WarmStart struct {
	Points []space.Params
	Then   Strategy
}

// NewSampler fails when a point is not a point of sp (see space.Contains)
// or Then is nil or fails.
func (w WarmStart) NewSampler(sp *space.Space, seed uint64, dir Direction) (Sampler, error) {
	if w.Then == nil {
		return nil, fmt.Errorf("search: warm start needs a strategy to hand over to")
	}
	for i, p := range w.Points {
		if err := sp.Contains(p); err != nil {
			return nil, fmt.Errorf("search: warm start point %d (%s): %w", i+1, p, err)
		}
	}
	next, err := w.Then.NewSampler(sp, seed, dir)
	if err != nil {
		return nil, err
	}
	return &warmSampler{points: w.Points, next: next}, nil
}

type warmSampler struct {
	points []space.Params
	next   Sampler
}

func (w *warmSampler) Next(n int) (Proposal, error) {
	if len(w.points) == 0 {
		return w.next.Next(n)
	}
	p := w.points[0]
	w.points = w.points[1:]
	return Proposal{Params: p.Clone(), Attrs: map[string]any{"warm_start": true}}, nil
}

func (w *warmSampler) Tell(t Trial) { w.next.Tell(t) }
