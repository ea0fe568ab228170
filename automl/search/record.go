package search

import (
	"context"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// callObjective runs the objective, turning a panic into an outcome.
func callObjective(ctx context.Context, obj Objective, h *TrialHandle) (o outcome) {
	o.h = h
	defer func() {
		if v := recover(); v != nil {
			o.panicked = fmt.Sprintf("panic: %v\n%s", v, stackSummary(8))
		}
	}()
	o.value, o.tiebreak, o.err = obj(ctx, h)
	return o
}

// stackSummary lists up to max frames of the panicking goroutine, from the
// panic site down to the objective call, skipping the runtime's frames.
func stackSummary(max int) string {
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs)])
	var b strings.Builder
	for n := 0; n < max; {
		f, more := frames.Next()
		if strings.HasSuffix(f.Function, "search.callObjective") {
			break
		}
		if !strings.HasPrefix(f.Function, "runtime.") && !strings.Contains(f.Function, "search.callObjective.") {
			fmt.Fprintf(&b, "  at %s (%s:%d)\n", f.Function, filepath.Base(f.File), f.Line)
			n++
		}
		if !more {
			break
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// finish records a returned objective (see Objective for the rules), then
// tells the sampler, the logger and OnTrial.
func (r *runner) finish(o outcome) {
	s := r.study
	s.mu.Lock()
	h, t := o.h, o.h.trial
	if h.done {
		s.mu.Unlock()
		return
	}
	h.done = true
	t.Duration = time.Since(t.Started)
	t.Value, t.Tiebreak = o.value, o.tiebreak
	ctxErr := o.err != nil && o.stopped &&
		(errors.Is(o.err, context.Canceled) || errors.Is(o.err, context.DeadlineExceeded))
	switch {
	case o.panicked != "":
		t.Status, t.Err = Failed, o.panicked
	case h.pruned:
		t.Status, t.Value = Pruned, math.NaN()
		if last, ok := t.LastReport(); ok {
			t.Value = last.Value
		}
	case o.err != nil && !ctxErr:
		t.Status, t.Err = Failed, o.err.Error()
	case math.IsNaN(o.value) && ctxErr:
		t.Status, t.Err = Failed, fmt.Sprintf("stopped (%v) before producing a value", o.err)
	case math.IsNaN(o.value) || math.IsInf(o.value, 0):
		t.Status, t.Err = Failed, fmt.Sprintf("objective value is %v", o.value)
	default:
		t.Status = Complete
		if ctxErr {
			if t.Attrs == nil {
				t.Attrs = map[string]any{}
			}
			t.Attrs["stopped_early"] = true
		}
		s.completed = append(s.completed, *t)
	}
	done := *t
	s.mu.Unlock()
	r.report(done)
}

// abandon records a trial whose objective did not return within the grace
// period; a later return is ignored.
func (r *runner) abandon(h *TrialHandle) {
	s := r.study
	s.mu.Lock()
	h.done = true
	t := h.trial
	t.Duration = time.Since(t.Started)
	t.Status = Failed
	t.Err = fmt.Sprintf("objective did not return within %v after the study stopped", r.opts.Grace)
	done := *t
	s.mu.Unlock()
	r.report(done)
}

func (r *runner) report(t Trial) {
	r.sampler.Tell(t)
	r.opts.Logger.Debug("trial finished", "number", t.Number, "status", t.Status.String(),
		"value", t.Value, "params", t.Params.String(), "error", t.Err)
	if r.opts.OnTrial != nil {
		r.opts.OnTrial(t, r.study)
	}
}
