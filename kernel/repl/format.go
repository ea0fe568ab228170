package repl

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// named carries a value of a notebook-declared type to compiled fmt
// together with what the interpreter knows and compiled code cannot see:
// the type's name and its String and Error methods. It implements
// fmt.Formatter so that %v honours String; fmt answers %T itself, so
// rewriteTypeVerbs replaces %T directives by the name.
type named struct {
	typ       string
	v         any
	str, errf func() string
}

// newNamed is called from interpreted code (the prelude's __tb_wrap).
func newNamed(typ string, v any, str, errf func() string) any {
	return named{typ: typ, v: v, str: str, errf: errf}
}

// Format implements fmt.Formatter following fmt's own rules: Error is
// preferred to String, and both apply only to the verbs v, s, q, x and X
// (not to %#v).
func (n named) Format(f fmt.State, verb rune) {
	switch verb {
	case 'v', 's', 'q', 'x', 'X':
		if verb == 'v' && f.Flag('#') {
			break
		}
		method, kind := n.errf, "Error"
		if method == nil {
			method, kind = n.str, "String"
		}
		if method != nil {
			if s, ok := callMethod(f, verb, n.v, method, kind); ok {
				fmt.Fprintf(f, fmt.FormatString(f, verb), s)
			}
			return
		}
	}
	fmt.Fprintf(f, fmt.FormatString(f, verb), n.v)
}

// callMethod calls a String or Error method; if it panics, it writes what
// fmt writes in that case ("<nil>" for a nil pointer receiver, otherwise
// %!v(PANIC=String method: …)) and reports false.
func callMethod(f fmt.State, verb rune, v any, method func() string, kind string) (s string, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
				fmt.Fprint(f, "<nil>")
				return
			}
			fmt.Fprintf(f, "%%!%c(PANIC=%s method: %v)", verb, kind, r)
		}
	}()
	return method(), true
}

// namedSlice is a slice of a notebook-declared type: %#v prints the raw
// slice and other verbs format each element as a named value; %T is
// handled by rewriteTypeVerbs.
type namedSlice struct {
	typ   string
	v     any
	elems []any
}

// newNamedSlice is called from interpreted code (the generated converter).
func newNamedSlice(typ string, v any, elems []any) any {
	return namedSlice{typ: typ, v: v, elems: elems}
}

// Format implements fmt.Formatter.
func (n namedSlice) Format(f fmt.State, verb rune) {
	switch {
	case verb == 'v' && f.Flag('#'):
		fmt.Fprintf(f, fmt.FormatString(f, verb), n.v)
	default:
		fmt.Fprintf(f, fmt.FormatString(f, verb), n.elems)
	}
}

// rewriteTypeVerbs makes %T work for notebook types in Printf-style calls.
// fmt handles %T itself, before consulting a Formatter, so a named value
// would print as "repl.named". When a %T directive's argument is a named
// value, every directive of the format is rewritten with explicit argument
// indexes (numbered as fmt numbers them), and those %T directives become
// %[k]s with the type name appended as argument k. Formats it cannot parse
// are returned unchanged.
func rewriteTypeVerbs(format string, args []any) (string, []any) {
	if !strings.Contains(format, "T") {
		return format, args
	}
	var b strings.Builder
	out := append([]any(nil), args...)
	changed := false
	argNum := 0
	for i := 0; i < len(format); {
		j := strings.IndexByte(format[i:], '%')
		if j < 0 {
			b.WriteString(format[i:])
			break
		}
		b.WriteString(format[i : i+j])
		i += j + 1
		d, next, ok := parseDirective(format, i, argNum, len(args))
		if !ok {
			return format, args
		}
		i, argNum = next, d.nextArg
		if d.verb == '%' {
			b.WriteString("%%")
			continue
		}
		if d.verb == 'T' && d.arg < len(args) {
			if name, ok := typeNameOf(args[d.arg]); ok {
				out = append(out, name)
				changed = true
				fmt.Fprintf(&b, "%%%s%s[%d]s", d.flags, d.sizes, len(out))
				continue
			}
		}
		fmt.Fprintf(&b, "%%%s%s[%d]%c", d.flags, d.sizes, d.arg+1, d.verb)
	}
	if !changed {
		return format, args
	}
	return b.String(), out
}

// typeNameOf returns the notebook type name carried by a converted value.
func typeNameOf(v any) (string, bool) {
	switch x := v.(type) {
	case named:
		return x.typ, true
	case namedSlice:
		return x.typ, true
	}
	return "", false
}

// directive is one parsed % directive in explicit-index form.
type directive struct {
	flags   string
	sizes   string // width and precision, with explicit indexes for *
	arg     int    // 0-based index of the operand
	verb    rune
	nextArg int
}

// parseDirective parses the directive starting at format[i] (after the %)
// following fmt's rules for argument numbering. ok is false for forms it
// does not handle (a missing verb, a malformed index).
func parseDirective(format string, i, argNum, nargs int) (d directive, next int, ok bool) {
	start := i
	for i < len(format) && strings.IndexByte("#0+- ", format[i]) >= 0 {
		i++
	}
	d.flags = format[start:i]
	var sizes strings.Builder
	argNum, i, afterIndex, ok := argIndex(format, i, argNum, nargs)
	if !ok {
		return d, 0, false
	}
	size := func() bool {
		if i < len(format) && format[i] == '*' {
			fmt.Fprintf(&sizes, "[%d]*", argNum+1)
			argNum++
			i++
			afterIndex = false
			return true
		}
		if afterIndex {
			return false
		}
		s := i
		for i < len(format) && format[i] >= '0' && format[i] <= '9' {
			i++
		}
		sizes.WriteString(format[s:i])
		return true
	}
	if !size() && i < len(format) && format[i] >= '0' && format[i] <= '9' {
		return d, 0, false
	}
	if i < len(format) && format[i] == '.' {
		sizes.WriteByte('.')
		i++
		if afterIndex {
			return d, 0, false
		}
		if argNum, i, afterIndex, ok = argIndex(format, i, argNum, nargs); !ok {
			return d, 0, false
		}
		if !size() {
			return d, 0, false
		}
	}
	if !afterIndex {
		if argNum, i, _, ok = argIndex(format, i, argNum, nargs); !ok {
			return d, 0, false
		}
	}
	if i >= len(format) {
		return d, 0, false
	}
	verb, w := utf8.DecodeRuneInString(format[i:])
	d.sizes, d.verb, d.arg = sizes.String(), verb, argNum
	d.nextArg = argNum
	if verb != '%' {
		d.nextArg++
	}
	return d, i + w, true
}

// argIndex parses an optional [n] at format[i].
func argIndex(format string, i, argNum, nargs int) (int, int, bool, bool) {
	if i >= len(format) || format[i] != '[' {
		return argNum, i, false, true
	}
	end := strings.IndexByte(format[i:], ']')
	if end < 0 {
		return argNum, i, false, false
	}
	n, err := strconv.Atoi(format[i+1 : i+end])
	if err != nil || n < 1 || n > nargs {
		return argNum, i, false, false
	}
	return n - 1, i + end + 1, true, true
}
