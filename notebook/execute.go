package notebook

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"strings"
	"time"
)

// DefaultTimeout is how long a cell may run when Options.Timeout is zero.
const DefaultTimeout = 10 * time.Minute

// stopGrace is how long Execute waits for an engine to return after it
// interrupted a cell, before it gives the engine up as stuck.
var stopGrace = 10 * time.Second

// ErrStuck is returned (wrapped) by Execute when the engine did not return
// from an interrupted cell; the engine can run no more cells.
var ErrStuck = errors.New("notebook: the engine did not stop after the cell was interrupted")

// Engine runs the code of cells, keeping variables and declarations from
// one cell to the next, like the tunebook kernel's interpreter session.
type Engine interface {
	// Execute runs one cell. It returns the value of the cell's last
	// expression (nil for none), or an error: a *CellError for an error
	// in the code. It should return soon after ctx is cancelled.
	Execute(ctx context.Context, code string) (*Result, error)
	// Close releases the engine.
	Close() error
}

// Result is the value of a cell's last expression as a MIME bundle.
type Result struct {
	Data, Metadata map[string]any
}

// CellError is an error raised by a cell's code, stored as an error output.
type CellError struct {
	Name      string   // for example "panic"
	Value     string   // the message
	Traceback []string // lines of the report, may hold ANSI colour codes
}

// Error returns "Name: Value".
func (e *CellError) Error() string { return e.Name + ": " + e.Value }

// CellFailure is the error Execute returns for a code cell that failed.
type CellFailure struct {
	// Cell is the cell's number, 1-based among the code cells.
	Cell int
	// FirstLine is the first non-blank line of the cell's source.
	FirstLine string
	// Err is the error stored in the cell's error output.
	Err *CellError
}

// Error names the cell, its first line and the error.
func (f *CellFailure) Error() string {
	return fmt.Sprintf("notebook: code cell %d (%q): %v", f.Cell, f.FirstLine, f.Err)
}

// Unwrap returns the cell's error.
func (f *CellFailure) Unwrap() error { return f.Err }

// Options configures Execute.
type Options struct {
	// Timeout bounds the run time of each cell; zero means DefaultTimeout.
	// A cell that runs longer is interrupted through its context and gets
	// a TimeoutError output.
	Timeout time.Duration
	// ContinueOnError runs the cells after a failed one too.
	ContinueOnError bool
	// Recorder receives the cells' outputs; the engine's displays and
	// streams must reach it. Nil means a fresh Recorder, which then
	// records only results and errors.
	Recorder *Recorder
	// Logger, if not nil, receives a line per executed cell.
	Logger *slog.Logger
}

// Execute runs the code cells of nb in order with engine, replacing their
// outputs and execution counts, and records the tunebook kernel in the
// notebook's metadata. Code cells whose source is blank are not run.
//
// Execute stops at the first cell that fails and returns a *CellFailure
// naming it; the cells after it are left without outputs. With
// opts.ContinueOnError it runs every cell and returns the failures joined.
// It always stops when ctx is done or the engine is stuck (ErrStuck). The
// caller closes the engine.
func Execute(ctx context.Context, nb *Notebook, engine Engine, opts Options) error {
	rec := opts.Recorder
	if rec == nil {
		rec = NewRecorder()
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	rec.reset()
	nb.setKernel()
	for _, c := range nb.Cells {
		if c.Type == CodeCell {
			c.Outputs, c.ExecutionCount = nil, 0
		}
	}

	var failures []error
	count, number := 0, 0
	for _, c := range nb.Cells {
		if c.Type != CodeCell {
			continue
		}
		number++
		if strings.TrimSpace(c.Source) == "" {
			continue
		}
		if err := ctx.Err(); err != nil {
			return errors.Join(append(failures, fmt.Errorf("notebook: stopped before code cell %d: %w", number, err))...)
		}
		count++
		c.ExecutionCount = count

		start := time.Now()
		cellErr, fatal := runCell(ctx, engine, rec, c, timeout)
		if opts.Logger != nil {
			opts.Logger.Info("executed cell", "cell", number, "line", c.FirstLine(),
				"took", time.Since(start).Round(time.Millisecond), "ok", cellErr == nil)
		}
		if cellErr != nil {
			failures = append(failures, &CellFailure{Cell: number, FirstLine: c.FirstLine(), Err: cellErr})
		}
		if fatal != nil {
			return errors.Join(append(failures, fmt.Errorf("notebook: code cell %d: %w", number, fatal))...)
		}
		if cellErr != nil && !opts.ContinueOnError {
			break
		}
	}
	return errors.Join(failures...)
}

// runCell runs one cell and records its result or error. fatal reports why
// no further cell may run: ctx is done or the engine is stuck.
func runCell(ctx context.Context, engine Engine, rec *Recorder, c *Cell, timeout time.Duration) (cellErr *CellError, fatal error) {
	cctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	rec.start(c)
	defer rec.finish()

	type outcome struct {
		res *Result
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		res, err := engine.Execute(cctx, c.Source)
		done <- outcome{res, err}
	}()

	var o outcome
	select {
	case o = <-done:
	case <-cctx.Done():
		select {
		case o = <-done:
		case <-time.After(stopGrace):
			fatal = ErrStuck
			o.err = cctx.Err()
		}
	}

	switch {
	case o.err == nil:
		if o.res != nil && len(o.res.Data) > 0 {
			rec.add(Output{Type: ExecuteResult, Data: o.res.Data, Metadata: orEmpty(o.res.Metadata),
				ExecutionCount: c.ExecutionCount})
		}
		return nil, fatal
	case ctx.Err() != nil:
		cellErr = &CellError{Name: "KeyboardInterrupt", Value: "execution interrupted: " + context.Cause(ctx).Error()}
		if fatal == nil {
			fatal = ctx.Err()
		}
	case errors.Is(cctx.Err(), context.DeadlineExceeded):
		cellErr = &CellError{Name: "TimeoutError", Value: fmt.Sprintf("the cell did not finish within %s", timeout)}
	default:
		cellErr = asCellError(o.err)
	}
	if cellErr.Traceback == nil {
		cellErr.Traceback = []string{cellErr.Error()}
	}
	rec.add(Output{Type: ErrorOutput, EName: cellErr.Name, EValue: cellErr.Value, Traceback: cellErr.Traceback})
	return cellErr, fatal
}

// asCellError returns err as a *CellError, a copy when it is one.
func asCellError(err error) *CellError {
	var ce *CellError
	if errors.As(err, &ce) {
		cp := *ce
		return &cp
	}
	return &CellError{Name: "Error", Value: err.Error()}
}

// setKernel records the tunebook kernel and the Go language in the
// notebook's metadata, keeping other metadata.
func (nb *Notebook) setKernel() {
	if nb.Metadata == nil {
		nb.Metadata = map[string]any{}
	}
	nb.Metadata["kernelspec"] = map[string]any{
		"name":         KernelName,
		"display_name": KernelDisplayName,
		"language":     "go",
	}
	nb.Metadata["language_info"] = map[string]any{
		"name":            "go",
		"version":         strings.TrimPrefix(runtime.Version(), "go"),
		"mimetype":        "text/x-go",
		"file_extension":  ".go",
		"codemirror_mode": "go",
		"pygments_lexer":  "go",
	}
}
