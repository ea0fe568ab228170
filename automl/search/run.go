package search

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"math"
	"time"

	"github.com/tunebook/tunebook/automl/space"
)

// DefaultGrace is how long Run waits, once the time budget is spent or the
// caller's context is done, for running objectives to return.
const DefaultGrace = 500 * time.Millisecond

// Options configures Run. The zero value runs trials one at a time,
// maximizing, without pruning, and with no limit other than the strategy's:
// Grid stops when its grid is done, but Random and Hyperband then run until
// the caller's context is done.
type Options struct {
	// Trials caps the number of trials started; 0 means no cap.
	Trials int
	// Budget caps the wall-clock time; 0 means no cap. No trial starts
	// after it; at the deadline the objectives' context is cancelled.
	Budget time.Duration
	// Grace is how long to wait for running objectives after the deadline
	// or cancellation before abandoning them (they are recorded as Failed
	// and their goroutines left to finish); 0 means DefaultGrace.
	Grace time.Duration
	// Parallel is the number of trials run at once; 0 means 1.
	Parallel int
	// Seed makes sampling repeatable.
	Seed      uint64
	Direction Direction
	// Pruner decides on early stopping at each report; nil never prunes
	// (non-finite reports still prune, see TrialHandle.Report).
	Pruner Pruner
	// OnTrial, when set, is called after each trial finishes, one call at
	// a time, with a copy of the trial and the study.
	OnTrial func(t Trial, s *Study)
	// Logger receives a debug record per trial; nil discards them.
	Logger *slog.Logger
}

// Run searches sp with strat, evaluating obj, and returns the study.
//
// It validates the space first and returns its error before running any
// trial. Trials are numbered from 0 in the order they start; with Parallel
// > 1 they run in goroutines. Random and Hyperband draw trial n's
// configuration from TrialRand(Seed, n), so a study with a fixed seed and a
// deterministic objective proposes the same parameters whatever Parallel
// is; TPE, which learns from finished trials, repeats exactly only with
// Parallel 1. Run stops starting trials when the trial cap is reached, the budget
// is spent, the strategy is exhausted or ctx is done; it then waits for
// running trials (at most Grace after a deadline or cancellation). Failed
// trials do not stop the search; Study.Best reports when none completed.
//
// Run returns the study together with an error when ctx was cancelled (the
// partial study is still useful) or when the strategy failed.
func Run(ctx context.Context, sp *space.Space, strat Strategy, obj Objective, opts Options) (*Study, error) {
	if sp == nil {
		return nil, errors.New("search: Run needs a search space")
	}
	if err := sp.Validate(); err != nil {
		return nil, fmt.Errorf("search: invalid search space: %w", err)
	}
	if strat == nil || obj == nil {
		return nil, errors.New("search: Run needs a strategy and an objective")
	}
	sampler, err := strat.NewSampler(sp, opts.Seed, opts.Direction)
	if err != nil {
		return nil, err
	}
	if opts.Parallel <= 0 {
		opts.Parallel = 1
	}
	if opts.Grace <= 0 {
		opts.Grace = DefaultGrace
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	r := &runner{study: &Study{Direction: opts.Direction}, sampler: sampler, obj: obj, opts: opts}
	return r.run(ctx)
}

type runner struct {
	study   *Study
	sampler Sampler
	obj     Objective
	opts    Options
}

// outcome is what a worker hands back when its objective returns.
type outcome struct {
	h               *TrialHandle
	value, tiebreak float64
	err             error
	panicked        string
	stopped         bool // the run's context was done when it returned
}

func (r *runner) run(ctx context.Context) (*Study, error) {
	runCtx, cancel := ctx, context.CancelFunc(func() {})
	if r.opts.Budget > 0 {
		runCtx, cancel = context.WithTimeout(ctx, r.opts.Budget)
	}
	defer cancel()

	// Buffered so that abandoned workers can always deliver and exit.
	results := make(chan outcome, r.opts.Parallel)
	running := map[*TrialHandle]bool{}
	var stopErr error
	launching := true
	for {
		for launching && len(running) < r.opts.Parallel {
			h, err := r.launch(runCtx, results)
			if errors.Is(err, ErrWait) && len(running) > 0 {
				break // ask again when a trial finishes
			}
			if err != nil {
				launching = false
				switch {
				case errors.Is(err, ErrWait):
					stopErr = fmt.Errorf("search: strategy waits but no trial is running: %w", err)
				case !errors.Is(err, ErrExhausted) && !errors.Is(err, errStop):
					stopErr = err
				}
				break
			}
			running[h] = true
		}
		if len(running) == 0 {
			break
		}
		select {
		case o := <-results:
			delete(running, o.h)
			r.finish(o)
		case <-runCtx.Done():
			launching = false
			r.drain(running, results)
		}
	}

	r.opts.Logger.Info("study finished", "trials", len(r.study.Trials),
		"complete", r.study.Count(Complete), "pruned", r.study.Count(Pruned), "failed", r.study.Count(Failed))
	if err := ctx.Err(); err != nil {
		return r.study, fmt.Errorf("search: study stopped after %d trials: %w", len(r.study.Trials), err)
	}
	return r.study, stopErr
}

// errStop says that a limit, not the strategy, ended the launching.
var errStop = errors.New("search: limit reached")

// launch asks the sampler for the next trial and starts it in a goroutine.
func (r *runner) launch(ctx context.Context, results chan<- outcome) (*TrialHandle, error) {
	s := r.study
	n := len(s.Trials) // only this goroutine appends to s.Trials
	if ctx.Err() != nil || (r.opts.Trials > 0 && n >= r.opts.Trials) {
		return nil, errStop
	}
	p, err := r.sampler.Next(n)
	if errors.Is(err, ErrWait) || errors.Is(err, ErrExhausted) {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("search: strategy failed at trial %d: %w", n, err)
	}

	t := &Trial{Number: n, Params: p.Params, Budget: p.Budget, Status: Running, Value: math.NaN(),
		Tiebreak: math.NaN(), Started: time.Now(), Attrs: maps.Clone(p.Attrs)}
	h := &TrialHandle{study: s, trial: t, pruner: r.opts.Pruner}
	s.mu.Lock()
	s.Trials = append(s.Trials, t)
	s.mu.Unlock()

	go func() {
		o := callObjective(ctx, r.obj, h)
		o.stopped = ctx.Err() != nil
		results <- o
	}()
	return h, nil
}

// drain waits up to the grace period for running trials, then abandons the
// rest as Failed.
func (r *runner) drain(running map[*TrialHandle]bool, results <-chan outcome) {
	timer := time.NewTimer(r.opts.Grace)
	defer timer.Stop()
	for len(running) > 0 {
		select {
		case o := <-results:
			delete(running, o.h)
			r.finish(o)
		case <-timer.C:
			for h := range running {
				delete(running, h)
				r.abandon(h)
			}
		}
	}
}
