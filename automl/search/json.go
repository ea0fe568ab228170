package search

import (
	"encoding/json"
	"math"
	"strconv"
	"time"

	"github.com/tunebook/tunebook/automl/space"
)

// number is a float64 that JSON writes as null when it is NaN or infinite
// (JSON has no such numbers) and reads null back as NaN.
type number float64

func (f number) MarshalJSON() ([]byte, error) {
	v := float64(f)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, v, 'g', -1, 64), nil
}

func (f *number) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*f = number(math.NaN())
		return nil
	}
	v, err := strconv.ParseFloat(string(b), 64)
	*f = number(v)
	return err
}

type trialJSON struct {
	Number       int            `json:"number"`
	Params       space.Params   `json:"params"`
	Status       Status         `json:"status"`
	Value        number         `json:"value"`
	Tiebreak     number         `json:"tiebreak"`
	Err          string         `json:"error,omitempty"`
	Intermediate []reportJSON   `json:"intermediate,omitempty"`
	Budget       int            `json:"budget,omitempty"`
	Started      time.Time      `json:"started"`
	Duration     time.Duration  `json:"duration_ns"`
	Attrs        map[string]any `json:"attrs,omitempty"`
}

type reportJSON struct {
	Step  int               `json:"step"`
	Value number            `json:"value"`
	Extra map[string]number `json:"extra,omitempty"`
}

// MarshalJSON writes the trial with snake_case keys; NaN and infinite
// values (a failed or pruned trial's value, a diverged loss) become null.
func (t Trial) MarshalJSON() ([]byte, error) {
	j := trialJSON{Number: t.Number, Params: t.Params, Status: t.Status, Value: number(t.Value),
		Tiebreak: number(t.Tiebreak), Err: t.Err, Budget: t.Budget, Started: t.Started,
		Duration: t.Duration, Attrs: t.Attrs}
	for _, r := range t.Intermediate {
		rj := reportJSON{Step: r.Step, Value: number(r.Value)}
		if r.Extra != nil {
			rj.Extra = make(map[string]number, len(r.Extra))
			for k, v := range r.Extra {
				rj.Extra[k] = number(v)
			}
		}
		j.Intermediate = append(j.Intermediate, rj)
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes, null numbers as NaN.
func (t *Trial) UnmarshalJSON(b []byte) error {
	var j trialJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*t = Trial{Number: j.Number, Params: j.Params, Status: j.Status, Value: float64(j.Value),
		Tiebreak: float64(j.Tiebreak), Err: j.Err, Budget: j.Budget, Started: j.Started,
		Duration: j.Duration, Attrs: j.Attrs}
	for _, rj := range j.Intermediate {
		r := Report{Step: rj.Step, Value: float64(rj.Value)}
		if rj.Extra != nil {
			r.Extra = make(map[string]float64, len(rj.Extra))
			for k, v := range rj.Extra {
				r.Extra[k] = float64(v)
			}
		}
		t.Intermediate = append(t.Intermediate, r)
	}
	return nil
}
