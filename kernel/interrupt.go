package kernel

import (
	"context"
	"os"
	"os/signal"
	"sync"

	"github.com/tunebook/tunebook/kernel/wire"
)

// cellRun is one running cell: the request it answers and how to stop it.
type cellRun struct {
	req        *wire.Message
	allowStdin bool
	ctx        context.Context
	cancel     context.CancelFunc
}

// interrupter tracks the running cell so that an interrupt_request on the
// control channel or a SIGINT can cancel it.
type interrupter struct {
	mu          sync.Mutex
	run         *cellRun
	interrupted bool
}

// begin records a new running cell with a context derived from parent.
func (i *interrupter) begin(parent context.Context, req *wire.Message, allowStdin bool) *cellRun {
	ctx, cancel := context.WithCancel(parent)
	r := &cellRun{req: req, allowStdin: allowStdin, ctx: ctx, cancel: cancel}
	i.mu.Lock()
	i.run, i.interrupted = r, false
	i.mu.Unlock()
	return r
}

// end forgets r and reports whether it was interrupted.
func (i *interrupter) end(r *cellRun) bool {
	r.cancel()
	i.mu.Lock()
	defer i.mu.Unlock()
	interrupted := i.interrupted && i.run == r
	if i.run == r {
		i.run, i.interrupted = nil, false
	}
	return interrupted
}

// current returns the running cell, or nil.
func (i *interrupter) current() *cellRun {
	i.mu.Lock()
	defer i.mu.Unlock()
	return i.run
}

// interrupt cancels the running cell and reports whether there was one.
func (i *interrupter) interrupt() bool {
	i.mu.Lock()
	defer i.mu.Unlock()
	if i.run == nil {
		return false
	}
	i.interrupted = true
	i.run.cancel()
	return true
}

// watchSignals maps SIGINT, which jupyter_client sends when a kernelspec
// asks for interrupt_mode "signal", to an interrupt of the running cell
// instead of the death of the process. It stops when ctx ends.
func (s *server) watchSignals(ctx context.Context) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	defer signal.Stop(sig)
	for {
		select {
		case <-sig:
			s.log.Info("SIGINT", "interrupted_cell", s.cells.interrupt())
		case <-ctx.Done():
			return
		}
	}
}
