package space

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Condition makes a parameter exist only when an earlier parameter, named by
// Param, has a certain value: one of In for a categorical parent, or within
// [Min, Max] (either bound optional) for a numeric parent. Build one with
// OneOf, AtLeast, AtMost or Between.
type Condition struct {
	Param string   `json:"param"`
	In    []string `json:"in,omitempty"`
	Min   *float64 `json:"min,omitempty"`
	Max   *float64 `json:"max,omitempty"`
}

// OneOf returns the condition "param is one of values", for a categorical
// parent, as in OneOf("optimizer", "sgd").
func OneOf(param string, values ...string) *Condition {
	return &Condition{Param: param, In: values}
}

// AtLeast returns the condition "param >= min", for a numeric parent, as in
// AtLeast("layers", 3).
func AtLeast(param string, min float64) *Condition {
	return &Condition{Param: param, Min: &min}
}

// AtMost returns the condition "param <= max", for a numeric parent.
func AtMost(param string, max float64) *Condition {
	return &Condition{Param: param, Max: &max}
}

// Between returns the condition "min <= param <= max", for a numeric parent.
func Between(param string, min, max float64) *Condition {
	return &Condition{Param: param, Min: &min, Max: &max}
}

// Holds reports whether the parent's value v meets the condition. A string
// is tested against In, a number against Min and Max; any other value, or a
// value of the wrong kind, does not meet it.
func (c *Condition) Holds(v any) bool {
	if s, ok := v.(string); ok {
		return slices.Contains(c.In, s)
	}
	f, ok := toFloat(v)
	if !ok || len(c.In) > 0 {
		return false
	}
	return (c.Min == nil || f >= *c.Min) && (c.Max == nil || f <= *c.Max)
}

// String returns the condition as in "optimizer in {sgd}" or "layers >= 3".
func (c *Condition) String() string {
	switch {
	case len(c.In) > 0:
		return fmt.Sprintf("%s in {%s}", c.Param, strings.Join(c.In, ", "))
	case c.Min != nil && c.Max != nil:
		return fmt.Sprintf("%g <= %s <= %g", *c.Min, c.Param, *c.Max)
	case c.Min != nil:
		return fmt.Sprintf("%s >= %g", c.Param, *c.Min)
	case c.Max != nil:
		return fmt.Sprintf("%s <= %g", c.Param, *c.Max)
	}
	return c.Param + " (no test)"
}

// shapeProblem says what is wrong with c as a condition on parent, or "".
func (c *Condition) shapeProblem(parent Param) string {
	if cat, ok := parent.(Categorical); ok {
		if len(c.In) == 0 || c.Min != nil || c.Max != nil {
			return fmt.Sprintf("the condition on categorical %q must list values (in), not min/max", c.Param)
		}
		for _, v := range c.In {
			if !slices.Contains(cat.Choices, v) {
				return fmt.Sprintf("condition value %q is not a choice of %q %v", v, c.Param, cat.Choices)
			}
		}
		return ""
	}
	if len(c.In) > 0 || (c.Min == nil && c.Max == nil) {
		return fmt.Sprintf("the condition on numeric %q needs min and/or max, not in", c.Param)
	}
	if c.Min != nil && c.Max != nil && *c.Min > *c.Max {
		return fmt.Sprintf("condition %s can never hold (min > max)", c)
	}
	return ""
}

// bounds returns the condition's numeric range, open ends as infinities.
func (c *Condition) bounds() (lo, hi float64) {
	lo, hi = math.Inf(-1), math.Inf(1)
	if c.Min != nil {
		lo = *c.Min
	}
	if c.Max != nil {
		hi = *c.Max
	}
	return lo, hi
}

func (p Int) satisfiable(c *Condition) bool {
	if len(p.Values) > 0 {
		return slices.ContainsFunc(p.Values, func(v int) bool { return c.Holds(v) })
	}
	lo, hi := c.bounds()
	first := p.Low
	if lo > float64(p.Low) {
		k := int(math.Ceil((lo - float64(p.Low)) / float64(p.step())))
		first = p.Low + k*p.step()
	}
	return first <= p.High && float64(first) <= hi && c.Holds(first)
}

func (p Float) satisfiable(c *Condition) bool {
	lo, hi := c.bounds()
	return len(c.In) == 0 && math.Max(lo, p.Low) <= math.Min(hi, p.High)
}

func (p Categorical) satisfiable(c *Condition) bool {
	return slices.ContainsFunc(p.Choices, func(v string) bool { return c.Holds(v) })
}

func (p Int) fixedTo(v any) (Param, error) {
	n, err := toInt(v)
	if err != nil {
		return nil, err
	}
	return Int{Name: p.Name, Values: []int{n}, When: p.When}, nil
}

func (p Float) fixedTo(v any) (Param, error) {
	f, err := parseFloat(v)
	if err != nil {
		return nil, err
	}
	return Float{Name: p.Name, Low: f, High: f, When: p.When}, nil
}

func (p Categorical) fixedTo(v any) (Param, error) {
	s, ok := v.(string)
	if !ok {
		return nil, fmt.Errorf("want a string, got %v (%T)", v, v)
	}
	return Categorical{Name: p.Name, Choices: []string{s}, When: p.When}, nil
}
