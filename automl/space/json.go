package space

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
)

// paramJSON is the file form of one parameter, as in
// {"name": "layers", "type": "int", "low": 1, "high": 4}.
type paramJSON struct {
	Name    string     `json:"name"`
	Type    string     `json:"type"`
	Low     *float64   `json:"low,omitempty"`
	High    *float64   `json:"high,omitempty"`
	Step    float64    `json:"step,omitempty"`
	Log     bool       `json:"log,omitempty"`
	Values  []int      `json:"values,omitempty"`
	Choices []string   `json:"choices,omitempty"`
	When    *Condition `json:"when,omitempty"`
}

// MarshalJSON writes the space as a JSON array of parameters, each an
// object with name, type ("int", "float" or "categorical"), low, high,
// step, log, values, choices and when as they apply.
func (s *Space) MarshalJSON() ([]byte, error) {
	out := make([]paramJSON, len(s.params))
	for i, p := range s.params {
		switch p := p.(type) {
		case Int:
			out[i] = paramJSON{Name: p.Name, Type: "int", Step: float64(p.Step), Log: p.Log,
				Values: p.Values, When: p.When}
			if len(p.Values) == 0 {
				out[i].Low, out[i].High = ptr(float64(p.Low)), ptr(float64(p.High))
			}
		case Float:
			out[i] = paramJSON{Name: p.Name, Type: "float", Low: ptr(p.Low), High: ptr(p.High), Step: p.Step,
				Log: p.Log, When: p.When}
		case Categorical:
			out[i] = paramJSON{Name: p.Name, Type: "categorical", Choices: p.Choices, When: p.When}
		}
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads the form MarshalJSON writes. Unknown fields, unknown
// types and fields that do not fit the type are errors naming the
// parameter; the space is not validated (see Load).
func (s *Space) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var in []paramJSON
	if err := dec.Decode(&in); err != nil {
		return fmt.Errorf("space: %w", err)
	}
	params := make([]Param, len(in))
	for i, pj := range in {
		p, err := pj.param()
		if err != nil {
			return fmt.Errorf("space: parameter %q (#%d): %w", pj.Name, i+1, err)
		}
		params[i] = p
	}
	s.params = params
	return nil
}

// Load reads a space from JSON (see MarshalJSON) and validates it.
func Load(r io.Reader) (*Space, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("space: read: %w", err)
	}
	s := &Space{}
	if err := s.UnmarshalJSON(b); err != nil {
		return nil, err
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	return s, nil
}

func (pj paramJSON) param() (Param, error) {
	switch pj.Type {
	case "int":
		if pj.Choices != nil || (len(pj.Values) == 0 && (pj.Low == nil || pj.High == nil)) {
			return nil, fmt.Errorf("an int takes low and high, or values")
		}
		p := Int{Name: pj.Name, Log: pj.Log, Values: pj.Values, When: pj.When}
		var err error
		if p.Low, err = intField("low", pj.Low); err != nil {
			return nil, err
		}
		if p.High, err = intField("high", pj.High); err != nil {
			return nil, err
		}
		if p.Step, err = intField("step", &pj.Step); err != nil {
			return nil, err
		}
		return p, nil
	case "float":
		if pj.Choices != nil || pj.Values != nil || pj.Low == nil || pj.High == nil {
			return nil, fmt.Errorf("a float takes low, high, step and log")
		}
		return Float{Name: pj.Name, Low: *pj.Low, High: *pj.High, Step: pj.Step, Log: pj.Log, When: pj.When}, nil
	case "categorical":
		if pj.Low != nil || pj.High != nil || pj.Step != 0 || pj.Log || pj.Values != nil {
			return nil, fmt.Errorf("a categorical takes choices only")
		}
		return Categorical{Name: pj.Name, Choices: pj.Choices, When: pj.When}, nil
	}
	return nil, fmt.Errorf("unknown type %q (want int, float or categorical)", pj.Type)
}

func intField(name string, f *float64) (int, error) {
	if f == nil {
		return 0, nil
	}
	if *f != math.Trunc(*f) || math.Abs(*f) > 1<<53 {
		return 0, fmt.Errorf("%s must be an integer, got %g", name, *f)
	}
	return int(*f), nil
}

func ptr[T any](v T) *T { return &v }
