package repl

import (
	"fmt"
	"go/types"
	"reflect"
	"strings"

	"github.com/tunebook/tunebook/kernel/symbols"
)

// builtinDocs are the signatures of Go's builtin functions.
var builtinDocs = map[string]string{
	"append":  "func append(slice []Type, elems ...Type) []Type",
	"cap":     "func cap(v Type) int",
	"clear":   "func clear[T ~[]Type | ~map[Type]Type1](t T) (not supported by the notebook interpreter)",
	"close":   "func close(c chan<- Type)",
	"complex": "func complex(r, i FloatType) ComplexType",
	"copy":    "func copy(dst, src []Type) int",
	"delete":  "func delete(m map[Type]Type1, key Type)",
	"imag":    "func imag(c ComplexType) FloatType",
	"len":     "func len(v Type) int",
	"make":    "func make(t Type, size ...IntegerType) Type",
	"max":     "func max[T cmp.Ordered](x T, y ...T) T (not supported by the notebook interpreter)",
	"min":     "func min[T cmp.Ordered](x T, y ...T) T (not supported by the notebook interpreter)",
	"new":     "func new(Type) *Type",
	"panic":   "func panic(v any)",
	"print":   "func print(args ...Type) (writes to standard error)",
	"println": "func println(args ...Type) (writes to standard error)",
	"real":    "func real(c ComplexType) FloatType",
	"recover": "func recover() any",
}

// Inspect describes the name at cursor (in code points), or the function
// being called when the cursor is inside its parentheses: the signature
// and doc comment of a package member (from the documentation index of
// package symbols, or from reflection), the declaration and doc comment of
// a notebook declaration (its whole source when detail > 0), or the type
// and value of a notebook variable. data holds text/plain and
// text/markdown; found is false when nothing is known about the name.
func (s *Session) Inspect(code string, cursor int, detail int) (data map[string]any, found bool) {
	off := byteOffset(code, cursor)
	end := identEnd(code, off)
	chain := selectorChain(code, end)
	if chain == nil {
		if c := callee(code, off); c >= 0 {
			chain = selectorChain(code, c)
		}
	}
	if chain == nil {
		return nil, false
	}
	sig, doc, ok := s.describe(code, chain, detail)
	if !ok {
		return nil, false
	}
	text := sig
	md := "```go\n" + sig + "\n```"
	if doc != "" {
		text += "\n\n" + doc
		md += "\n\n" + doc
	}
	return map[string]any{"text/plain": text, "text/markdown": md}, true
}

// describe returns a signature (or declaration) and documentation for a
// chain of names.
func (s *Session) describe(code string, chain []string, detail int) (sig, doc string, ok bool) {
	if len(chain) == 1 {
		return s.describeName(code, chain[0], detail)
	}
	if ipath, found := s.importPath(code, chain[0]); found && len(chain) == 2 {
		return describeMember(ipath, chain[1])
	}

	s.mu.RLock()
	if d := s.index.names[chain[0]]; d != nil && d.kind == kindType && len(chain) == 2 {
		if m := s.index.method(chain[0], chain[1]); m != nil {
			s.mu.RUnlock()
			return declText(m, detail), m.doc, true
		}
	}
	s.mu.RUnlock()
	if typ := s.notebookType(chain[:len(chain)-1]); typ != "" {
		s.mu.RLock()
		m := s.index.method(typ, chain[len(chain)-1])
		s.mu.RUnlock()
		if m != nil {
			return declText(m, detail), m.doc, true
		}
	}
	if v, found := s.valueOf(chain[:len(chain)-1]); found {
		return describeValueMember(v, chain[len(chain)-1])
	}
	return "", "", false
}

// describeName describes a single name: a notebook declaration, variable,
// imported package, builtin or keyword.
func (s *Session) describeName(code, name string, detail int) (sig, doc string, ok bool) {
	s.mu.RLock()
	d := s.index.names[name]
	s.mu.RUnlock()
	if d != nil {
		text := declText(d, detail)
		if d.kind == kindVar {
			if v, found := s.idleGlobals()[name]; found && v.IsValid() {
				text += fmt.Sprintf("\n// %s = %s", valueType(v), shortValue(v))
			}
		}
		return text, d.doc, true
	}
	if v, found := s.idleGlobals()[name]; found && v.IsValid() {
		return fmt.Sprintf("var %s %s = %s", name, valueType(v), shortValue(v)), "", true
	}
	if ipath, found := s.importPath(code, name); found {
		return fmt.Sprintf("package %s // import %q", name, ipath), "", true
	}
	if sig, found := builtinDocs[name]; found {
		return sig, "Builtin function " + name + ".", true
	}
	if obj := types.Universe.Lookup(name); obj != nil {
		return obj.String(), "", true
	}
	return "", "", false
}

// declText is what inspection shows of a notebook declaration.
func declText(d *decl, detail int) string {
	if detail > 0 && d.source != "" {
		return d.source
	}
	return d.sig
}

// describeMember describes a member of a compiled package.
func describeMember(ipath, name string) (sig, doc string, ok bool) {
	if d, found := symbols.Lookup(ipath, name); found {
		return d.Signature, d.Text, true
	}
	v, found := binaryMembers(ipath)[name]
	if !found {
		return "", "", false
	}
	switch {
	case v.Kind() == reflect.Func:
		return fmt.Sprintf("func %s.%s: %s", packageName(ipath), name, v.Type()), "", true
	case v.Kind() == reflect.Pointer && v.IsNil():
		return fmt.Sprintf("type %s.%s %s", packageName(ipath), name, v.Type().Elem().Kind()), "", true
	}
	return fmt.Sprintf("%s.%s %s", packageName(ipath), name, v.Type()), "", true
}

// describeValueMember describes a field or method of a compiled value.
func describeValueMember(v reflect.Value, name string) (sig, doc string, ok bool) {
	t := v.Type()
	if v.Kind() == reflect.Interface && !v.IsNil() {
		t = v.Elem().Type()
	}
	mt := t
	if t.Kind() != reflect.Pointer {
		mt = reflect.PointerTo(t)
	}
	if m, found := mt.MethodByName(name); found {
		base := mt.Elem()
		if d, found := symbols.Lookup(base.PkgPath(), base.Name()+"."+name); found {
			return d.Signature, d.Text, true
		}
		return fmt.Sprintf("func (%s) %s%s", mt, name, strings.TrimPrefix(m.Type.String(), "func")), "", true
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Struct {
		if f, found := t.FieldByName(name); found && f.IsExported() {
			return fmt.Sprintf("field %s %s", name, f.Type), "", true
		}
	}
	return "", "", false
}

// valueType names the dynamic type of a notebook value.
func valueType(v reflect.Value) string {
	if v.Kind() == reflect.Interface && !v.IsNil() {
		return v.Elem().Type().String()
	}
	return v.Type().String()
}

// shortValue formats a value for inspection, cut to one line of 200
// characters.
func shortValue(v reflect.Value) string {
	if !v.CanInterface() {
		return "?"
	}
	s := strings.ReplaceAll(fmt.Sprint(v.Interface()), "\n", " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}
