package notebook

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/tunebook/tunebook/kernel/display"
)

// fakeEngine runs cells written in a tiny command language, one command a
// line, so that tests can script what a cell outputs:
//
//	print TEXT      TEXT and a newline on stdout
//	eprint TEXT     the same on stderr
//	show TEXT       display text/plain TEXT
//	show#ID TEXT    display under display id ID
//	update#ID TEXT  update display ID
//	html TEXT       display text/html TEXT with a text/plain fallback
//	clear           clear_output
//	clear-wait      clear_output(wait=true)
//	value TEXT      the cell's value is text/plain TEXT
//	panic TEXT      fail with a panic
//	block           wait until the cell's context is done
//	hang            wait until the engine is closed, ignoring the context
//	fail TEXT       fail with a plain (non-cell) error
//
// Stream text goes to the stdout and stderr files when they are set (as with
// a real session), else straight to the Recorder.
type fakeEngine struct {
	rec            *Recorder
	stdout, stderr *os.File
	closed         chan struct{}

	mu  sync.Mutex
	ran []string
}

func newFakeEngine(rec *Recorder) *fakeEngine {
	return &fakeEngine{rec: rec, closed: make(chan struct{})}
}

func (e *fakeEngine) Execute(ctx context.Context, code string) (*Result, error) {
	e.mu.Lock()
	e.ran = append(e.ran, code)
	e.mu.Unlock()
	var res *Result
	for line := range strings.Lines(code) {
		cmd, arg, _ := strings.Cut(strings.TrimSpace(line), " ")
		cmd, id, _ := strings.Cut(cmd, "#")
		switch cmd {
		case "print":
			e.write(e.stdout, "stdout", arg+"\n")
		case "eprint":
			e.write(e.stderr, "stderr", arg+"\n")
		case "show", "update":
			e.rec.Display(display.Bundle{Data: map[string]any{"text/plain": arg}}, id, cmd == "update")
		case "html":
			e.rec.Display(display.Bundle{Data: map[string]any{"text/html": arg, "text/plain": "fallback"}}, "", false)
		case "clear", "clear-wait":
			e.rec.ClearOutput(cmd == "clear-wait")
		case "value":
			res = &Result{Data: map[string]any{"text/plain": arg}}
		case "panic":
			return nil, &CellError{Name: "panic", Value: arg,
				Traceback: []string{"\x1b[0;31mpanic\x1b[0m: " + arg, "goroutine 1 [running]:"}}
		case "fail":
			return nil, fmt.Errorf("%s", arg)
		case "block":
			<-ctx.Done()
			return nil, ctx.Err()
		case "hang":
			<-e.closed
		case "":
		default:
			return nil, fmt.Errorf("fake engine: unknown command %q", cmd)
		}
	}
	return res, nil
}

// runs returns how many cells the engine has run.
func (e *fakeEngine) runs() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.ran)
}

func (e *fakeEngine) write(f *os.File, name, text string) {
	if f != nil {
		fmt.Fprint(f, text)
		return
	}
	e.rec.Stream(name, text)
}

func (e *fakeEngine) Close() error {
	close(e.closed)
	return nil
}

// codeNotebook returns a notebook of code cells with the given sources.
func codeNotebook(sources ...string) *Notebook {
	nb := New()
	for _, s := range sources {
		nb.Cells = append(nb.Cells, &Cell{Type: CodeCell, Source: s})
	}
	return nb
}

// summary describes a cell's outputs compactly, one line each, for
// comparisons.
func summary(c *Cell) []string {
	var out []string
	for _, o := range c.Outputs {
		switch o.Type {
		case StreamOutput:
			out = append(out, fmt.Sprintf("%s %q", o.Name, o.Text))
		case DisplayData:
			out = append(out, fmt.Sprintf("display %q", o.Data["text/plain"]))
		case ExecuteResult:
			out = append(out, fmt.Sprintf("result[%d] %q", o.ExecutionCount, o.Data["text/plain"]))
		case ErrorOutput:
			out = append(out, fmt.Sprintf("error %s: %s", o.EName, o.EValue))
		}
	}
	return out
}
