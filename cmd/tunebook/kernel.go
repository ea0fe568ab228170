package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"log/slog"
	"runtime/debug"

	"github.com/tunebook/tunebook/kernel"
	"github.com/tunebook/tunebook/kernel/display"
	"github.com/tunebook/tunebook/kernel/input"
	"github.com/tunebook/tunebook/kernel/repl"
)

func init() {
	register("kernel", "run the Go kernel for Jupyter (started by Jupyter)", runKernel)
}

// runKernel implements "tunebook kernel --connection-file FILE [--log FILE]".
func runKernel(args []string) error {
	fs := flag.NewFlagSet("kernel", flag.ContinueOnError)
	connFile := fs.String("connection-file", "", "Jupyter connection `file` (required; Jupyter passes it)")
	logPath := fs.String("log", "", "append the kernel's log to `file` (default: warnings to standard error)")
	verbose := fs.Bool("debug", false, "log every message received")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: tunebook kernel --connection-file FILE [--log FILE] [--debug]")
		fmt.Fprintln(fs.Output(), "\nRuns the Go kernel; Jupyter starts it through the kernelspec written by \"tunebook install\".")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if *connFile == "" {
		fs.Usage()
		return errors.New("--connection-file is required")
	}

	// Quiet by default: warnings only, unless the log has its own file.
	level := slog.LevelWarn
	switch {
	case *verbose:
		level = slog.LevelDebug
	case *logPath != "":
		level = slog.LevelInfo
	}
	return kernel.Run(context.Background(), *connFile, kernel.Options{
		NewEngine: newReplEngine,
		Version:   moduleVersion(),
		LogPath:   *logPath,
		LogLevel:  level,
	})
}

// newReplEngine starts an interpreter session and routes the display and
// input packages, which cells call, to the kernel.
func newReplEngine(cfg kernel.EngineConfig) (kernel.Engine, error) {
	display.SetPublisher(displayPublisher{cfg.Publisher})
	input.SetReader(cfg.Input)
	// yaegi reports its own internal failures through the standard log
	// package, whose default output is fd 2: the cell's stderr. Send them
	// to the kernel log instead.
	log.SetOutput(slog.NewLogLogger(cfg.Logger.Handler(), slog.LevelWarn).Writer())
	s, err := repl.New(repl.Options{Stdout: cfg.Stdout, Stderr: cfg.Stderr, Logger: cfg.Logger})
	if err != nil {
		return nil, err
	}
	return replEngine{s}, nil
}

// replEngine adapts a repl.Session to kernel.Engine.
type replEngine struct {
	*repl.Session
}

// Execute runs a cell and converts its result and error to the kernel's
// types.
func (e replEngine) Execute(ctx context.Context, code string) (*kernel.Result, error) {
	r, err := e.Session.Execute(ctx, code)
	var ce *repl.CellError
	switch {
	case errors.Is(err, repl.ErrReset):
		return nil, kernel.ErrReset
	case errors.As(err, &ce):
		return nil, &kernel.CellError{Name: ce.Name, Value: ce.Value, Traceback: ce.Traceback}
	case err != nil:
		return nil, err
	case r == nil || r.Data == nil:
		return nil, nil
	}
	return &kernel.Result{Data: r.Data, Metadata: r.Metadata}, nil
}

// displayPublisher adapts the kernel's Publisher to display.Publisher.
type displayPublisher struct {
	p kernel.Publisher
}

func (d displayPublisher) Display(b display.Bundle, displayID string, update bool) {
	d.p.Display(b.Data, b.Metadata, displayID, update)
}

func (d displayPublisher) ClearOutput(wait bool) {
	d.p.ClearOutput(wait)
}

// moduleVersion returns the version of the tunebook module built into the
// binary, "(devel)" for a local build.
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		return bi.Main.Version
	}
	return "(devel)"
}
