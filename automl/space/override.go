package space

import (
	"fmt"
	"strconv"
	"strings"
)

// Override applies a compact, comma-separated list of changes, as given on
// a command line:
//
//	layers=1:2                    range low:high
//	learning_rate=1e-3:1e-2:log   range on a log scale
//	dropout=0:0.5:0.1             range with a step
//	optimizer=adam|sgd            choices (an Int takes them as Values)
//	batch_size=64                 one value (see Fix)
//
// A known parameter keeps its kind and condition; an unknown one is added
// unconditionally: as an Int when its numbers are all integers, as a Float
// when they are numbers (but not choices), and as a Categorical otherwise. Changes apply in
// order, each through Set or Fix. The first bad item stops Override with an
// error naming it; earlier items stay applied.
func (s *Space) Override(spec string) error {
	for _, item := range strings.Split(spec, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		name, value, ok := strings.Cut(item, "=")
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if !ok || name == "" || value == "" {
			return fmt.Errorf("space: override %q: want name=value", item)
		}
		if err := s.override(name, value); err != nil {
			return fmt.Errorf("space: override %q: %w", item, err)
		}
	}
	return nil
}

func (s *Space) override(name, value string) error {
	old, known := s.Param(name)
	if !known {
		old = guessKind(name, value)
	}
	var when *Condition
	if known {
		when = old.cond()
	}
	switch {
	case strings.Contains(value, "|"):
		choices := strings.Split(value, "|")
		switch old.(type) {
		case Categorical:
			s.Set(Categorical{Name: name, Choices: choices, When: when})
		case Int:
			vals, err := parseInts(choices)
			if err != nil {
				return err
			}
			s.Set(Int{Name: name, Values: vals, When: when})
		default:
			return fmt.Errorf("a float parameter takes low:high[:log|:step], not choices")
		}
	case strings.Contains(value, ":"):
		return s.overrideRange(name, old, when, strings.Split(value, ":"))
	case known:
		return s.Fix(name, value)
	default:
		s.Set(old)
	}
	return nil
}

func (s *Space) overrideRange(name string, old Param, when *Condition, parts []string) error {
	if len(parts) < 2 || len(parts) > 3 {
		return fmt.Errorf("want low:high, low:high:log or low:high:step")
	}
	log := len(parts) == 3 && parts[2] == "log"
	if log {
		parts = parts[:2]
	}
	switch old.(type) {
	case Int:
		b, err := parseInts(parts)
		if err != nil {
			return err
		}
		p := Int{Name: name, Low: b[0], High: b[1], Log: log, When: when}
		if len(b) == 3 {
			p.Step = b[2]
		}
		s.Set(p)
	case Float:
		b, err := parseFloats(parts)
		if err != nil {
			return err
		}
		p := Float{Name: name, Low: b[0], High: b[1], Log: log, When: when}
		if len(b) == 3 {
			p.Step = b[2]
		}
		s.Set(p)
	default:
		return fmt.Errorf("a categorical parameter takes choices a|b|c, not a range")
	}
	return nil
}

// guessKind builds a parameter for an unknown name from the value's look.
func guessKind(name, value string) Param {
	parts := strings.FieldsFunc(value, func(r rune) bool { return r == '|' || r == ':' })
	if len(parts) == 3 && parts[2] == "log" {
		parts = parts[:2]
	}
	if vals, err := parseInts(parts); err == nil {
		return Int{Name: name, Values: vals}
	}
	if vals, err := parseFloats(parts); err == nil && !strings.Contains(value, "|") {
		return Float{Name: name, Low: vals[0], High: vals[0]}
	}
	return Categorical{Name: name, Choices: parts}
}

func parseInts(ss []string) ([]int, error) {
	out := make([]int, len(ss))
	for i, s := range ss {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return nil, fmt.Errorf("%q is not an integer", s)
		}
		out[i] = n
	}
	return out, nil
}

func parseFloats(ss []string) ([]float64, error) {
	out := make([]float64, len(ss))
	for i, s := range ss {
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a number", s)
		}
		out[i] = f
	}
	return out, nil
}
