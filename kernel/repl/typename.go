package repl

import (
	"reflect"
	"strings"
	"sync"
)

// typeNames finds the notebook type of a value handed from interpreted
// code to compiled code, which otherwise sees only yaegi's runtime
// representation: a named float64 arrives as float64, a struct as an
// unnamed struct type. An interpreted type assertion cannot tell either
// (in yaegi v0.16.1, v.(Celsius) is true for every float64), so printing
// code asks typeNames instead.
//
// Two sources are used. For a value whose type has methods, yaegi passes
// its internal valueInterface, whose node records the static type; its
// string form ("main.Celsius", "*main.P") is read by reflection. This
// depends on yaegi v0.16.1's internals (valueInterface.node.typ.str) and
// degrades to "" if they change. Otherwise (a struct without methods, or
// one held in a variable of a compiled interface type such as error),
// struct types are recognised by their runtime representation, registered
// when declared; a shape shared by two notebook types is ambiguous and left
// unnamed.
type typeNames struct {
	mu      sync.Mutex
	structs map[reflect.Type]string // runtime struct type → "main.T"; "" when ambiguous
}

func newTypeNames() *typeNames {
	return &typeNames{structs: map[reflect.Type]string{}}
}

// yaegiInterp is the package of yaegi's valueInterface.
const yaegiInterp = "github.com/traefik/yaegi/interp"

// name returns "main.T", "*main.T" (or "" when unknown) for v.
func (n *typeNames) name(v any) string {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return ""
	}
	t := rv.Type()
	if t.Kind() == reflect.Struct && t.Name() == "valueInterface" && t.PkgPath() == yaegiInterp {
		return notebookName(staticTypeString(rv))
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	if t.Kind() == reflect.Pointer {
		if name := n.structs[t.Elem()]; name != "" {
			return "*" + name
		}
		return ""
	}
	return n.structs[t]
}

// register records the runtime struct type of zero, a value of the
// notebook type name.
func (n *typeNames) register(name string, zero any) {
	t := reflect.TypeOf(zero)
	if t == nil || t.Kind() != reflect.Struct || t.Name() != "" {
		return
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	if old, ok := n.structs[t]; ok && old != name {
		n.structs[t] = ""
		return
	}
	n.structs[t] = name
}

// staticTypeString reads valueInterface.node.typ.str, or "".
func staticTypeString(vi reflect.Value) string {
	node := vi.FieldByName("node")
	if !node.IsValid() || node.Kind() != reflect.Pointer || node.IsNil() {
		return ""
	}
	typ := node.Elem().FieldByName("typ")
	if !typ.IsValid() || typ.Kind() != reflect.Pointer || typ.IsNil() {
		return ""
	}
	str := typ.Elem().FieldByName("str")
	if !str.IsValid() || str.Kind() != reflect.String {
		return ""
	}
	return str.String()
}

// notebookName keeps type strings of notebook types (package main).
func notebookName(s string) string {
	if strings.HasPrefix(strings.TrimPrefix(s, "*"), "main.") {
		return s
	}
	return ""
}
