package repl

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Names of cell errors (CellError.Name), shown by front ends as the error
// type.
const (
	errCompile     = "CompileError" // syntax or type error; nothing in the failing part ran
	errUnsupported = "Unsupported"  // a Go feature the interpreter lacks (see LIMITS.md)
	errPanic       = "panic"        // a run-time panic, in the cell or a goroutine it started
	errExit        = "Exit"         // os.Exit was called; the kernel keeps running
	errInterrupted = "Interrupted"  // the cell was interrupted
	errShell       = "ShellError"   // a !command failed
	errMagic       = "MagicError"   // a %magic line is malformed
)

// ErrReset is returned by Session.Execute for a cell that is the %reset
// magic: the caller should discard the Session and create a new one.
var ErrReset = errors.New("repl: reset requested (%reset)")

// CellError is the error of a cell that failed. Its fields map to the
// ename, evalue and traceback of a Jupyter error reply; Traceback always
// holds at least one line.
type CellError struct {
	Name      string
	Value     string
	Traceback []string
}

// Error returns "Name: Value".
func (e *CellError) Error() string { return e.Name + ": " + e.Value }

// newCellError returns a CellError whose traceback is its own summary line
// followed by the given lines.
func newCellError(name, value string, lines ...string) *CellError {
	return &CellError{Name: name, Value: value, Traceback: append([]string{name + ": " + value}, lines...)}
}

// compileError returns a CompileError at byte offset off of the cell, with
// "line:column: " before msg and the offending line quoted in the traceback.
func compileError(cell string, off int, msg string) *CellError {
	return positionedError(errCompile, cell, off, msg)
}

// positionedError returns a CellError named name at byte offset off.
func positionedError(name, cell string, off int, msg string) *CellError {
	line, col := lineCol(cell, off)
	return newCellError(name, fmt.Sprintf("%d:%d: %s", line, col, msg), excerpt(cell, line, col)...)
}

// lineCol converts a byte offset of the cell to a 1-based line and a
// 1-based column counted in characters.
func lineCol(cell string, off int) (line, col int) {
	off = max(0, min(off, len(cell)))
	before := cell[:off]
	lineStart := strings.LastIndexByte(before, '\n') + 1
	return strings.Count(before, "\n") + 1, utf8.RuneCountInString(before[lineStart:]) + 1
}

// excerpt quotes line of the cell with a caret under column col.
func excerpt(cell string, line, col int) []string {
	lines := strings.Split(cell, "\n")
	if line < 1 || line > len(lines) {
		return nil
	}
	text := strings.ReplaceAll(lines[line-1], "\t", "    ")
	prefix := []rune(lines[line-1])
	caret := 0
	for i := 0; i < col-1 && i < len(prefix); i++ {
		if prefix[i] == '\t' {
			caret += 4
		} else {
			caret++
		}
	}
	gutter := fmt.Sprintf("%4d | ", line)
	return []string{gutter + text, strings.Repeat(" ", len(gutter)-2) + "| " + strings.Repeat(" ", caret) + "^"}
}
