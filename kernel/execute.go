package kernel

import (
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/tunebook/tunebook/kernel/wire"
)

// executeRequest is the content of an execute_request. Fields the front end
// leaves out take the defaults of the messaging spec.
type executeRequest struct {
	Code            string            `json:"code"`
	Silent          bool              `json:"silent"`
	StoreHistory    bool              `json:"store_history"`
	UserExpressions map[string]string `json:"user_expressions"`
	AllowStdin      bool              `json:"allow_stdin"`
	StopOnError     bool              `json:"stop_on_error"`
}

// cellOutcome is what Engine.Execute returned.
type cellOutcome struct {
	res *Result
	err error
}

// handleExecute runs a cell: execute_input, the cell's output, then
// execute_result or error on IOPub, and the execute_reply. The execution
// count grows only for cells stored in the history, which silent cells
// never are. After an error with stop_on_error, execute requests already
// received are answered "aborted", as ipykernel does.
func (s *server) handleExecute(c channel, m *wire.Message) {
	req := executeRequest{StoreHistory: true, AllowStdin: true, StopOnError: true}
	if err := m.DecodeContent(&req); err != nil {
		s.log.Warn("bad execute_request", "err", err)
		s.reply(c, m, "execute_reply", errorReply(s.count, &CellError{Name: "ProtocolError", Value: err.Error()}))
		return
	}
	store := req.StoreHistory && !req.Silent
	if store {
		s.count++
	}
	if req.Silent {
		s.out.mute(true)
		defer s.out.mute(false)
	} else {
		s.out.setParent(m)
		s.publish(m, "execute_input", map[string]any{"code": req.Code, "execution_count": s.count})
	}

	o, interrupted := s.runCell(m, req.Code, req.AllowStdin)
	if errors.Is(o.err, ErrReset) {
		o = cellOutcome{err: s.resetEngine()}
	}
	s.streams.sync()

	if o.err != nil {
		if req.StopOnError {
			// Before any output: requests sent after it must not be aborted.
			s.abortThrough = s.received.Load()
		}
		ce := toCellError(o.err, interrupted)
		if !req.Silent {
			s.publish(m, "error", map[string]any{"ename": ce.Name, "evalue": ce.Value, "traceback": ce.Traceback})
		}
		s.reply(c, m, "execute_reply", errorReply(s.count, ce))
		if store {
			s.history.add(s.count, req.Code, "")
		}
		return
	}

	output := ""
	if o.res != nil && o.res.Data != nil {
		output, _ = o.res.Data["text/plain"].(string)
		if !req.Silent {
			s.publish(m, "execute_result", map[string]any{
				"execution_count": s.count, "data": o.res.Data, "metadata": orEmpty(o.res.Metadata),
			})
		}
	}
	s.reply(c, m, "execute_reply", map[string]any{
		"status":           "ok",
		"execution_count":  s.count,
		"user_expressions": s.userExpressions(m, req.UserExpressions),
		"payload":          []any{},
	})
	if store {
		s.history.add(s.count, req.Code, output)
	}
}

// runCell runs code on the engine in its own goroutine. After an interrupt
// it waits InterruptGrace for the engine to stop; if it does not, the cell
// is reported as interrupted and left running, holding the engine, and
// later cells fail until the kernel restarts.
func (s *server) runCell(m *wire.Message, code string, allowStdin bool) (o cellOutcome, interrupted bool) {
	if !s.engineMu.TryLock() {
		return cellOutcome{err: &CellError{
			Name:  "KernelBusy",
			Value: "an earlier cell is still running in compiled code and did not stop; restart the kernel",
		}}, false
	}
	engine := s.engine
	run := s.cells.begin(s.ctx, m, allowStdin)

	done := make(chan cellOutcome, 1)
	go func() {
		var o cellOutcome
		defer func() { done <- o }()
		defer s.engineMu.Unlock()
		defer func() {
			if r := recover(); r != nil {
				s.log.Error("engine panicked", "panic", r, "stack", string(debug.Stack()))
				o.err = &CellError{Name: "panic", Value: fmt.Sprint(r)}
			}
		}()
		o.res, o.err = engine.Execute(run.ctx, code)
	}()

	o, stopped := s.await(run, done)
	interrupted = s.cells.end(run)
	if !stopped {
		o.err = &CellError{
			Name: "KeyboardInterrupt",
			Value: fmt.Sprintf("interrupted, but the cell did not stop within %v: it is blocked in "+
				"compiled code and keeps running; restart the kernel to stop it", s.opts.InterruptGrace),
		}
	}
	return o, interrupted || !stopped
}

// await waits for the cell to finish; once its context is cancelled it
// waits at most InterruptGrace more and reports false if the cell is still
// running.
func (s *server) await(run *cellRun, done <-chan cellOutcome) (cellOutcome, bool) {
	select {
	case o := <-done:
		return o, true
	case <-run.ctx.Done():
	}
	t := time.NewTimer(s.opts.InterruptGrace)
	defer t.Stop()
	select {
	case o := <-done:
		return o, true
	case <-t.C:
		s.log.Warn("cell did not stop after interrupt", "grace", s.opts.InterruptGrace)
		return cellOutcome{}, false
	}
}

// resetEngine replaces the engine with a fresh one.
func (s *server) resetEngine() error {
	if !s.engineMu.TryLock() {
		return errors.New("kernel: reset: the engine is still running a cell")
	}
	defer s.engineMu.Unlock()
	if err := s.engine.Close(); err != nil {
		s.log.Warn("closing engine for reset", "err", err)
	}
	e, err := s.opts.NewEngine(s.engineConfig())
	if err != nil {
		return fmt.Errorf("kernel: reset: starting engine: %w", err)
	}
	s.engine = e
	return nil
}

// userExpressions evaluates the user_expressions of an execute_request
// after the cell succeeded, each as a MIME bundle or an error.
func (s *server) userExpressions(m *wire.Message, exprs map[string]string) map[string]any {
	out := make(map[string]any, len(exprs))
	for name, expr := range exprs {
		o, interrupted := s.runCell(m, expr, false)
		if o.err != nil {
			out[name] = errorContent(toCellError(o.err, interrupted))
			continue
		}
		var res Result
		if o.res != nil {
			res = *o.res
		}
		out[name] = map[string]any{"status": "ok", "data": orEmpty(res.Data), "metadata": orEmpty(res.Metadata)}
	}
	return out
}

// errorContent is the content of a user expression with status "error",
// and with the execution count added, of an execute_reply.
func errorContent(ce *CellError) map[string]any {
	tb := ce.Traceback
	if tb == nil {
		tb = []string{}
	}
	return map[string]any{"status": "error", "ename": ce.Name, "evalue": ce.Value, "traceback": tb}
}

// errorReply is the content of an execute_reply with status "error".
func errorReply(count int, ce *CellError) map[string]any {
	c := errorContent(ce)
	c["execution_count"] = count
	return c
}
