package repl

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/traefik/yaegi/interp"
)

// goroutineGrace is how long a finished cell waits for the goroutines it
// started, so that one panicking right after the cell's last statement is
// reported on the cell.
const goroutineGrace = 50 * time.Millisecond

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
		// Closures made before an interrupt that could not put the run
		// counter back return zero values (see runCounter); the converter
		// is one, so it is made again.
		s.refreshConverter()
		s.afterInterrupt = false
	}
	x := &execution{ctx: ctx, cell: cell, segs: segs, baseline: executeFrames(), funcVars: s.funcVariables()}
	s.goroutines.begin(s.seq)
	var cellErr error
	returned := false // a top-level return ran: only declarations follow
	for _, c := range chunks {
		if returned && c.stmt {
			continue
		}
		err := s.evalChunk(x, c)
		if errors.Is(err, errCellReturned) {
			returned = true
			continue
		}
		if cellErr = err; err != nil {
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

	returned := false
	if err := s.run(x.ctx, prog); err != nil {
		if !isCellReturn(err) {
			return s.runFailure(x, err)
		}
		returned = true
		s.trace.take()
	}
	if c.types {
		s.refreshConverter()
	}
	if len(changed) > 0 {
		s.refreshDependents(x.ctx, changed, c.segs)
	}
	if returned {
		return errCellReturned
	}
	return nil
}

// isCellReturn reports whether err is the panic of a top-level return
// (see cellReturnCall).
func isCellReturn(err error) bool {
	var p interp.Panic
	if !errors.As(err, &p) {
		return false
	}
	_, ok := p.Value.(cellReturn)
	return ok
}

// errCellReturned tells runGo that a return statement at the top level of
// the cell ended it: the remaining statements are skipped (declarations
// still take effect, as in a Go file) and the cell succeeds.
var errCellReturned = errors.New("repl: the cell returned")

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
// first, as traceback lines. The cell's own frames are shown once, at the
// innermost position: a statement run in an added function literal (see
// wrapInFunc) has a frame for the literal and one for the cell.
func (s *Session) frames(cell string) []string {
	var out []string
	prevCell := false
	for _, f := range s.trace.take() {
		fn := s.frameFunction(f)
		if fn == "cell" && prevCell {
			continue
		}
		prevCell = fn == "cell"
		where, off, current := s.locate(cell, f.line, f.col)
		if current {
			ln, cn := lineCol(cell, off)
			where = fmt.Sprintf("line %d:%d", ln, cn)
		}
		out = append(out, fmt.Sprintf("    in %s %s", fn, where))
	}
	return out
}

// frameFunction names the function of a traceback frame: "cell" for the
// cell's statements, otherwise the function's name without the package
// ("func" for a function literal). yaegi names a function literal after
// the function around it (main.func, main.func.func); in a statement that
// runs in an added function literal, that literal is left out of the name.
func (s *Session) frameFunction(f frame) string {
	fn := f.function
	if fn == "main.func" || strings.HasPrefix(fn, "main.func.") {
		if c := s.chunkAt(f.line); c != nil {
			if off, ok := c.cellOffset(f.line, f.col); ok && c.inFunc(off) {
				fn = "main" + strings.TrimPrefix(fn, "main.func")
			}
		}
	}
	fn = strings.TrimPrefix(fn, "main.")
	if fn == "main" || fn == "" {
		return "cell"
	}
	return fn
}
