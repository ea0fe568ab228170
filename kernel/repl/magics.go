package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sort"
	"strings"
	"time"
)

// magicHelp is printed by %help.
const magicHelp = `tunebook cells hold Go code (statements, declarations and imports in any
order; the value of a final expression is shown). Lines at the top of a
cell may be magics:

  %help             this text
  %time             time the rest of the cell and print the wall time
  %env              list environment variables
  %env NAME         print one variable
  %env NAME=value   set a variable (seen by os.Getenv, os/exec and ! lines)
  %reset            discard every declaration and variable (a fresh session)
  !command          run command with sh -c; a failing command stops the cell

Rich output: import "github.com/tunebook/tunebook/kernel/display" and call
display.HTML, display.Markdown, display.Image, display.Show, … or end a cell
with a value whose type has an HTML, Markdown, SVG, PNG, LaTeX, JSON or MIME
method.
`

// splitMagics separates the magic lines at the top of a cell (lines
// starting with % or !, possibly after blank or comment lines) from the Go
// code. Magic lines are blanked in the returned code, so positions in Go
// errors still match the cell's lines.
func splitMagics(code string) (string, []string) {
	lines := strings.Split(code, "\n")
	var magics []string
	for i, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case t == "" || strings.HasPrefix(t, "//"):
			continue
		case strings.HasPrefix(t, "%") || strings.HasPrefix(t, "!"):
			magics = append(magics, t)
			lines[i] = ""
			continue
		}
		break
	}
	if len(magics) == 0 {
		return code, nil
	}
	return strings.Join(lines, "\n"), magics
}

// runMagics runs the magic lines in order. stop, when not nil, must be
// called when the cell ends (it prints the %time measurement).
func (s *Session) runMagics(ctx context.Context, magics []string) (stop func(), err error) {
	for _, m := range magics {
		if strings.HasPrefix(m, "!") {
			if err := s.shell(ctx, strings.TrimSpace(m[1:])); err != nil {
				return stop, err
			}
			continue
		}
		name, arg, _ := strings.Cut(m[1:], " ")
		arg = strings.TrimSpace(arg)
		switch name {
		case "help":
			_, _ = io.WriteString(s.opts.Stdout, magicHelp)
		case "time":
			start := time.Now()
			stop = func() { fmt.Fprintf(s.opts.Stdout, "wall time: %v\n", time.Since(start).Round(time.Microsecond)) }
		case "env":
			if err := s.env(arg); err != nil {
				return stop, err
			}
		case "reset":
			return stop, ErrReset
		default:
			return stop, newCellError(errMagic, fmt.Sprintf("unknown magic %%%s; %%help lists the magics", name))
		}
	}
	return stop, nil
}

// env implements %env.
func (s *Session) env(arg string) error {
	switch name, value, set := strings.Cut(arg, "="); {
	case arg == "":
		vars := os.Environ()
		sort.Strings(vars)
		for _, v := range vars {
			fmt.Fprintln(s.opts.Stdout, v)
		}
	case set:
		name = strings.TrimSpace(name)
		if name == "" {
			return newCellError(errMagic, "%env NAME=value: the name is empty")
		}
		if err := os.Setenv(name, value); err != nil {
			return newCellError(errMagic, fmt.Sprintf("%%env %s: %v", name, err))
		}
		fmt.Fprintf(s.opts.Stdout, "env: %s=%s\n", name, value)
	default:
		v, ok := os.LookupEnv(name)
		if !ok {
			return newCellError(errMagic, fmt.Sprintf("%%env %s: not set", name))
		}
		fmt.Fprintln(s.opts.Stdout, v)
	}
	return nil
}

// shell runs a !command with sh -c, its output going to the cell's
// streams. Interrupting the cell kills the command.
func (s *Session) shell(ctx context.Context, command string) error {
	cmd := exec.CommandContext(ctx, "sh", "-c", command)
	cmd.Stdout, cmd.Stderr = s.opts.Stdout, s.opts.Stderr
	cmd.WaitDelay = time.Second
	err := cmd.Run()
	switch {
	case err == nil:
		return nil
	case ctx.Err() != nil:
		return newCellError(errInterrupted, fmt.Sprintf("interrupted (KeyboardInterrupt) while running !%s", command))
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return newCellError(errShell, fmt.Sprintf("!%s: %v", command, exit))
	}
	return newCellError(errShell, fmt.Sprintf("!%s: %v", command, err))
}
