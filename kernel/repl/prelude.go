package repl

import (
	"fmt"
	"sort"
	"strings"
)

// prelude is interpreted once per session. Its helpers run inside the
// interpreter because only interpreted code can call the methods of
// notebook-declared types; they hand plain results to the compiled bridge
// (package tunebook.internal/rt).
//
//   - __tb_show formats the value(s) of a cell's last expression;
//   - __tb_rich builds the MIME bundle of one value: display.MIMEOf for
//     compiled values, __tb_richf for notebook types with display methods;
//   - __tb_fmt_* replace calls of the fmt print functions in cells: they
//     pass each argument through __tb_conv1, which wraps values of notebook
//     types so that %T names them and String/Error methods are used;
//   - __tb_convf, __tb_richf and __tb_slicef are reassigned by typesSource
//     whenever types or methods are declared.
//
// Workarounds for yaegi v0.16.1 shape this code:
//   - interpreted type assertions and type switches compare runtime
//     representations (v.(Celsius) holds for any float64), so the notebook
//     type of a value comes from the bridge (__tbrt.TypeName, see
//     typeNames) and generated code switches on that name;
//   - a []interface{} filled by interpreted code holds the interpreter's
//     internal wrappers, so converted arguments are appended by compiled
//     code (__tbrt.Append);
//   - a method value binds its receiver's variable, not its value, so slice
//     elements are wrapped by a function call each.
const prelude = `package main

import (
	__tbfmt "fmt"
	__tbio "io"
	__tbrt "` + bridgeImport + `"
)

var __tb_convf = func(name string, v interface{}) interface{} { return v }

var __tb_richf = func(name string, v interface{}) interface{} { return nil }

var __tb_slicef = func(name string, v interface{}) interface{} { return v }

func __tb_conv1(v interface{}) interface{} {
	name := __tbrt.TypeName(v)
	if name == "" {
		return v
	}
	return __tb_convf(name, v)
}

func __tb_conv(a []interface{}) []interface{} {
	var out []interface{}
	for _, v := range a {
		out = __tbrt.Append(out, __tb_conv1(v))
	}
	return out
}

func __tb_fmt_Print(a ...interface{}) (int, error)   { return __tbfmt.Print(__tb_conv(a)...) }
func __tb_fmt_Println(a ...interface{}) (int, error) { return __tbfmt.Println(__tb_conv(a)...) }
func __tb_fmt_Printf(format string, a ...interface{}) (int, error) {
	f, args := __tbrt.Format(format, __tb_conv(a))
	return __tbfmt.Printf(f, args...)
}
func __tb_fmt_Sprint(a ...interface{}) string   { return __tbfmt.Sprint(__tb_conv(a)...) }
func __tb_fmt_Sprintln(a ...interface{}) string { return __tbfmt.Sprintln(__tb_conv(a)...) }
func __tb_fmt_Sprintf(format string, a ...interface{}) string {
	f, args := __tbrt.Format(format, __tb_conv(a))
	return __tbfmt.Sprintf(f, args...)
}
func __tb_fmt_Fprint(w __tbio.Writer, a ...interface{}) (int, error) {
	return __tbfmt.Fprint(w, __tb_conv(a)...)
}
func __tb_fmt_Fprintln(w __tbio.Writer, a ...interface{}) (int, error) {
	return __tbfmt.Fprintln(w, __tb_conv(a)...)
}
func __tb_fmt_Fprintf(w __tbio.Writer, format string, a ...interface{}) (int, error) {
	f, args := __tbrt.Format(format, __tb_conv(a))
	return __tbfmt.Fprintf(w, f, args...)
}

func __tb_rich(v interface{}) interface{} {
	if b, ok := __tbrt.MIMEOf(v); ok {
		return b
	}
	if name := __tbrt.TypeName(v); name != "" {
		if b := __tb_richf(name, v); b != nil {
			return b
		}
	}
	return __tbrt.Text(__tbfmt.Sprint(__tb_conv1(v)))
}

func __tb_show(v ...interface{}) {
	if len(v) == 1 {
		__tbrt.Result(__tb_rich(v[0]))
		return
	}
	s := __tbfmt.Sprintln(__tb_conv(v)...)
	__tbrt.Result(__tbrt.Text(s[:len(s)-1]))
}
`

// typeInfo is a notebook type as the generated code sees it: its name and
// the methods relevant to printing and display, split by receiver kind.
type typeInfo struct {
	name     string
	isStruct bool
	// value and pointer map method names (String, Error, HTML, …) to their
	// result type, for value and pointer receivers.
	value, pointer map[string]string
}

// displayMethods maps the display methods to the MIME type they produce
// and the result types accepted; "" means any single result.
var displayMethods = map[string]struct{ mime, result string }{
	"HTML":     {"text/html", "string"},
	"Markdown": {"text/markdown", "string"},
	"SVG":      {"image/svg+xml", "string"},
	"LaTeX":    {"text/latex", "string"},
	"PNG":      {"", "[]byte"},
	"JSON":     {"", ""},
	"MIME":     {"", "map[string]any|map[string]interface{}"},
}

// methodsOf returns the method set of shape (T or *T) of t.
func (t typeInfo) methodsOf(pointer bool) map[string]string {
	if !pointer {
		return t.value
	}
	m := map[string]string{}
	for k, v := range t.value {
		m[k] = v
	}
	for k, v := range t.pointer {
		m[k] = v
	}
	return m
}

// typesSource returns statements that reassign __tb_convf, __tb_richf and
// __tb_slicef for the given notebook types (non-generic, non-interface),
// keyed by the type names typeNames reports, and register the runtime
// representation of struct types.
func typesSource(types []typeInfo) string {
	sorted := append([]typeInfo(nil), types...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].name < sorted[j].name })
	var conv, rich, slice, reg strings.Builder
	conv.WriteString("__tb_convf = func(name string, v interface{}) interface{} {\n\tswitch name {\n")
	rich.WriteString("__tb_richf = func(name string, v interface{}) interface{} {\n\tswitch name {\n")
	slice.WriteString("__tb_slicef = func(name string, v interface{}) interface{} {\n\tswitch name {\n")
	for _, t := range sorted {
		if t.isStruct {
			fmt.Fprintf(&reg, "__tbrt.Register(%q, %s{})\n", shapeName(t.name), t.name)
		}
		for _, pointer := range []bool{false, true} {
			expr := t.name
			if pointer {
				expr = "*" + t.name
			}
			methods := t.methodsOf(pointer)
			writeConv(&conv, expr, methods)
			writeRich(&rich, expr, methods)
			fmt.Fprintf(&slice, "\tcase %q:\n\t\tx := v.([]%s)\n", "[]"+shapeName(expr), expr)
			fmt.Fprintf(&slice, "\t\tw := func(x %s) interface{} { return __tb_convf(%q, x) }\n", expr, shapeName(expr))
			slice.WriteString("\t\tvar e []interface{}\n\t\tfor i := range x {\n\t\t\te = __tbrt.Append(e, w(x[i]))\n\t\t}\n")
			slice.WriteString("\t\treturn __tbrt.NamedSlice(name, x, e)\n")
		}
	}
	conv.WriteString("\t}\n\treturn v\n}\n")
	rich.WriteString("\t}\n\treturn nil\n}\n")
	slice.WriteString("\t}\n\treturn v\n}\n")
	return conv.String() + rich.String() + slice.String() + reg.String()
}

// writeConv writes the converter's case for one shape. The value is
// asserted to its type before it goes to compiled code: an interface{}
// holding a value with methods reaches compiled code as yaegi's internal
// wrapper, a typed value as itself.
func writeConv(b *strings.Builder, expr string, methods map[string]string) {
	str, errf := "nil", "nil"
	if methods["String"] == "string" {
		str = "x.String"
	}
	if methods["Error"] == "string" {
		errf = "x.Error"
	}
	fmt.Fprintf(b, "\tcase %q:\n\t\tx := v.(%s)\n\t\treturn __tbrt.Named(name, x, %s, %s)\n", shapeName(expr), expr, str, errf)
}

// writeRich writes the rich-display case of one shape, if it has display
// methods with the expected result types.
func writeRich(b *strings.Builder, expr string, methods map[string]string) {
	var calls []string
	names := make([]string, 0, len(methods))
	for name := range methods {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		dm, ok := displayMethods[name]
		if !ok || (dm.result != "" && !strings.Contains("|"+dm.result+"|", "|"+methods[name]+"|")) {
			continue
		}
		switch name {
		case "PNG", "JSON", "MIME":
			calls = append(calls, fmt.Sprintf("r.%s(x.%s())", name, name))
		default:
			calls = append(calls, fmt.Sprintf("r.Set(%q, x.%s())", dm.mime, name))
		}
	}
	if len(calls) == 0 {
		return
	}
	fmt.Fprintf(b, "\tcase %q:\n\t\tx := v.(%s)\n\t\tr := __tbrt.NewRich()\n", shapeName(expr), expr)
	for _, c := range calls {
		fmt.Fprintf(b, "\t\t%s\n", c)
	}
	b.WriteString("\t\treturn r.Bundle(__tbfmt.Sprint(__tb_conv1(v)))\n")
}

// shapeName is the %T name of a notebook type expression: T → main.T,
// *T → *main.T.
func shapeName(shape string) string {
	if rest, ok := strings.CutPrefix(shape, "*"); ok {
		return "*main." + rest
	}
	return "main." + shape
}
