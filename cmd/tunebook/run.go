package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/tunebook/tunebook/kernel/display"
	"github.com/tunebook/tunebook/kernel/repl"
	"github.com/tunebook/tunebook/notebook"
	"github.com/tunebook/tunebook/plots"
)

func init() {
	register("run", "execute a notebook with the Go kernel's engine and export it as HTML", runNotebook)
}

// runNotebook implements "tunebook run NOTEBOOK.ipynb [flags]".
func runNotebook(args []string) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	outPath := fs.String("out", "", "write the executed notebook to this `file` (default NAME.executed.ipynb when --html is not given either)")
	htmlPath := fs.String("html", "", "write an HTML report of the executed notebook to this `file`")
	timeout := fs.Duration("timeout", notebook.DefaultTimeout, "interrupt a cell that runs longer than this `duration`")
	keepGoing := fs.Bool("continue-on-error", false, "run the cells after a failing cell too")
	echartsJS := fs.String("echarts-js", "", "inline ECharts in the report from this local echarts.min.js `file` (offline report)")
	echartsURL := fs.String("echarts-url", "", "load ECharts from this `URL`, in charts and the report (default: a public CDN)")
	verbose := fs.Bool("v", false, "log each cell and the interpreter's diagnostics to standard error")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: tunebook run NOTEBOOK.ipynb [--out FILE] [--html FILE] [--timeout DURATION] [--continue-on-error]")
		fmt.Fprintln(fs.Output(), "\nExecutes the notebook's code cells in order, as the Go kernel would, and writes")
		fmt.Fprintln(fs.Output(), "the executed notebook and/or a self-contained HTML report.")
		fs.PrintDefaults()
	}
	inPath, err := parseWithOnePositional(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	if *outPath == "" && *htmlPath == "" {
		*outPath = strings.TrimSuffix(inPath, filepath.Ext(inPath)) + ".executed.ipynb"
	}

	nb, err := notebook.Read(inPath)
	if err != nil {
		return err
	}
	assets, err := assetsFrom(*echartsURL, *echartsJS)
	if err != nil {
		return err
	}
	htmlOpts := notebook.HTMLOptions{Title: reportTitle(nb, inPath), ECharts: assets}
	if *echartsURL != "" {
		// Charts drawn by the cells read the URL from the environment.
		os.Setenv(plots.EnvURL, *echartsURL)
	}

	logger := slog.New(slog.DiscardHandler)
	if *verbose {
		logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	execErr := execute(ctx, nb, notebook.Options{Timeout: *timeout, ContinueOnError: *keepGoing, Logger: logger})
	if errors.Is(execErr, errSetup) {
		return execErr
	}

	if *outPath != "" {
		if err := nb.Write(*outPath); err != nil {
			return errors.Join(execErr, err)
		}
		fmt.Printf("executed notebook written to %s\n", *outPath)
	}
	if *htmlPath != "" {
		if err := writeNotebookHTML(*htmlPath, nb, htmlOpts); err != nil {
			return errors.Join(execErr, err)
		}
		fmt.Printf("report written to %s\n", *htmlPath)
	}
	if execErr != nil && *keepGoing && !errors.Is(execErr, context.Canceled) && !errors.Is(execErr, notebook.ErrStuck) {
		fmt.Fprintf(os.Stderr, "tunebook run: cells failed (--continue-on-error):\n%v\n", execErr)
		return nil
	}
	return execErr
}

// errSetup marks an error that kept the notebook from running at all.
var errSetup = errors.New("could not start the interpreter")

// execute runs nb's code cells in a fresh interpreter session whose output
// streams and displays go to the notebook.
func execute(ctx context.Context, nb *notebook.Notebook, opts notebook.Options) error {
	rec := notebook.NewRecorder()
	stdout, stderr, err := rec.CaptureStreams()
	if err != nil {
		return fmt.Errorf("%w: %w", errSetup, err)
	}
	replOpts := repl.Options{Stdout: stdout, Stderr: stderr, Logger: opts.Logger}
	s, err := repl.New(replOpts)
	if err != nil {
		rec.Close()
		return fmt.Errorf("%w: %w", errSetup, err)
	}
	engine := &runEngine{session: s, opts: replOpts}
	display.SetPublisher(rec)
	defer display.SetPublisher(nil)

	opts.Recorder = rec
	execErr := notebook.Execute(ctx, nb, engine, opts)
	return errors.Join(execErr, engine.Close(), rec.Close())
}

// runEngine adapts a repl.Session to notebook.Engine. A cell that asks for
// a fresh session (%reset) gets one.
type runEngine struct {
	session *repl.Session
	opts    repl.Options
}

func (e *runEngine) Execute(ctx context.Context, code string) (*notebook.Result, error) {
	r, err := e.session.Execute(ctx, code)
	var ce *repl.CellError
	switch {
	case errors.Is(err, repl.ErrReset):
		if err := e.session.Close(); err != nil {
			return nil, err
		}
		e.session, err = repl.New(e.opts)
		return nil, err
	case errors.As(err, &ce):
		return nil, &notebook.CellError{Name: ce.Name, Value: ce.Value, Traceback: ce.Traceback}
	case err != nil:
		return nil, err
	case r == nil || r.Data == nil:
		return nil, nil
	}
	return &notebook.Result{Data: r.Data, Metadata: r.Metadata}, nil
}

func (e *runEngine) Close() error {
	if e.session == nil {
		return nil
	}
	return e.session.Close()
}

// parseWithOnePositional parses args, which may mix flags with exactly one
// positional argument, and returns that argument.
func parseWithOnePositional(fs *flag.FlagSet, args []string) (string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return "", err
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
	if len(positional) != 1 {
		fs.Usage()
		return "", fmt.Errorf("want one notebook file, got %d arguments", len(positional))
	}
	return positional[0], nil
}

// reportTitle is the notebook's title metadata, else its file name.
func reportTitle(nb *notebook.Notebook, path string) string {
	if t, ok := nb.Metadata["title"].(string); ok && t != "" {
		return t
	}
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}

func writeNotebookHTML(path string, nb *notebook.Notebook, opts notebook.HTMLOptions) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := notebook.WriteHTML(f, nb, opts); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
