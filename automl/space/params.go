package space

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Params is one point of a search space: parameter name to value. Values
// are int for Int parameters, float64 for Float and string for Categorical
// ones; inactive conditional parameters are absent. Params marshals to and
// from a JSON object; after a JSON round trip integers arrive as float64,
// which the getters accept.
type Params map[string]any

// Has reports whether the parameter is present (active) in p.
func (p Params) Has(name string) bool {
	_, ok := p[name]
	return ok
}

// Int returns the named integer value, 0 when the parameter is absent. It
// panics when the value is not an integer, which is a programming error.
func (p Params) Int(name string) int {
	v, ok := p[name]
	if !ok {
		return 0
	}
	n, err := toInt(v)
	if err != nil {
		panic(fmt.Sprintf("space: parameter %q: %v", name, err))
	}
	return n
}

// Float returns the named value as a float64 (integers are converted), 0
// when the parameter is absent. It panics when the value is not a number.
func (p Params) Float(name string) float64 {
	v, ok := p[name]
	if !ok {
		return 0
	}
	f, ok := toFloat(v)
	if !ok {
		panic(fmt.Sprintf("space: parameter %q: want a number, got %v (%T)", name, v, v))
	}
	return f
}

// Choice returns the named categorical value, "" when the parameter is
// absent. It panics when the value is not a string.
func (p Params) Choice(name string) string {
	v, ok := p[name]
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		panic(fmt.Sprintf("space: parameter %q: want a string, got %v (%T)", name, v, v))
	}
	return s
}

// Clone returns a copy of p.
func (p Params) Clone() Params {
	return maps.Clone(p)
}

// Keys returns the parameter names in sorted order.
func (p Params) Keys() []string {
	return slices.Sorted(maps.Keys(p))
}

// String returns the parameters as "name=value" pairs in sorted name order,
// separated by spaces, with floats in their shortest exact form; equal
// Params give equal strings.
func (p Params) String() string {
	var b strings.Builder
	for i, k := range p.Keys() {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(formatValue(p[k]))
	}
	return b.String()
}

func formatValue(v any) string {
	if f, ok := v.(float64); ok {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return fmt.Sprint(v)
}

// toFloat converts the numeric kinds Params may hold.
func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case float32:
		return float64(x), true
	}
	return 0, false
}

// toInt converts an int, an integral float or a decimal string to int.
func toInt(v any) (int, error) {
	switch x := v.(type) {
	case int:
		return x, nil
	case int64:
		return int(x), nil
	case float64:
		if x != math.Trunc(x) || math.Abs(x) > 1<<53 {
			return 0, fmt.Errorf("want an integer, got %g", x)
		}
		return int(x), nil
	case string:
		n, err := strconv.Atoi(strings.TrimSpace(x))
		if err != nil {
			return 0, fmt.Errorf("want an integer, got %q", x)
		}
		return n, nil
	}
	return 0, fmt.Errorf("want an integer, got %v (%T)", v, v)
}

// parseFloat converts a number or a numeric string to float64.
func parseFloat(v any) (float64, error) {
	if s, ok := v.(string); ok {
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			return 0, fmt.Errorf("want a number, got %q", s)
		}
		return f, nil
	}
	f, ok := toFloat(v)
	if !ok {
		return 0, fmt.Errorf("want a number, got %v (%T)", v, v)
	}
	return f, nil
}
