// Command cellrunner executes notebook cells in one interpreter session of
// package repl, as the tunebook kernel does, for the tutorial tests.
//
// It reads one JSON object per line on standard input,
// {"code": "...", "timeout_ms": 0}, runs the cell, and writes what the cell
// printed and displayed to standard output, followed by a line that starts
// with the record separator U+001E: "\x1e ok" or "\x1e error NAME: VALUE".
// Displays are written as "[display MIME-TYPES] TEXT", the cell's value as
// "[result MIME-TYPES] TEXT". A %reset cell starts a fresh session, as the kernel does.
//
// It lives under testdata so that "go build ./..." does not build it: the
// tutorial test builds it, and skips the kernel cells when it does not
// build.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/tunebook/tunebook/kernel/display"
	"github.com/tunebook/tunebook/kernel/repl"
)

// request is one cell to run.
type request struct {
	Code      string `json:"code"`
	TimeoutMS int    `json:"timeout_ms"`
}

func main() {
	display.SetPublisher(printer{})
	opts := repl.Options{Stdout: os.Stdout, Stderr: os.Stdout}
	session, err := repl.New(opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, "cellrunner:", err)
		os.Exit(1)
	}

	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<24)
	for in.Scan() {
		var req request
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			fmt.Fprintln(os.Stderr, "cellrunner: bad request:", err)
			os.Exit(1)
		}
		if session, err = run(session, opts, req); err != nil {
			fmt.Fprintln(os.Stderr, "cellrunner:", err)
			os.Exit(1)
		}
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "cellrunner: reading requests:", err)
		os.Exit(1)
	}
}

// run executes one cell and writes its transcript. It returns the session
// to use for the next cell: a new one after %reset.
func run(s *repl.Session, opts repl.Options, req request) (*repl.Session, error) {
	ctx := context.Background()
	if req.TimeoutMS > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, time.Duration(req.TimeoutMS)*time.Millisecond)
		defer cancel()
	}
	res, err := s.Execute(ctx, req.Code)
	if errors.Is(err, repl.ErrReset) {
		if err := s.Close(); err != nil {
			return nil, err
		}
		if s, err = repl.New(opts); err != nil {
			return nil, err
		}
		fmt.Println("[reset]")
		err = nil
	}
	if res != nil && res.Data != nil {
		fmt.Printf("[result %s] %s\n", strings.Join(mimeTypes(res.Data), " "), text(res.Data))
	}
	var ce *repl.CellError
	switch {
	case errors.As(err, &ce):
		fmt.Printf("\x1e error %s: %s\n", ce.Name, strings.ReplaceAll(ce.Value, "\n", " "))
	case err != nil:
		return nil, err
	default:
		fmt.Println("\x1e ok")
	}
	return s, nil
}

// printer is a display.Publisher that writes each output as a line of text.
type printer struct{}

func (printer) Display(b display.Bundle, displayID string, update bool) {
	kind := "display"
	if update {
		kind = "update"
	}
	fmt.Printf("[%s %s] %s\n", kind, strings.Join(mimeTypes(b.Data), " "), text(b.Data))
}

func (printer) ClearOutput(bool) { fmt.Println("[clear]") }

// text returns the first text form of a bundle, in the order a reader
// learns most from: plain text, Markdown, HTML, then the MIME types alone.
func text(data map[string]any) string {
	for _, mime := range []string{"text/plain", "text/markdown", "text/html", "image/svg+xml"} {
		if s, ok := data[mime].(string); ok {
			return s
		}
	}
	return "(" + strings.Join(mimeTypes(data), " ") + ")"
}

func mimeTypes(data map[string]any) []string {
	out := make([]string, 0, len(data))
	for k := range data {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
