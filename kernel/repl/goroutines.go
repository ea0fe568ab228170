package repl

import (
	"sync"
	"time"
)

// goTracker follows the goroutines that cells start. Cells are rewritten
// so that every go statement calls start, and the new goroutine runs its
// call through run, inside a function that recovers a panic and passes it
// to panicked (see rewriter.goStmt); a panic in such a goroutine therefore
// cannot end the kernel process. Panics are reported on the cell that started the goroutine
// while it runs, and on standard error afterwards.
type goTracker struct {
	mu     sync.Mutex
	cell   int64         // the running cell, 0 between cells
	live   map[int64]int // goroutines registered and not ended, by cell
	inside int           // goroutines inside run
	panics []string      // panics of the running cell's goroutines
	wake   chan struct{} // signalled when a goroutine of any cell ends
	late   func(msg string)
}

func newGoTracker(late func(msg string)) *goTracker {
	return &goTracker{live: map[int64]int{}, wake: make(chan struct{}, 1), late: late}
}

// start registers a goroutine of the running cell and returns the cell's
// token for run and panicked.
func (t *goTracker) start() int64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.live[t.cell]++
	return t.cell
}

// run runs fn, the body of a goroutine registered by start, in the
// calling goroutine. A panic that escapes fn is reported like one passed
// to panicked. The goroutine is unregistered when fn returns, also when an
// interrupt stopped the interpreted code in fn (whose deferred calls then
// do not run). A goroutine that an interrupt stops before it calls run
// stays registered for its cell, which only makes that cell's end wait
// for goroutineGrace; running does not count it.
func (t *goTracker) run(cell int64, fn func()) {
	t.mu.Lock()
	t.inside++
	t.mu.Unlock()
	defer func() {
		t.panicked(cell, recover())
		t.exit(cell)
	}()
	fn()
}

// panicked reports r, the recovered panic value of a goroutine of cell,
// if it is not nil.
func (t *goTracker) panicked(cell int64, r any) {
	if r == nil {
		return
	}
	msg := goroutinePanicMessage(r)
	t.mu.Lock()
	current := cell != 0 && cell == t.cell
	if current {
		t.panics = append(t.panics, msg)
	}
	t.mu.Unlock()
	if !current {
		t.late(msg)
	}
}

// exit unregisters a goroutine of cell.
func (t *goTracker) exit(cell int64) {
	t.mu.Lock()
	t.inside--
	if t.live[cell]--; t.live[cell] <= 0 {
		delete(t.live, cell)
	}
	t.mu.Unlock()
	select {
	case t.wake <- struct{}{}:
	default:
	}
}

// running returns the number of goroutines of all cells that are inside
// run: they have started and not ended.
func (t *goTracker) running() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.inside
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
