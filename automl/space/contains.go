package space

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// Contains reports whether p is a point of the space, returning nil when
// it is. Otherwise it returns the problems joined with errors.Join, each a
// *ParamError naming the parameter: an active parameter that is missing or
// whose value is of the wrong kind or outside its range, choices, values
// or step grid; a parameter present although its condition does not hold;
// a name the space does not have. Integers may arrive as float64 (as after
// a JSON round trip). The space itself should be valid.
func (s *Space) Contains(p Params) error {
	var errs []error
	bad := func(name, format string, args ...any) {
		errs = append(errs, &ParamError{Param: name, Reason: fmt.Sprintf(format, args...)})
	}
	for _, q := range s.params {
		v, present := p[q.key()]
		switch {
		case !Active(q, p) && present:
			bad(q.key(), "is set to %v but its condition %s does not hold", formatValue(v), q.cond())
		case !Active(q, p):
		case !present:
			bad(q.key(), "is missing")
		default:
			if r := q.admits(v); r != "" {
				bad(q.key(), "value %v %s", formatValue(v), r)
			}
		}
	}
	for _, name := range p.Keys() {
		if s.index(name) < 0 {
			bad(name, "is not a parameter of the space")
		}
	}
	return errors.Join(errs...)
}

// admits returns why v is not a value of p, or "".
func (p Int) admits(v any) string {
	n, err := toInt(v)
	switch {
	case err != nil:
		return "is not an integer"
	case len(p.Values) > 0 && !slices.Contains(p.Values, n):
		return fmt.Sprintf("is not one of %v", p.Values)
	case len(p.Values) > 0:
		return ""
	case n < p.Low || n > p.High:
		return fmt.Sprintf("is outside [%d, %d]", p.Low, p.High)
	case (n-p.Low)%p.step() != 0:
		return fmt.Sprintf("is not on the step %d from %d", p.step(), p.Low)
	}
	return ""
}

func (p Float) admits(v any) string {
	f, ok := toFloat(v)
	switch {
	case !ok:
		return "is not a number"
	case math.IsNaN(f) || f < p.Low || f > p.High:
		return fmt.Sprintf("is outside [%g, %g]", p.Low, p.High)
	case p.Step > 0:
		k := (f - p.Low) / p.Step
		if math.Abs(k-math.Round(k)) > 1e-9*math.Max(1, k) {
			return fmt.Sprintf("is not on the step %g from %g", p.Step, p.Low)
		}
	}
	return ""
}

func (p Categorical) admits(v any) string {
	c, ok := v.(string)
	switch {
	case !ok:
		return "is not a string"
	case !slices.Contains(p.Choices, c):
		return fmt.Sprintf("is not one of %v", p.Choices)
	}
	return ""
}
