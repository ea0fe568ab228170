package kernel

import (
	"errors"
	"fmt"
	"sync"

	"github.com/tunebook/tunebook/kernel/input"
	"github.com/tunebook/tunebook/kernel/wire"
)

// errInputPending is returned when a second input request is made while one
// is waiting for its reply.
var errInputPending = errors.New("kernel: an input request is already waiting for the user")

// stdinWaiter hands input_reply messages from the stdin channel to the cell
// waiting for one.
type stdinWaiter struct {
	mu      sync.Mutex
	waiting chan *wire.Message
}

// deliver passes an input_reply to the waiting cell; other messages and
// replies nobody waits for are logged and dropped.
func (w *stdinWaiter) deliver(m *wire.Message) {
	w.mu.Lock()
	ch := w.waiting
	w.mu.Unlock()
	if m.Header.MsgType != "input_reply" || ch == nil {
		return
	}
	select {
	case ch <- m:
	default:
	}
}

// readInput implements input.Reader: it sends an input_request on the stdin
// channel to the front end of the running cell and waits for the reply or
// an interrupt. It returns input.ErrNotAvailable outside a cell or when the
// request said allow_stdin false.
func (s *server) readInput(prompt string, password bool) (string, error) {
	run := s.cells.current()
	if run == nil || !run.allowStdin {
		return "", input.ErrNotAvailable
	}

	ch := make(chan *wire.Message, 1)
	s.stdin.mu.Lock()
	if s.stdin.waiting != nil {
		s.stdin.mu.Unlock()
		return "", errInputPending
	}
	s.stdin.waiting = ch
	s.stdin.mu.Unlock()
	defer func() {
		s.stdin.mu.Lock()
		s.stdin.waiting = nil
		s.stdin.mu.Unlock()
	}()

	s.streams.sync()
	s.sendTo(stdinChannel, run.req, "input_request", map[string]any{"prompt": prompt, "password": password})

	select {
	case m := <-ch:
		var reply struct {
			Value string `json:"value"`
		}
		if err := m.DecodeContent(&reply); err != nil {
			return "", err
		}
		return reply.Value, nil
	case <-run.ctx.Done():
		return "", fmt.Errorf("kernel: waiting for input: %w", run.ctx.Err())
	}
}
