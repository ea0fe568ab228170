package repl

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"log/slog"
	"os"
	"reflect"
	"strings"
	"sync"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"

	"github.com/tunebook/tunebook/kernel/symbols"
)

// Options configures a Session.
type Options struct {
	// Stdout and Stderr receive what cells print, including through
	// os.Stdout and os.Stderr. The kernel passes the write ends of the pipes
	// it dup2'd onto file descriptors 1 and 2, so output of compiled code is
	// caught as well. Nil means os.Stdout and os.Stderr.
	Stdout, Stderr *os.File
	// Logger receives diagnostics about the session (never cell output).
	// Nil discards them.
	Logger *slog.Logger
}

// Result is the value of a cell's last expression as a Jupyter MIME bundle
// (the content of an execute_result message).
type Result struct {
	Data     map[string]any
	Metadata map[string]any
}

// Session is one notebook's interpreter state: declarations, variables and
// imports persist from one Execute to the next. Execute calls are
// serialised; Complete, Inspect and IsComplete may be called at any time.
type Session struct {
	opts   Options
	log    *slog.Logger
	interp *interp.Interpreter
	trace  *panicTrace

	runMu sync.Mutex // held by Execute
	seq   int64      // number of cells run
	// afterInterrupt is set when a cell was interrupted and the run
	// counter could not be put back; the next cell first renews the
	// session's own closures.
	afterInterrupt bool
	runs           runCounter // the interpreter's cancellation counter
	runID          uint64     // its value when the last evaluation started

	mu       sync.RWMutex          // guards the fields below
	imports  map[string]importSpec // by importKey
	index    *index
	chunks   []*chunkSrc // compiled chunks, by increasing line0
	nextLine int         // first line number of the next chunk
	closed   bool

	resultMu sync.Mutex
	result   *Result

	goroutines *goTracker
	typeNames  *typeNames
}

// New starts a session with the standard library, the compiled packages of
// package symbols and os/exec available to cells. Environment variables
// are the process's own (os.Setenv in a cell changes them for commands run
// with os/exec and ! lines).
func New(opts Options) (*Session, error) {
	if opts.Stdout == nil {
		opts.Stdout = os.Stdout
	}
	if opts.Stderr == nil {
		opts.Stderr = os.Stderr
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Session{
		opts:     opts,
		log:      log,
		imports:  map[string]importSpec{},
		index:    newIndex(),
		nextLine: firstLine,
	}
	s.typeNames = newTypeNames()
	s.goroutines = newGoTracker(func(msg string) {
		s.writeStderr("panic: %s", msg)
	})
	s.trace = &panicTrace{w: opts.Stderr}
	s.interp = interp.New(interp.Options{
		Stdin:        strings.NewReader(""),
		Stdout:       opts.Stdout,
		Stderr:       s.trace,
		Unrestricted: true,
	})
	s.runs = newRunCounter(s.interp)
	for _, exports := range []interp.Exports{stdlib.Symbols, symbols.Symbols, s.bridgeSymbols()} {
		if err := s.interp.Use(exports); err != nil {
			return nil, fmt.Errorf("repl: load symbols: %w", err)
		}
	}
	if err := s.evalInternal(&chunkSrc{body: prelude}, false); err != nil {
		return nil, fmt.Errorf("repl: prelude: %w", err)
	}
	return s, nil
}

// Close marks the session closed; later calls of Execute fail. Goroutines
// that cells left running (for example blocked in a compiled call after an
// interrupt) are not stopped: Go offers no way to stop them.
func (s *Session) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	return nil
}

// Execute runs one cell. It returns the value of the cell's last
// expression (nil when there is none) or a *CellError: a compile error
// positioned in the cell, a panic (also one in a goroutine the cell
// started), os.Exit, or an interruption when ctx is cancelled. The session
// stays usable after every error. A cell that is the %reset magic returns
// ErrReset. Magics are described by %help (see magics.go).
func (s *Session) Execute(ctx context.Context, code string) (*Result, error) {
	s.runMu.Lock()
	defer s.runMu.Unlock()
	s.mu.RLock()
	closed := s.closed
	s.mu.RUnlock()
	if closed {
		return nil, errors.New("repl: session is closed")
	}

	goCode, magics := splitMagics(code)
	stop, err := s.runMagics(ctx, magics)
	if err != nil {
		return nil, err
	}
	if stop != nil {
		defer stop()
	}
	if strings.TrimSpace(goCode) == "" {
		return nil, nil
	}
	return s.runGo(ctx, goCode)
}

// evalInternal compiles and runs session-internal source (the prelude, the
// value converter), reporting any failure as an error.
func (s *Session) evalInternal(c *chunkSrc, stmt bool) error {
	prog, err := s.compile(c, stmt)
	if err != nil {
		return err
	}
	return s.run(context.Background(), prog)
}

// firstLine numbers the first chunk's first line. Chunk lines are numbered
// consecutively across the session from there, so a position in an
// interpreter message ("100012:5: undefined: x") tells which chunk, and
// therefore which cell, it belongs to; six-digit line numbers do not occur
// otherwise.
const firstLine = 100001

// compile parses a chunk with the interpreter's file set and compiles it.
// All chunks use the interpreter's default file name (its imports are
// scoped by file name, and a REPL wants them shared by all cells); a
// /*line*/ directive gives each chunk its own range of line numbers. A
// panic of the interpreter's compiler is returned as an error.
func (s *Session) compile(c *chunkSrc, stmt bool) (prog *interp.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("interpreter failure: %v", r)
		}
	}()
	s.mu.Lock()
	c.line0 = s.nextLine
	s.nextLine += c.lines() + 1
	s.chunks = append(s.chunks, c)
	s.mu.Unlock()

	src := fmt.Sprintf("%s/*line %s:%d:1*/%s%s", c.prefix, interp.DefaultSourceName, c.line0, c.body, c.suffix)
	f, err := parser.ParseFile(s.interp.FileSet(), interp.DefaultSourceName, src, parser.DeclarationErrors|parser.ParseComments)
	if err != nil {
		return nil, err
	}
	var node ast.Node = f
	if stmt {
		node = f.Decls[0].(*ast.FuncDecl).Body
	}
	return s.interp.CompileAST(node)
}

// chunkAt returns the chunk whose lines include line, or nil.
func (s *Session) chunkAt(line int) *chunkSrc {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for i := len(s.chunks) - 1; i >= 0; i-- {
		if c := s.chunks[i]; line >= c.line0 {
			if line < c.line0+c.lines() {
				return c
			}
			return nil
		}
	}
	return nil
}

// run executes a compiled chunk, turning panics of the interpreter itself
// into errors.
func (s *Session) run(ctx context.Context, prog *interp.Program) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = interp.Panic{Value: r}
		}
	}()
	s.runID, _ = s.runs.load()
	_, err = s.interp.ExecuteWithContext(ctx, prog)
	return err
}

// globals returns the interpreter's global variables and constants. After
// a failed compilation yaegi v0.16.1 may list a variable whose storage is
// not allocated yet and panic; the names are then unknown until the next
// evaluation, and globals returns what it has.
func (s *Session) globals() (g map[string]reflect.Value) {
	defer func() {
		if recover() != nil {
			g = map[string]reflect.Value{}
		}
	}()
	return s.interp.Globals()
}

// idleGlobals is globals for Complete and Inspect: while a cell runs, the
// interpreter's variables are being written, so it returns nothing rather
// than read them.
func (s *Session) idleGlobals() map[string]reflect.Value {
	if !s.runMu.TryLock() {
		return nil
	}
	defer s.runMu.Unlock()
	return s.globals()
}
