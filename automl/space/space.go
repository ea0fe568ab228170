package space

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Space is an ordered list of parameters. A conditional parameter must come
// after the parameter its condition tests. The zero Space is empty; build
// one with New or Default and narrow or widen it with Set, Remove and Fix.
// A Space is not safe for concurrent modification; Sample and Grid only
// read it.
type Space struct {
	params []Param
}

// ParamError is one problem with one parameter of a space. Validate returns
// these joined with errors.Join; use errors.As to reach them.
type ParamError struct {
	Param  string
	Reason string
}

// Error returns the problem as `space: parameter "lr": <reason>`.
func (e *ParamError) Error() string {
	return fmt.Sprintf("space: parameter %q: %s", e.Param, e.Reason)
}

// New returns a space holding params in order. It does not validate them;
// call Validate.
func New(params ...Param) *Space {
	return &Space{params: slices.Clone(params)}
}

// Params returns the parameters in order.
func (s *Space) Params() []Param {
	return slices.Clone(s.params)
}

// Names returns the parameter names in order.
func (s *Space) Names() []string {
	out := make([]string, len(s.params))
	for i, p := range s.params {
		out[i] = p.key()
	}
	return out
}

// Param returns the named parameter.
func (s *Space) Param(name string) (Param, bool) {
	i := s.index(name)
	if i < 0 {
		return nil, false
	}
	return s.params[i], true
}

// Clone returns a copy of s that can be changed independently.
func (s *Space) Clone() *Space {
	return New(s.params...)
}

// String lists the parameters one per line, as in
// "width_2: int [8, 256] log, when layers >= 2".
func (s *Space) String() string {
	var b strings.Builder
	for _, p := range s.params {
		fmt.Fprintf(&b, "%s: %s", p.key(), p.describe())
		if c := p.cond(); c != nil {
			fmt.Fprintf(&b, ", when %s", c)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// Validate reports every problem of the space, each as a *ParamError naming
// the parameter: empty or duplicate names; an Int or Float with low > high,
// a log scale with low <= 0 or with a step, a negative step or a range that
// is not a multiple of the step; empty or duplicate choices; conditions on
// unknown, later-defined or cyclic parameters, on the parameter itself, of
// the wrong shape for the parent's kind, or that can never hold. A space
// with no parameters is invalid too.
func (s *Space) Validate() error {
	if len(s.params) == 0 {
		return errors.New("space: no parameters")
	}
	var errs []error
	seen := map[string]Param{}
	for i, p := range s.params {
		name := p.key()
		bad := func(format string, args ...any) {
			errs = append(errs, &ParamError{Param: name, Reason: fmt.Sprintf(format, args...)})
		}
		switch {
		case name == "":
			name = fmt.Sprintf("#%d", i+1)
			bad("the name is empty")
		case seen[name] != nil:
			bad("defined twice")
		}
		for _, r := range p.problems() {
			bad("%s", r)
		}
		if c := p.cond(); c != nil {
			if r := s.conditionProblem(name, c, seen); r != "" {
				bad("%s", r)
			}
		}
		if seen[name] == nil {
			seen[name] = p
		}
	}
	return errors.Join(errs...)
}

// conditionProblem checks the condition of parameter name against the
// parameters defined before it (earlier).
func (s *Space) conditionProblem(name string, c *Condition, earlier map[string]Param) string {
	parent, ok := earlier[c.Param]
	switch {
	case c.Param == name:
		return "its condition refers to the parameter itself"
	case !ok && s.index(c.Param) < 0:
		return fmt.Sprintf("its condition refers to unknown parameter %q", c.Param)
	case !ok:
		if cycle := s.cycle(name); cycle != "" {
			return "its condition forms a cycle: " + cycle
		}
		return fmt.Sprintf("its condition refers to %q, which is defined after it; define %q first",
			c.Param, c.Param)
	}
	if r := c.shapeProblem(parent); r != "" {
		return r
	}
	if len(parent.problems()) == 0 && !parent.satisfiable(c) {
		return fmt.Sprintf("its condition %s can never hold (%s is %s)", c, c.Param, parent.describe())
	}
	return ""
}

// cycle follows the chain of conditions from name and returns it as
// "a -> b -> a" when it comes back to name, or "" when it does not.
func (s *Space) cycle(name string) string {
	path := []string{name}
	cur := name
	for range s.params {
		i := s.index(cur)
		if i < 0 || s.params[i].cond() == nil {
			return ""
		}
		cur = s.params[i].cond().Param
		path = append(path, cur)
		if cur == name {
			return strings.Join(path, " -> ")
		}
	}
	return ""
}

func (s *Space) index(name string) int {
	return slices.IndexFunc(s.params, func(p Param) bool { return p.key() == name })
}

// Set replaces the parameter of the same name in place, or appends p when
// the space has none. Parameters whose condition on p can no longer hold
// (say width_4 after layers is narrowed to 1..2) are removed, and so on
// down the chain. Set does not validate p; Validate does.
func (s *Space) Set(p Param) {
	if i := s.index(p.key()); i >= 0 {
		s.params[i] = p
	} else {
		s.params = append(s.params, p)
	}
	s.dropDead(p.key(), false)
}

// Remove deletes the named parameter and every parameter that depends on
// it, directly or through others. It fails when the space has no such
// parameter.
func (s *Space) Remove(name string) error {
	i := s.index(name)
	if i < 0 {
		return fmt.Errorf("space: remove %q: no such parameter", name)
	}
	s.dropDead(name, true)
	return nil
}

// Fix narrows the named parameter to the single value v, keeping its
// condition, and removes parameters that can then never exist (fixing
// optimizer to "adam" removes momentum). v may be a value of the
// parameter's kind or a string to parse, as from a command line. Fix does
// not require v to lie in the old range, so it can also widen.
func (s *Space) Fix(name string, v any) error {
	i := s.index(name)
	if i < 0 {
		return fmt.Errorf("space: fix %q: no such parameter", name)
	}
	p, err := s.params[i].fixedTo(v)
	if err != nil {
		return fmt.Errorf("space: fix %q: %w", name, err)
	}
	s.Set(p)
	return nil
}

// dropDead removes, among the descendants of root, those whose condition
// can no longer hold or whose parent was removed, and trims the conditions
// of the others to the choices their parent still has; with removeRoot it
// removes root as well.
func (s *Space) dropDead(root string, removeRoot bool) {
	affected := map[string]Param{}
	dropped := map[string]bool{}
	kept := s.params[:0]
	for _, p := range s.params {
		name := p.key()
		c := p.cond()
		switch {
		case name == root && removeRoot:
			dropped[name] = true
			continue
		case name == root:
			affected[name] = p
		case c != nil && dropped[c.Param]:
			dropped[name] = true
			continue
		case c != nil && affected[c.Param] != nil:
			if !affected[c.Param].satisfiable(c) {
				dropped[name] = true
				continue
			}
			p = trimCondition(p, affected[c.Param])
			affected[name] = p
		}
		kept = append(kept, p)
	}
	clear(s.params[len(kept):])
	s.params = kept
}

// trimCondition drops from p's condition the values its categorical parent
// no longer offers.
func trimCondition(p, parent Param) Param {
	cat, ok := parent.(Categorical)
	c := p.cond()
	if !ok {
		return p
	}
	gone := func(v string) bool { return !slices.Contains(cat.Choices, v) }
	if !slices.ContainsFunc(c.In, gone) {
		return p
	}
	trimmed := *c
	trimmed.In = slices.DeleteFunc(slices.Clone(c.In), gone)
	return p.withCondition(&trimmed)
}
