package kernel

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// fakeEngine runs a tiny command language, one command per line, so that
// the protocol can be tested without an interpreter:
//
//	print TEXT      write TEXT to stdout        eprint TEXT  to stderr
//	value TEXT      result with text/plain TEXT  display ID TEXT  display_data
//	update ID TEXT  update_display_data         clear        clear_output
//	fail TEXT       a CellError                 panic TEXT   a panic
//	loop            run until cancelled         stuck        ignore cancellation
//	sleep DURATION  sleep, or until cancelled   input PROMPT result is the answer
//	reset           ask for a fresh session
//
// Completing the code "boom" panics.
type fakeEngine struct {
	cfg     EngineConfig
	release chan struct{} // closing it frees "stuck" cells
	closed  atomic.Bool
}

// fakeEngines returns a NewEngine function and a pointer to the count of
// engines it made.
func fakeEngines(release chan struct{}) (func(EngineConfig) (Engine, error), *atomic.Int32) {
	var n atomic.Int32
	return func(cfg EngineConfig) (Engine, error) {
		n.Add(1)
		return &fakeEngine{cfg: cfg, release: release}, nil
	}, &n
}

func (e *fakeEngine) Execute(ctx context.Context, code string) (*Result, error) {
	var res *Result
	for line := range strings.SplitSeq(code, "\n") {
		cmd, arg, _ := strings.Cut(line, " ")
		switch cmd {
		case "print":
			fmt.Fprint(e.cfg.Stdout, arg)
		case "eprint":
			fmt.Fprint(e.cfg.Stderr, arg)
		case "value":
			res = &Result{Data: map[string]any{"text/plain": arg}}
		case "display", "update":
			id, text, _ := strings.Cut(arg, " ")
			e.cfg.Publisher.Display(map[string]any{"text/plain": text}, nil, id, cmd == "update")
		case "clear":
			e.cfg.Publisher.ClearOutput(true)
		case "fail":
			return nil, &CellError{Name: "TestError", Value: arg, Traceback: []string{"line 1", arg}}
		case "panic":
			panic(arg)
		case "loop":
			<-ctx.Done()
			return nil, ctx.Err()
		case "stuck":
			<-e.release
			return nil, errors.New("released")
		case "sleep":
			d, err := time.ParseDuration(arg)
			if err != nil {
				return nil, err
			}
			select {
			case <-time.After(d):
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		case "input":
			v, err := e.cfg.Input(arg, false)
			if err != nil {
				return nil, err
			}
			res = &Result{Data: map[string]any{"text/plain": v}}
		case "reset":
			return nil, ErrReset
		case "":
		default:
			return nil, &CellError{Name: "SyntaxError", Value: "unknown command " + cmd}
		}
	}
	return res, nil
}

// fakeWords are the names the fake engine completes and inspects.
var fakeWords = []string{"print", "println", "printf", "value", "ünïcode"}

// Complete works on bytes inside and, like the real engine, takes and
// returns positions in code points.
func (e *fakeEngine) Complete(code string, cursorRunes int) ([]string, int, int) {
	if code == "boom" {
		panic("completion exploded")
	}
	cursor := byteOffset(code, cursorRunes)
	start := cursor
	for start > 0 && code[start-1] != ' ' && code[start-1] != '\n' {
		start--
	}
	var out []string
	for _, w := range fakeWords {
		if strings.HasPrefix(w, code[start:cursor]) {
			out = append(out, w)
		}
	}
	return out, runeOffset(code, start), runeOffset(code, cursor)
}

// byteOffset converts a position counted in code points into a byte
// offset into code, clamped to the code.
func byteOffset(code string, cursor int) int {
	if cursor <= 0 {
		return 0
	}
	n := 0
	for i := range code {
		if n == cursor {
			return i
		}
		n++
	}
	return len(code)
}

// runeOffset converts a byte offset into code into code points.
func runeOffset(code string, off int) int {
	return utf8.RuneCountInString(code[:off])
}

func (e *fakeEngine) Inspect(code string, cursor, detail int) (map[string]any, bool) {
	for _, w := range fakeWords {
		if strings.Contains(code, w) {
			return map[string]any{"text/plain": fmt.Sprintf("%s (detail %d)", w, detail)}, true
		}
	}
	return nil, false
}

func (e *fakeEngine) IsComplete(code string) (string, string) {
	switch {
	case strings.HasSuffix(code, "{"):
		return "incomplete", "\t"
	case strings.HasPrefix(code, "}"):
		return "invalid", ""
	}
	return "complete", ""
}

func (e *fakeEngine) Close() error {
	e.closed.Store(true)
	return nil
}
