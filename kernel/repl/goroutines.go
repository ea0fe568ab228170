package repl

import (
	"sync"
	"time"
)

// goTracker follows the goroutines that cells start. Cells are rewritten
// so that every go statement calls start before the goroutine runs and done
// (with the recovered panic value) when it ends; a panic in such a
// goroutine therefore cannot end the kernel process. Panics are reported on
// the cell that started the goroutine while it runs, and on standard error
// afterwards.
type goTracker struct {
	mu     sync.Mutex
	cell   int64         // the running cell, 0 between cells
	live   map[int64]int // goroutines still running, by cell
	panics []string      // panics of the running cell's goroutines
	wake   chan struct{} // signalled when a goroutine of any cell ends
	late   func(msg string)
}

func newGoTracker(late func(msg string)) *goTracker {
	return &goTracker{live: map[int64]int{}, wake: make(chan struct{}, 1), late: late}
}

// start registers a goroutine of the running cell and returns the cell's
// token for done.
func (t *goTracker) start() int64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.live[t.cell]++
	return t.cell
}

// done unregisters a goroutine; r is its recovered panic value, if any.
func (t *goTracker) done(cell int64, r any) {
	t.mu.Lock()
	if t.live[cell]--; t.live[cell] <= 0 {
		delete(t.live, cell)
	}
	current := cell != 0 && cell == t.cell
	var msg string
	if r != nil {
		msg = goroutinePanicMessage(r)
		if current {
			t.panics = append(t.panics, msg)
		}
	}
	t.mu.Unlock()

	select {
	case t.wake <- struct{}{}:
	default:
	}
	if r != nil && !current {
		t.late(msg)
	}
}

// goroutinePanicMessage describes the panic of a cell's goroutine.
func goroutinePanicMessage(r any) string {
	if e, ok := r.(exitPanic); ok {
		return exitMessage(e.code) + " (in a goroutine)"
	}
	return describePanic(r) + " (in a goroutine started by the cell)"
}

// begin marks cell as running.
func (t *goTracker) begin(cell int64) {
	t.mu.Lock()
	t.cell, t.panics = cell, nil
	t.mu.Unlock()
}

// end waits up to grace for the running cell's goroutines to finish, so
// that a goroutine that panics just after the cell's last statement (for
// example after a deferred close released the cell) is still reported on
// the cell. It returns the panics seen and marks no cell as running.
func (t *goTracker) end(grace time.Duration) []string {
	deadline := time.NewTimer(grace)
	defer deadline.Stop()
	for {
		t.mu.Lock()
		running := t.live[t.cell]
		t.mu.Unlock()
		if running == 0 {
			break
		}
		select {
		case <-t.wake:
			continue
		case <-deadline.C:
		}
		break
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	panics := t.panics
	t.cell, t.panics = 0, nil
	return panics
}
