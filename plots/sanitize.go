package plots

import (
	"encoding"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"
	"sync"
)

// maxOptionDepth bounds the nesting the sanitiser follows; chart options are
// shallow trees, so a deeper value is almost certainly a pointer cycle.
const maxOptionDepth = 64

// missing is ECharts' marker for a missing data value. It stands in for a
// non-finite float in a struct field tagged omitempty, where a nil would make
// encoding/json drop the key altogether.
const missing = "-"

var (
	jsonMarshalerType = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
)

// sanitizer copies a chart option, replacing every non-finite float it can
// reach through an interface (series data values, axis bounds, map entries)
// with JSON null, or with ECharts' "-" where the field is tagged omitempty.
//
// encoding/json rejects NaN and ±Inf, and go-echarts v2.6.7 swallows that error
// and writes an empty option (case p02), so every option passes through here
// before it is encoded. Values are copied on write: the caller's chart is
// never modified.
type sanitizer struct {
	replaced int
	path     []step
}

// step is one level of the path to the value being walked: a field or map
// key name, or a list index when name is "".
type step struct {
	name  string
	index int
}

// field is what the sanitiser needs to know about an exported struct field.
type field struct {
	index     int
	name      string
	omitEmpty bool
}

// structFields caches the fields of each struct type walked.
var structFields sync.Map // reflect.Type -> []field

// fieldsOf returns the exported, JSON-encoded fields of struct type t.
func fieldsOf(t reflect.Type) []field {
	if f, ok := structFields.Load(t); ok {
		return f.([]field)
	}
	var fields []field
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if !f.IsExported() || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		fields = append(fields, field{index: i, name: name, omitEmpty: hasOption(opts, "omitempty")})
	}
	structFields.Store(t, fields)
	return fields
}

// sanitizeOption returns a copy of v in which non-finite floats are replaced,
// with the number of values replaced. It returns an error naming the field
// when a non-finite float sits in a typed float field, which JSON cannot
// express.
func sanitizeOption(v any) (any, int, error) {
	if v == nil {
		return nil, 0, nil
	}
	s := &sanitizer{}
	out, changed, err := s.walk(reflect.ValueOf(v), false)
	if err != nil {
		return nil, 0, err
	}
	if !changed {
		return v, 0, nil
	}
	return out.Interface(), s.replaced, nil
}

// walk returns a sanitised copy of v and whether it differs from v.
// omitEmpty tells an interface value that it sits in an omitempty field.
func (s *sanitizer) walk(v reflect.Value, omitEmpty bool) (reflect.Value, bool, error) {
	if len(s.path) > maxOptionDepth {
		return v, false, fmt.Errorf("plots: chart option at %s is nested deeper than %d levels",
			s.where(), maxOptionDepth)
	}
	if !v.IsValid() || marshalsItself(v.Type()) {
		return v, false, nil
	}

	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		if !isFinite(v.Float()) {
			return v, false, fmt.Errorf("plots: chart option at %s holds %v in a typed float field, "+
				"which JSON cannot express", s.where(), v.Float())
		}
	case reflect.Interface:
		return s.walkInterface(v, omitEmpty)
	case reflect.Pointer:
		return s.walkPointer(v)
	case reflect.Struct:
		return s.walkStruct(v)
	case reflect.Slice, reflect.Array:
		return s.walkList(v)
	case reflect.Map:
		return s.walkMap(v)
	}
	return v, false, nil
}

// walkInterface replaces a non-finite float held by an interface, turns a
// typed float slice holding non-finite values into a []any with nulls, and
// otherwise sanitises the dynamic value.
func (s *sanitizer) walkInterface(v reflect.Value, omitEmpty bool) (reflect.Value, bool, error) {
	if v.IsNil() {
		return v, false, nil
	}
	elem := v.Elem()

	switch {
	case isFloatKind(elem.Kind()):
		if isFinite(elem.Float()) {
			return v, false, nil
		}
		s.replaced++
		if omitEmpty && reflect.TypeFor[string]().AssignableTo(v.Type()) {
			return reflect.ValueOf(missing).Convert(v.Type()), true, nil
		}
		return reflect.Zero(v.Type()), true, nil
	case (elem.Kind() == reflect.Slice || elem.Kind() == reflect.Array) &&
		isFloatKind(elem.Type().Elem().Kind()) && !marshalsItself(elem.Type()):
		return s.floatListAsAny(v, elem)
	}

	out, changed, err := s.walk(elem, false)
	if err != nil || !changed {
		return v, false, err
	}
	wrapped := reflect.New(v.Type()).Elem()
	wrapped.Set(out)
	return wrapped, true, nil
}

// floatListAsAny returns elem (a []float64 or similar held by the interface v)
// as a []any with nil in place of each non-finite value, or v unchanged when
// every value is finite.
func (s *sanitizer) floatListAsAny(v, elem reflect.Value) (reflect.Value, bool, error) {
	bad := 0
	for i := 0; i < elem.Len(); i++ {
		if !isFinite(elem.Index(i).Float()) {
			bad++
		}
	}
	if bad == 0 {
		return v, false, nil
	}
	if !reflect.TypeFor[[]any]().AssignableTo(v.Type()) {
		return v, false, fmt.Errorf("plots: chart option at %s holds non-finite values in a %s",
			s.where(), elem.Type())
	}

	list := make([]any, elem.Len())
	for i := range list {
		if f := elem.Index(i).Float(); isFinite(f) {
			list[i] = f
		}
	}
	s.replaced += bad
	wrapped := reflect.New(v.Type()).Elem()
	wrapped.Set(reflect.ValueOf(list))
	return wrapped, true, nil
}

func (s *sanitizer) walkPointer(v reflect.Value) (reflect.Value, bool, error) {
	if v.IsNil() {
		return v, false, nil
	}
	out, changed, err := s.walk(v.Elem(), false)
	if err != nil || !changed {
		return v, false, err
	}
	p := reflect.New(v.Type().Elem())
	p.Elem().Set(out)
	return p, true, nil
}

func (s *sanitizer) walkStruct(v reflect.Value) (reflect.Value, bool, error) {
	var copied reflect.Value
	for _, f := range fieldsOf(v.Type()) {
		s.path = append(s.path, step{name: f.name})
		out, changed, err := s.walk(v.Field(f.index), f.omitEmpty)
		s.path = s.path[:len(s.path)-1]
		if err != nil {
			return v, false, err
		}
		if !changed {
			continue
		}
		if !copied.IsValid() {
			copied = reflect.New(v.Type()).Elem()
			copied.Set(v)
		}
		copied.Field(f.index).Set(out)
	}
	if !copied.IsValid() {
		return v, false, nil
	}
	return copied, true, nil
}

func (s *sanitizer) walkList(v reflect.Value) (reflect.Value, bool, error) {
	var copied reflect.Value
	for i := 0; i < v.Len(); i++ {
		s.path = append(s.path, step{index: i})
		out, changed, err := s.walk(v.Index(i), false)
		s.path = s.path[:len(s.path)-1]
		if err != nil {
			return v, false, err
		}
		if !changed {
			continue
		}
		if !copied.IsValid() {
			copied = copyList(v)
		}
		copied.Index(i).Set(out)
	}
	if !copied.IsValid() {
		return v, false, nil
	}
	return copied, true, nil
}

func (s *sanitizer) walkMap(v reflect.Value) (reflect.Value, bool, error) {
	if v.IsNil() {
		return v, false, nil
	}
	var changedKeys []reflect.Value
	var changedValues []reflect.Value
	iter := v.MapRange()
	for iter.Next() {
		s.path = append(s.path, step{name: fmt.Sprint(iter.Key().Interface())})
		out, changed, err := s.walk(iter.Value(), false)
		s.path = s.path[:len(s.path)-1]
		if err != nil {
			return v, false, err
		}
		if changed {
			changedKeys = append(changedKeys, iter.Key())
			changedValues = append(changedValues, out)
		}
	}
	if len(changedKeys) == 0 {
		return v, false, nil
	}

	copied := reflect.MakeMapWithSize(v.Type(), v.Len())
	iter = v.MapRange()
	for iter.Next() {
		copied.SetMapIndex(iter.Key(), iter.Value())
	}
	for i, k := range changedKeys {
		copied.SetMapIndex(k, changedValues[i])
	}
	return copied, true, nil
}

// where names the current position in the option, e.g. "series.[0].data".
func (s *sanitizer) where() string {
	if len(s.path) == 0 {
		return "the top level"
	}
	parts := make([]string, len(s.path))
	for i, st := range s.path {
		parts[i] = st.name
		if st.name == "" {
			parts[i] = fmt.Sprintf("[%d]", st.index)
		}
	}
	return strings.Join(parts, ".")
}

// copyList returns a new, addressable slice or array holding v's elements.
func copyList(v reflect.Value) reflect.Value {
	if v.Kind() == reflect.Array {
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		return c
	}
	c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
	reflect.Copy(c, v)
	return c
}

// selfMarshalling caches marshalsItself per type.
var selfMarshalling sync.Map // reflect.Type -> bool

// marshalsItself reports whether t (or *t) encodes itself, in which case the
// sanitiser leaves its values to its own MarshalJSON or MarshalText.
func marshalsItself(t reflect.Type) bool {
	if t.Kind() == reflect.Interface {
		return false
	}
	if m, ok := selfMarshalling.Load(t); ok {
		return m.(bool)
	}
	pt := reflect.PointerTo(t)
	m := t.Implements(jsonMarshalerType) || pt.Implements(jsonMarshalerType) ||
		t.Implements(textMarshalerType) || pt.Implements(textMarshalerType)
	selfMarshalling.Store(t, m)
	return m
}

func hasOption(opts, want string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == want {
			return true
		}
	}
	return false
}

func isFloatKind(k reflect.Kind) bool { return k == reflect.Float32 || k == reflect.Float64 }

func isFinite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
