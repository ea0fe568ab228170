// Package repl runs notebook cells of Go code for the tunebook kernel,
// using the yaegi interpreter (github.com/traefik/yaegi v0.16.1).
//
// A Session keeps a notebook's state across cells. A cell is not a Go file
// and not a function body: it may mix imports, declarations and
// statements, and its last expression is the cell's result. Execute splits
// a cell into top-level pieces with go/scanner and go/parser, evaluates
// imports first (an import already in effect is skipped), then
// declarations (so a statement may call a function declared further down,
// as in a Go file), then statements in order, and shows the value of a
// final expression as a Jupyter MIME bundle. Errors carry positions in the
// cell.
//
// The interpreter's gaps are worked around where possible by rewriting
// the cell before evaluation (see rewrite.go): panics in goroutines a cell
// starts are recovered and reported on the cell; builtin print and println
// write to standard error; loop variables captured by closures get
// per-iteration copies (Go 1.22 semantics); values of notebook-declared
// types print through fmt with their type names (%T gives main.Person) and
// String methods; a function declared again reaches the functions of
// earlier cells that call it; compound statements at the top level of a
// cell run in a function literal, where the interpreter handles the
// variables they declare (see toplevel.go); a top-level return ends the
// cell; failed comma-ok forms give the zero value. After an interrupt the
// interpreter's run counter is put back, so closures made before it keep
// working (see interrupt.go). Features the interpreter lacks are reported
// with a clear message (range over integers, min and max, redefining a
// type); LIMITS.md lists what remains.
//
// Cells reach compiled packages through package symbols (gonum,
// go-echarts, tunebook's automl and plots, and package display for rich
// output) besides the standard library and os/exec. os.Exit in a cell is
// reported as an error instead of ending the kernel.
//
// Lines at the top of a cell may be magics: %help, %time, %env, %reset
// (Execute returns ErrReset; the caller starts a new Session) and
// !command (run with sh -c). Complete, Inspect and IsComplete answer the
// corresponding Jupyter requests.
//
// The session's standard output and error are the files given in Options;
// the kernel dup2s pipes onto file descriptors 1 and 2, so output written
// by compiled code reaches the cell too. yaegi itself logs some internal
// failures through the standard library's default logger (for example
// "nil type"), which the kernel should point away from file descriptor 2.
package repl
