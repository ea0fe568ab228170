package repl

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/traefik/yaegi/interp"
)

// goroutineGrace is how long a finished cell waits for the goroutines it
// started, so that one panicking right after the cell's last statement is
// reported on the cell.
const goroutineGrace = 50 * time.Millisecond

// stuckGrace is how long an interrupted cell waits for the interpreter to
// stop before reporting that a compiled call is still running.
const stuckGrace = 300 * time.Millisecond

// runGo runs the Go code of a cell.
func (s *Session) runGo(ctx context.Context, cell string) (*Result, error) {
	segs, err := splitCell(cell)
	if err != nil {
		return nil, err
	}
	s.seq++
	chunks, err := s.plan(cell, segs)
	if err != nil {
		return nil, err
	}

	s.resultMu.Lock()
	s.result = nil
	s.resultMu.Unlock()
	s.trace.take()
	if s.afterInterrupt {
		// Closures made before an interrupt return zero values afterwards
		// (yaegi v0.16.1 keeps the old run id in their frames); the
		// converter is one, so it is made again.
		s.refreshConverter()
		s.afterInterrupt = false
	}
	x := &execution{ctx: ctx, cell: cell, segs: segs, baseline: executeFrames(), funcVars: s.funcVariables()}
	s.goroutines.begin(s.seq)
	var cellErr error
	for _, c := range chunks {
		if cellErr = s.evalChunk(x, c); cellErr != nil {
			break
		}
	}
	grace := goroutineGrace
	var ce *CellError
	if errors.As(cellErr, &ce) && ce.Name == errInterrupted {
		grace = 0
	}
	panics := s.goroutines.end(grace)
	if cellErr == nil && len(panics) > 0 {
		cellErr = newCellError(errPanic, panics[0], panics[1:]...)
	}
	s.log.Debug("repl: cell evaluated", "cell", s.seq, "chunks", len(chunks), "err", cellErr)
	if cellErr != nil {
		return nil, cellErr
	}

	s.resultMu.Lock()
	defer s.resultMu.Unlock()
	return s.result, nil
}

// execution is what the evaluation of one cell's chunks shares.
type execution struct {
	ctx      context.Context
	cell     string
	segs     []*segment
	baseline int      // interpreter executions running before the cell (stuck ones)
	funcVars []string // notebook variables holding functions before the cell
}

// evalChunk compiles the first variant of c that compiles and runs it.
func (s *Session) evalChunk(x *execution, c *chunk) error {
	var prog *interp.Program
	var err error
	for _, v := range c.variants {
		if prog, err = s.compile(v, c.stmt); err == nil {
			break
		}
	}
	if err != nil {
		return s.compileFailure(x, err)
	}
	changed := s.changedFuncs(c)
	s.record(x.cell, c)

	if err := s.run(x.ctx, prog); err != nil {
		return s.runFailure(x, err)
	}
	if c.types {
		s.refreshConverter()
	}
	if len(changed) > 0 {
		s.refreshDependents(x.ctx, changed, c.segs)
	}
	return nil
}

// record adds what a compiled chunk declares to the session's index and
// imports.
func (s *Session) record(cell string, c *chunk) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, seg := range c.segs {
		s.index.addSegment(cell, seg)
	}
	for _, imp := range c.imports {
		s.imports[importKey(imp.name, imp.path)] = imp
	}
}

// refreshConverter regenerates the prelude's value converter so that it
// knows every notebook type. A failure only loses nicer printing, so it is
// logged, not reported.
func (s *Session) refreshConverter() {
	s.mu.RLock()
	types := s.index.typeInfos()
	s.mu.RUnlock()
	c := &chunkSrc{prefix: stmtPrefix, body: typesSource(types), suffix: stmtSuffix}
	if err := s.evalInternal(c, true); err != nil {
		s.log.Warn("repl: value converter not updated", "err", err)
	}
}

// compileFailure reports a compile error, positioned in the cell when the
// interpreter gave a position.
func (s *Session) compileFailure(x *execution, err error) error {
	msg := err.Error()
	if strings.Contains(msg, "nil type") {
		return newCellError(errUnsupported, msgNilType)
	}
	for _, confusing := range confusingCompileErrors {
		if strings.Contains(msg, confusing) {
			if undefined := s.findUndefined(x.cell, x.segs); undefined != nil {
				return undefined
			}
			break
		}
	}
	return s.positioned(errCompile, x.cell, msg)
}

// runFailure reports an error of a running cell: interruption, os.Exit,
// a panic, or a run-time error the interpreter returned as an error.
func (s *Session) runFailure(x *execution, err error) error {
	if x.ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
		return s.interrupted(x)
	}
	var p interp.Panic
	if !errors.As(err, &p) {
		return s.positioned(errPanic, x.cell, runtimeWording(err.Error()))
	}
	if e, ok := p.Value.(exitPanic); ok {
		return newCellError(errExit, exitMessage(e.code))
	}
	msg := describePanic(p.Value)
	if msg == "nil type" {
		return newCellError(errUnsupported, msgNilType)
	}
	return newCellError(errPanic, msg, s.frames(x.cell)...)
}

// interrupted reports an interrupted cell. The interpreter stops
// interpreted code at once, but a compiled call (time.Sleep, a mutex, a
// channel operation inside compiled code) keeps its goroutine until it
// returns; the message then says so. It also names the notebook variables
// that held functions before the cell, which an interrupt breaks.
func (s *Session) interrupted(x *execution) error {
	s.afterInterrupt = true
	msg := "interrupted (KeyboardInterrupt); the notebook state is kept"
	for deadline := time.Now().Add(stuckGrace); executeFrames() > x.baseline; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			msg = "interrupted (KeyboardInterrupt), but the cell is blocked in a compiled call " +
				"(for example time.Sleep, sync.Mutex.Lock or a compiled channel operation) that cannot be stopped; " +
				"it keeps running in the background: restart the kernel if the notebook misbehaves"
			break
		}
	}
	if len(x.funcVars) > 0 {
		msg += fmt.Sprintf("; function values made by earlier cells (%s) return zero values after an interrupt "+
			"(an interpreter bug): run the cells that create them again", strings.Join(x.funcVars, ", "))
	}
	return newCellError(errInterrupted, msg)
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
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return strings.Count(string(buf[:n]), "interp.(*Interpreter).Execute(")
		}
		buf = make([]byte, 2*len(buf))
	}
}

// positionRE matches a position in an interpreter message, with or
// without the default file name: "_.go:100012:5: " or "100012:5: ".
var positionRE = regexp.MustCompile(`(?:_\.go:)?\b(\d{6,}):(\d+)(: )?`)

// positioned builds a CellError from an interpreter message, replacing
// chunk positions by cell positions and quoting the cell line of the first
// position that lies in the cell.
func (s *Session) positioned(name, cell, msg string) error {
	first := -1
	msg = positionRE.ReplaceAllStringFunc(msg, func(m string) string {
		sub := positionRE.FindStringSubmatch(m)
		line, _ := strconv.Atoi(sub[1])
		col, _ := strconv.Atoi(sub[2])
		where, off, current := s.locate(cell, line, col)
		if current && first < 0 {
			first = off
			return "" // the position leads the final message
		}
		return where + sub[3]
	})
	msg = strings.TrimSpace(msg)
	if first >= 0 {
		return positionedError(name, cell, first, msg)
	}
	return newCellError(name, msg)
}

// locate describes a chunk position. For a chunk of the current cell it
// returns its cell offset and current = true; otherwise a description.
func (s *Session) locate(cell string, line, col int) (where string, off int, current bool) {
	c := s.chunkAt(line)
	if c == nil {
		return "(tunebook internals)", 0, false
	}
	off, ok := c.cellOffset(line, col)
	if !ok {
		return "(tunebook internals)", 0, false
	}
	if c.cell == cell {
		return "", off, true
	}
	ln, cn := lineCol(c.cell, off)
	return fmt.Sprintf("(earlier cell, line %d:%d)", ln, cn), 0, false
}

// frames renders the interpreted frames a panic went through, innermost
// first, as traceback lines.
func (s *Session) frames(cell string) []string {
	var out []string
	for _, f := range s.trace.take() {
		fn := strings.TrimPrefix(f.function, "main.")
		if fn == "main" || fn == "" {
			fn = "cell"
		}
		where, off, current := s.locate(cell, f.line, f.col)
		if current {
			ln, cn := lineCol(cell, off)
			where = fmt.Sprintf("line %d:%d", ln, cn)
		}
		out = append(out, fmt.Sprintf("    in %s %s", fn, where))
	}
	return out
}
