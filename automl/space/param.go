package space

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// Param is one parameter of a search space: an Int, a Float or a
// Categorical. The set of kinds is closed; use a type switch to inspect one.
type Param interface {
	// key returns the parameter's name.
	key() string
	// cond returns the condition under which the parameter exists, or nil.
	cond() *Condition
	// problems lists what is wrong with the parameter's own settings.
	problems() []string
	// sample draws one value; the parameter must be valid.
	sample(rng *rand.Rand) any
	// grid returns the values a grid search visits.
	grid(points int) []any
	// fixedTo returns the parameter narrowed to the single value v.
	fixedTo(v any) (Param, error)
	// satisfiable reports whether some value of the parameter meets c.
	satisfiable(c *Condition) bool
	// describe returns the kind and range, as in "int [1, 4]".
	describe() string
	// withCondition returns a copy of the parameter with condition c.
	withCondition(c *Condition) Param
	// admits returns why v is not a value of the parameter, or "".
	admits(v any) string
}

// Int is an integer parameter. It draws from Low..High (both included) in
// multiples of Step above Low, uniformly or, with Log, uniformly in log
// space; or, when Values is set, from that explicit list (for example batch
// sizes). Step 0 means 1. Log requires Low >= 1 and a Step of at most 1.
type Int struct {
	Name      string
	Low, High int
	Step      int
	Log       bool
	Values    []int
	// When, if set, makes the parameter exist only when it holds.
	When *Condition
}

// Float is a real parameter drawn from [Low, High]: uniformly, on a grid of
// Step (when Step > 0), or uniformly in log space (Log, which requires
// Low > 0 and no Step).
type Float struct {
	Name      string
	Low, High float64
	Step      float64
	Log       bool
	// When, if set, makes the parameter exist only when it holds.
	When *Condition
}

// Categorical is a parameter that takes one of its Choices, each equally
// likely.
type Categorical struct {
	Name    string
	Choices []string
	// When, if set, makes the parameter exist only when it holds.
	When *Condition
}

func (p Int) key() string                     { return p.Name }
func (p Int) cond() *Condition                { return p.When }
func (p Float) key() string                   { return p.Name }
func (p Float) cond() *Condition              { return p.When }
func (p Categorical) key() string             { return p.Name }
func (p Categorical) cond() *Condition        { return p.When }
func (p Categorical) describe() string        { return fmt.Sprintf("categorical %v", p.Choices) }
func (p Categorical) grid(int) []any          { return toAny(p.Choices) }
func (p Categorical) sample(r *rand.Rand) any { return p.Choices[r.IntN(len(p.Choices))] }

func (p Int) withCondition(c *Condition) Param         { p.When = c; return p }
func (p Float) withCondition(c *Condition) Param       { p.When = c; return p }
func (p Categorical) withCondition(c *Condition) Param { p.When = c; return p }

func (p Int) step() int {
	if p.Step == 0 {
		return 1
	}
	return p.Step
}

func (p Int) problems() []string {
	if len(p.Values) > 0 {
		if p.Low != 0 || p.High != 0 || p.Step != 0 || p.Log {
			return []string{"set either values or low/high/step/log, not both"}
		}
		if d, ok := firstDuplicate(p.Values); ok {
			return []string{fmt.Sprintf("value %d is listed twice", d)}
		}
		return nil
	}
	var out []string
	if p.Step < 0 {
		out = append(out, fmt.Sprintf("the step must be positive (step=%d)", p.Step))
	}
	if p.Log && p.Step > 1 {
		out = append(out, fmt.Sprintf("step is not supported when log is true (step=%d)", p.Step))
	}
	if p.Log && p.Low <= 0 {
		out = append(out, fmt.Sprintf(
			"the low value must be larger than 0 for a log distribution (low=%d, high=%d)", p.Low, p.High))
	}
	if p.Low > p.High {
		out = append(out, fmt.Sprintf(
			"the low value must be smaller than or equal to the high value (low=%d, high=%d)", p.Low, p.High))
	}
	if p.Step > 1 && p.Low <= p.High && (p.High-p.Low)%p.Step != 0 {
		out = append(out, fmt.Sprintf("high - low must be a multiple of step (low=%d, high=%d, step=%d)",
			p.Low, p.High, p.Step))
	}
	return out
}

func (p Float) problems() []string {
	var out []string
	if math.IsNaN(p.Low) || math.IsInf(p.Low, 0) || math.IsNaN(p.High) || math.IsInf(p.High, 0) ||
		math.IsNaN(p.Step) || math.IsInf(p.Step, 0) {
		return []string{fmt.Sprintf("low, high and step must be finite (low=%g, high=%g, step=%g)",
			p.Low, p.High, p.Step)}
	}
	if p.Step < 0 {
		out = append(out, fmt.Sprintf("the step must be positive (step=%g)", p.Step))
	}
	if p.Log && p.Step != 0 {
		out = append(out, fmt.Sprintf("step is not supported when log is true (step=%g)", p.Step))
	}
	if p.Log && p.Low <= 0 {
		out = append(out, fmt.Sprintf(
			"the low value must be larger than 0 for a log distribution (low=%g, high=%g)", p.Low, p.High))
	}
	if p.Low > p.High {
		out = append(out, fmt.Sprintf(
			"the low value must be smaller than or equal to the high value (low=%g, high=%g)", p.Low, p.High))
	}
	if p.Step > 0 && p.Low <= p.High {
		n := (p.High - p.Low) / p.Step
		if math.Abs(n-math.Round(n)) > 1e-9*math.Max(1, n) {
			out = append(out, fmt.Sprintf("high - low must be a multiple of step (low=%g, high=%g, step=%g)",
				p.Low, p.High, p.Step))
		}
	}
	return out
}

func (p Categorical) problems() []string {
	if len(p.Choices) == 0 {
		return []string{"choices are empty"}
	}
	if slices.Contains(p.Choices, "") {
		return []string{"a choice is the empty string"}
	}
	if d, ok := firstDuplicate(p.Choices); ok {
		return []string{fmt.Sprintf("choice %q is listed twice", d)}
	}
	return nil
}

func (p Int) describe() string {
	if len(p.Values) > 0 {
		return fmt.Sprintf("int %v", p.Values)
	}
	s := fmt.Sprintf("int [%d, %d]", p.Low, p.High)
	if p.Step > 1 {
		s += fmt.Sprintf(" step %d", p.Step)
	}
	if p.Log {
		s += " log"
	}
	return s
}

func (p Float) describe() string {
	s := fmt.Sprintf("float [%g, %g]", p.Low, p.High)
	if p.Step > 0 {
		s += fmt.Sprintf(" step %g", p.Step)
	}
	if p.Log {
		s += " log"
	}
	return s
}

func firstDuplicate[T comparable](xs []T) (T, bool) {
	seen := make(map[T]bool, len(xs))
	for _, x := range xs {
		if seen[x] {
			return x, true
		}
		seen[x] = true
	}
	var zero T
	return zero, false
}

func toAny[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}
