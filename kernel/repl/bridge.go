package repl

import (
	"encoding/base64"
	"fmt"
	"reflect"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib/unrestricted"

	"github.com/tunebook/tunebook/kernel/display"
)

// bridgeImport is the import path of the compiled helpers that rewritten
// cells and the prelude call. The prelude imports it as __tbrt, a name
// cells are not expected to use.
const bridgeImport = "tunebook.internal/rt"

// exitPanic is the panic value of the sandboxed os.Exit.
type exitPanic struct{ code int }

// cellReturn is the panic value of a return statement at the top level of
// a cell (see cellReturnCall): the cell ends there, without an error.
type cellReturn struct{}

// sandboxedExit replaces os.Exit in cells: instead of ending the kernel it
// panics, and the session reports an Exit error for the cell.
func sandboxedExit(code int) { panic(exitPanic{code}) }

// bridgeSymbols returns the symbols the session adds to yaegi's stdlib:
// its helpers, os.Exit sandboxed, os.Stdout/os.Stderr bound to the
// session's files, and os/exec (which the restricted stdlib leaves out).
func (s *Session) bridgeSymbols() interp.Exports {
	stdout, stderr := s.opts.Stdout, s.opts.Stderr
	return interp.Exports{
		bridgeImport + "/rt": {
			"GoStart":    reflect.ValueOf(s.goroutines.start),
			"Go":         reflect.ValueOf(s.goroutines.run),
			"GoPanic":    reflect.ValueOf(s.goroutines.panicked),
			"Print":      reflect.ValueOf(func(a ...any) { builtinPrint(stderr, false, a) }),
			"Println":    reflect.ValueOf(func(a ...any) { builtinPrint(stderr, true, a) }),
			"Append":     reflect.ValueOf(func(s []any, v any) []any { return append(s, v) }),
			"Format":     reflect.ValueOf(rewriteTypeVerbs),
			"Named":      reflect.ValueOf(newNamed),
			"TypeName":   reflect.ValueOf(s.typeNames.name),
			"Register":   reflect.ValueOf(s.typeNames.register),
			"NamedSlice": reflect.ValueOf(newNamedSlice),
			"MIMEOf":     reflect.ValueOf(display.MIMEOf),
			"NewRich":    reflect.ValueOf(newRich),
			"Text":       reflect.ValueOf(textBundle),
			"Result":     reflect.ValueOf(s.setResult),
			"Return":     reflect.ValueOf(func() { panic(cellReturn{}) }),
		},
		"os/os": {
			"Exit":   reflect.ValueOf(sandboxedExit),
			"Stdout": reflect.ValueOf(&stdout).Elem(),
			"Stderr": reflect.ValueOf(&stderr).Elem(),
		},
		"os/exec/exec": unrestricted.Symbols["os/exec/exec"],
	}
}

// rich collects the MIME representations that interpreted code finds by
// calling display methods (HTML, Markdown, …) of a notebook-declared type,
// which compiled code cannot see.
type rich struct{ data map[string]any }

func newRich() *rich { return &rich{data: map[string]any{}} }

// Set records text content for mime.
func (r *rich) Set(mime, content string) { r.data[mime] = content }

// PNG records PNG bytes, base64-encoded as Jupyter expects.
func (r *rich) PNG(b []byte) { r.data[display.MIMEPNG] = base64.StdEncoding.EncodeToString(b) }

// MIME records a whole bundle returned by a MIME method.
func (r *rich) MIME(m map[string]any) {
	for k, v := range m {
		r.data[k] = v
	}
}

// JSON records the result of a JSON method through display's rules.
func (r *rich) JSON(v any) {
	b, _ := display.MIMEOf(jsonValue{v})
	if content, ok := b.Data[display.MIMEJSON]; ok {
		r.data[display.MIMEJSON] = content
	}
}

// jsonValue adapts a value returned by a JSON method to display.MIMEOf.
type jsonValue struct{ v any }

func (j jsonValue) JSON() any { return j.v }

// Bundle returns the collected representations plus text as text/plain
// (unless a MIME method supplied its own).
func (r *rich) Bundle(text string) display.Bundle {
	if _, ok := r.data[display.MIMEText]; !ok {
		r.data[display.MIMEText] = text
	}
	return display.Bundle{Data: r.data}
}

// textBundle is a bundle with text/plain only.
func textBundle(text string) display.Bundle {
	return display.Bundle{Data: map[string]any{display.MIMEText: text}}
}

// setResult records the bundle of the cell's last expression; v is a
// display.Bundle built by the prelude.
func (s *Session) setResult(v any) {
	b, ok := v.(display.Bundle)
	if !ok {
		b, _ = display.MIMEOf(v)
	}
	s.resultMu.Lock()
	defer s.resultMu.Unlock()
	s.result = &Result{Data: b.Data, Metadata: b.Metadata}
}

// describePanic renders a recovered panic value as Go prints it after
// "panic: ", with the interpreter's wording of run-time errors replaced by
// Go's (see runtimeWording).
func describePanic(r any) string {
	if v, ok := r.(reflect.Value); ok && v.IsValid() && v.CanInterface() {
		r = v.Interface()
	}
	var msg string
	switch v := r.(type) {
	case error:
		msg = v.Error()
	case fmt.Stringer:
		msg = v.String()
	case string:
		msg = v
	default:
		msg = fmt.Sprint(v)
	}
	return runtimeWording(msg)
}

// exitMessage describes a call of the sandboxed os.Exit.
func exitMessage(code int) string {
	return fmt.Sprintf("os.Exit(%d) called; the kernel keeps running and the notebook state is kept", code)
}

// writeStderr writes a diagnostic line to the session's standard error.
func (s *Session) writeStderr(format string, a ...any) {
	fmt.Fprintf(s.opts.Stderr, format+"\n", a...)
}
