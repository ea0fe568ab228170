package automl

import (
	"context"
	"time"
)

// Run keeps to its time budget with these margins: the search stops
// starting trials and cancels the running ones finishReserve before the
// budget ends, which leaves time for testing the best model, and waits at
// most searchGrace for them to return. The networks stop before their next
// batch and keep their best epoch, so they return within milliseconds;
// searchGrace only bounds the overrun when one does not.
const (
	finishReserve = 200 * time.Millisecond
	searchGrace   = 500 * time.Millisecond
)

// startBaselines fits the baselines in the background, so that they share
// the time budget with the search instead of delaying it.
func (r *runner) startBaselines() <-chan []*Baseline {
	done := make(chan []*Baseline, 1)
	go func() { done <- r.fitBaselines() }()
	return done
}

// awaitBaselines returns the fitted baselines. With a time budget it waits
// no longer than the search's deadline and otherwise returns none, with a
// note saying so; it also gives up when ctx is done.
func (r *runner) awaitBaselines(ctx context.Context, done <-chan []*Baseline, start time.Time) ([]*Baseline, string) {
	select {
	case b := <-done:
		return b, ""
	default:
	}
	var timeout <-chan time.Time
	if r.cfg.Budget > 0 {
		t := time.NewTimer(max(time.Until(start.Add(r.cfg.Budget-finishReserve)), 0))
		defer t.Stop()
		timeout = t.C
	}
	select {
	case b := <-done:
		return b, ""
	case <-timeout:
		return nil, "the baselines were still being fitted when the time budget ran out and are left out"
	case <-ctx.Done():
		return nil, "the baselines were still being fitted when the run was stopped and are left out"
	}
}
