package repl

import (
	"fmt"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/traefik/yaegi/interp"
)

// stuckGrace is how long an interrupted cell waits for the interpreter to
// stop before reporting that a compiled call is still running.
const stuckGrace = 300 * time.Millisecond

// interrupted reports an interrupted cell. The interpreter stops
// interpreted code at once, but a compiled call (time.Sleep, a mutex, a
// channel operation inside compiled code) keeps its goroutine until it
// returns; the message then says so. When no interpreted code runs any
// more, the interpreter's run counter is put back (see runCounter), so
// closures made before the interrupt keep working; otherwise the message
// names the notebook variables that held functions before the cell, which
// the interrupt broke.
func (s *Session) interrupted(x *execution) error {
	msg := "interrupted (KeyboardInterrupt); the notebook state is kept"
	stopped := func() bool { return executeFrames() <= x.baseline && !s.executing() && s.goroutines.running() == 0 }
	for deadline := time.Now().Add(stuckGrace); !stopped(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			break
		}
	}
	switch {
	case executeFrames() > x.baseline:
		msg = "interrupted (KeyboardInterrupt), but the cell is blocked in a compiled call " +
			"(for example time.Sleep, sync.Mutex.Lock or a compiled channel operation) that cannot be stopped; " +
			"it keeps running in the background: restart the kernel if the notebook misbehaves"
	case stopped() && s.runs.store(s.runID):
		s.log.Debug("repl: run counter restored after an interrupt", "id", s.runID)
		if own := s.cellFuncVariables(x); len(own) > 0 {
			msg += fmt.Sprintf("; function values made by this cell (%s) return zero values when they wait on a channel "+
				"(an interpreter bug): run the cell again to make them anew", strings.Join(own, ", "))
		}
		return newCellError(errInterrupted, msg)
	}
	s.afterInterrupt = true
	if len(x.funcVars) > 0 {
		msg += fmt.Sprintf("; function values made by earlier cells (%s) return zero values after an interrupt "+
			"(an interpreter bug): run the cells that create them again", strings.Join(x.funcVars, ", "))
	}
	return newCellError(errInterrupted, msg)
}

// cellFuncVariables lists the variables that the statements of the
// running cell declare and that hold a function value.
func (s *Session) cellFuncVariables(x *execution) []string {
	funcs := map[string]bool{}
	for _, name := range s.funcVariables() {
		funcs[name] = true
	}
	var names []string
	for _, seg := range x.segs {
		if seg.kind != segStmt {
			continue
		}
		for _, d := range segmentDecls(x.cell, seg) {
			if d.kind == kindVar && funcs[d.name] {
				names = append(names, d.name)
				delete(funcs, d.name)
			}
		}
	}
	return names
}

// funcVariables lists the notebook variables holding a function value.
func (s *Session) funcVariables() []string {
	var names []string
	for name, v := range s.globals() {
		if strings.HasPrefix(name, "__tb") || !v.IsValid() {
			continue
		}
		if v.Kind() == reflect.Func && !v.IsNil() {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// executeFrames counts the goroutines inside yaegi's Interpreter.Execute,
// i.e. running interpreted cells, including abandoned ones.
func executeFrames() int {
	n := 0
	for _, st := range goroutineStacks() {
		n += strings.Count(st, "interp.(*Interpreter).Execute(")
	}
	return n
}

// runCounter is yaegi v0.16.1's cancellation counter, the unexported
// field Interpreter.id. Cancelling an evaluation increments it, and
// interpreted code runs only while the counter in its frame equals the
// interpreter's. Function literals copy their frame, counter included,
// when they are created, so after an interrupt every closure made before
// it returns zero values without running. Once no interpreted code runs
// any more, putting the counter back to its value before the interrupted
// evaluation makes those closures work again (see Session.interrupted).
//
// Reaching the field needs package unsafe; yaegi is pinned at v0.16.1 in
// go.mod, and a yaegi without the field leaves the counter alone (ok is
// then false), so the session falls back to reporting the broken
// closures.
type runCounter struct{ p *uint64 }

// newRunCounter finds the counter of i.
func newRunCounter(i *interp.Interpreter) runCounter {
	f := reflect.ValueOf(i).Elem().FieldByName("id")
	if !f.IsValid() || f.Kind() != reflect.Uint64 || !f.CanAddr() {
		return runCounter{}
	}
	return runCounter{p: (*uint64)(unsafe.Pointer(f.UnsafeAddr()))}
}

// load returns the counter's value; ok is false when it was not found.
func (c runCounter) load() (v uint64, ok bool) {
	if c.p == nil {
		return 0, false
	}
	return atomic.LoadUint64(c.p), true
}

// store sets the counter and reports whether it could.
func (c runCounter) store(v uint64) bool {
	if c.p == nil {
		return false
	}
	atomic.StoreUint64(c.p, v)
	return true
}

// executing reports whether an evaluation of the session's interpreter
// runs, including one abandoned after an interrupt: whether a goroutine
// stack shows Interpreter.Execute with the session's interpreter as its
// receiver.
func (s *Session) executing() bool {
	frame := fmt.Sprintf("interp.(*Interpreter).Execute(%p", s.interp)
	for _, st := range goroutineStacks() {
		if strings.Contains(st, frame) {
			return true
		}
	}
	return false
}

// goroutineStacks returns the stack of every goroutine, the caller's
// first.
func goroutineStacks() []string {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return strings.Split(string(buf[:n]), "\n\n")
		}
		buf = make([]byte, 2*len(buf))
	}
}
