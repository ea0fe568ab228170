package space

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestContains(t *testing.T) {
	sp := New(
		Int{Name: "layers", Low: 1, High: 3},
		Int{Name: "width_2", Low: 8, High: 256, Log: true, When: AtLeast("layers", 2)},
		Int{Name: "step", Low: 2, High: 20, Step: 3},
		Int{Name: "batch", Values: []int{32, 64}},
		Float{Name: "dropout", Low: 0, High: 0.5, Step: 0.1},
		Categorical{Name: "optimizer", Choices: []string{"adam", "sgd"}},
		Float{Name: "momentum", Low: 0.5, High: 0.99, When: OneOf("optimizer", "sgd")},
	)
	base := func(changes map[string]any) Params {
		p := Params{"layers": 1, "step": 5, "batch": 32, "dropout": 0.3, "optimizer": "adam"}
		for k, v := range changes {
			if v == nil {
				delete(p, k)
			} else {
				p[k] = v
			}
		}
		return p
	}
	tests := []struct {
		name string
		p    Params
		want []string // one problem per entry; nil for a point of the space
	}{
		{"a point", base(nil), nil},
		{"a branch", base(map[string]any{"layers": 2, "width_2": 100, "optimizer": "sgd", "momentum": 0.9}), nil},
		{"a float on the step grid", base(map[string]any{"dropout": 0.30000000000000004}), nil},
		{"missing", base(map[string]any{"batch": nil}), []string{`"batch": is missing`}},
		{"missing conditional", base(map[string]any{"layers": 2}), []string{`"width_2": is missing`}},
		{"inactive", base(map[string]any{"momentum": 0.9}),
			[]string{`"momentum": is set to 0.9 but its condition optimizer in {sgd} does not hold`}},
		{"unknown", base(map[string]any{"lr": 0.1}), []string{`"lr": is not a parameter of the space`}},
		{"int out of range", base(map[string]any{"layers": 0}), []string{`"layers": value 0 is outside [1, 3]`}},
		{"int off the step", base(map[string]any{"step": 6}), []string{`"step": value 6 is not on the step 3 from 2`}},
		{"int not a value", base(map[string]any{"batch": 128}), []string{`"batch": value 128 is not one of [32 64]`}},
		{"fractional int", base(map[string]any{"layers": 1.5}), []string{`"layers": value 1.5 is not an integer`}},
		{"float off the step", base(map[string]any{"dropout": 0.25}),
			[]string{`"dropout": value 0.25 is not on the step 0.1 from 0`}},
		{"float wrong kind", base(map[string]any{"dropout": "high"}), []string{`"dropout": value high is not a number`}},
		{"not a choice", base(map[string]any{"optimizer": "lbfgs"}),
			[]string{`"optimizer": value lbfgs is not one of [adam sgd]`}},
		{"two problems", base(map[string]any{"layers": -1, "optimizer": 3}),
			[]string{`"layers": value -1 is outside`, `"optimizer": value 3 is not a string`}},
	}
	for _, tt := range tests {
		err := sp.Contains(tt.p)
		if tt.want == nil {
			if err != nil {
				t.Errorf("%s: Contains(%s) = %v, want nil", tt.name, tt.p, err)
			}
			continue
		}
		var problems []error
		if err != nil {
			problems = err.(interface{ Unwrap() []error }).Unwrap()
		}
		if len(problems) != len(tt.want) {
			t.Errorf("%s: Contains(%s) = %v, want %d problems", tt.name, tt.p, err, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			var pe *ParamError
			if !errors.As(problems[i], &pe) || !strings.Contains(problems[i].Error(), w) {
				t.Errorf("%s: problem %d = %v, want a *ParamError containing %q", tt.name, i, problems[i], w)
			}
		}
	}
}

func TestContainsJSONRoundTrip(t *testing.T) {
	sp := Default()
	p := Params{"layers": 2, "width_1": 64, "width_2": 32, "activation": "relu", "dropout": 0.1,
		"penalty": "l2", "l2": 1e-5, "optimizer": "adam", "learning_rate": 1e-3, "schedule": "constant",
		"batch_size": 128}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var back Params
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if err := sp.Contains(back); err != nil {
		t.Errorf("Contains(%s) after JSON = %v, want nil (integers arrive as float64)", back, err)
	}
}
