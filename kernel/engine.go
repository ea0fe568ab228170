package kernel

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"strings"

	"github.com/tunebook/tunebook/kernel/input"
)

// Engine runs the code of notebook cells. The kernel calls its methods from
// one goroutine at a time, except that Execute may still be running in a
// goroutine the kernel gave up on after an interrupt; while it runs, the
// kernel calls no other method.
//
// Cursor positions and the start and end of completions count Unicode code
// points, as the Jupyter protocol does (version 5.2 and later).
type Engine interface {
	// Execute runs the code of one cell. It returns the value to show
	// (nil for none), a *CellError for an error in the code, ErrReset when
	// the cell asked to start a fresh session, or another error. It should
	// return soon after ctx is cancelled.
	Execute(ctx context.Context, code string) (*Result, error)
	// Complete returns the completions at cursor and the range
	// [start, end) of code that a completion replaces.
	Complete(code string, cursor int) (matches []string, start, end int)
	// Inspect returns a MIME bundle describing the name at cursor;
	// detail is 0 or 1 as in inspect_request.
	Inspect(code string, cursor, detail int) (data map[string]any, found bool)
	// IsComplete reports whether code is ready to run: status is
	// "complete", "incomplete", "invalid" or "unknown", and indent is the
	// indentation for the next line when status is "incomplete".
	IsComplete(code string) (status, indent string)
	// Close releases the engine.
	Close() error
}

// Result is the value of a cell's last expression as a MIME bundle: Data
// maps MIME types such as "text/plain" to their representation.
type Result struct {
	Data     map[string]any
	Metadata map[string]any
}

// CellError is an error raised by the code of a cell. It becomes an error
// message on IOPub and the content of an execute_reply with status "error".
type CellError struct {
	Name      string   // for example "panic" or "KeyboardInterrupt"
	Value     string   // the message
	Traceback []string // lines shown to the user, may hold ANSI colours
}

// Error returns "Name: Value".
func (e *CellError) Error() string {
	return e.Name + ": " + e.Value
}

// ErrReset is returned by Engine.Execute when the cell asked for a fresh
// session (a %reset); the kernel closes the engine and makes a new one.
var ErrReset = errors.New("kernel: session reset requested")

// Publisher sends rich output of the running cell to the front end.
type Publisher interface {
	// Display shows data, a MIME bundle. A non-empty displayID names the
	// output so that a later call with update true replaces it in place.
	Display(data, metadata map[string]any, displayID string, update bool)
	// ClearOutput clears the cell's output; with wait true the front end
	// clears it only when the next output arrives.
	ClearOutput(wait bool)
}

// EngineConfig is what the kernel hands to Options.NewEngine.
type EngineConfig struct {
	// Stdout and Stderr are the write ends of the pipes the kernel forwards
	// to the front end as stream messages. In a kernel process file
	// descriptors 1 and 2 are the same pipes.
	Stdout, Stderr *os.File
	// Logger receives diagnostics; they never reach the notebook.
	Logger *slog.Logger
	// Publisher sends display_data, update_display_data and clear_output.
	Publisher Publisher
	// Input asks the user for a line of text through an input_request.
	Input input.Reader
}

// toCellError turns an error from Execute into a CellError for the front
// end. After an interrupt the name is KeyboardInterrupt, as with ipykernel,
// unless the engine's own error already says it was interrupted.
func toCellError(err error, interrupted bool) *CellError {
	var out CellError
	var ce *CellError
	switch {
	case interrupted && errors.Is(err, context.Canceled):
		return &CellError{
			Name:      "KeyboardInterrupt",
			Value:     "cell interrupted",
			Traceback: []string{"KeyboardInterrupt: cell interrupted"},
		}
	case errors.As(err, &ce):
		out = *ce
	default:
		out = CellError{Name: "Error", Value: err.Error()}
	}

	if out.Traceback == nil {
		out.Traceback = []string{out.Error()}
	}
	if interrupted && !strings.Contains(strings.ToLower(out.Error()), "interrupt") {
		out.Traceback = append([]string{"KeyboardInterrupt: cell interrupted"}, out.Traceback...)
		out.Value = "cell interrupted: " + out.Error()
		out.Name = "KeyboardInterrupt"
	}
	return &out
}
