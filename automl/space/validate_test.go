package space

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		name  string
		space *Space
		param string
		want  string
	}{
		{"float log with step", New(Float{Name: "lr", Low: 1e-5, High: 0.1, Log: true, Step: 1e-3}),
			"lr", "step is not supported when log is true"},
		{"float log low zero", New(Float{Name: "lr", Low: 0, High: 0.1, Log: true}),
			"lr", "larger than 0 for a log distribution (low=0, high=0.1)"},
		{"float low above high", New(Float{Name: "x", Low: 1, High: 0.5}),
			"x", "smaller than or equal to the high value (low=1, high=0.5)"},
		{"float nan", New(Float{Name: "x", Low: 0, High: math.NaN()}), "x", "must be finite"},
		{"float step not dividing", New(Float{Name: "x", Low: 0, High: 1, Step: 0.3}), "x", "multiple of step"},
		{"int log with step", New(Int{Name: "n", Low: 1, High: 9, Step: 2, Log: true}), "n", "step is not supported"},
		{"int log low zero", New(Int{Name: "n", Low: 0, High: 9, Log: true}), "n", "larger than 0"},
		{"int negative step", New(Int{Name: "n", Low: 0, High: 9, Step: -1}), "n", "step must be positive"},
		{"int values and range", New(Int{Name: "b", Low: 1, High: 2, Values: []int{1}}), "b", "not both"},
		{"int duplicate value", New(Int{Name: "b", Values: []int{32, 32}}), "b", "listed twice"},
		{"empty choices", New(Categorical{Name: "act"}), "act", "choices are empty"},
		{"duplicate choice", New(Categorical{Name: "act", Choices: []string{"relu", "relu"}}), "act", "listed twice"},
		{"empty name", New(Int{Low: 1, High: 2}), "#1", "name is empty"},
		{"duplicate name", New(Int{Name: "n", Low: 1, High: 2}, Int{Name: "n", Low: 1, High: 3}), "n", "defined twice"},
		{"unknown parent", New(Float{Name: "m", Low: 0, High: 1, When: OneOf("opt", "sgd")}),
			"m", `unknown parameter "opt"`},
		{"self condition", New(Int{Name: "n", Low: 1, High: 2, When: AtLeast("n", 1)}), "n", "itself"},
		{"later parent", New(
			Float{Name: "m", Low: 0, High: 1, When: OneOf("opt", "sgd")},
			Categorical{Name: "opt", Choices: []string{"sgd"}}),
			"m", `defined after it; define "opt" first`},
		{"cycle", New(
			Int{Name: "a", Low: 1, High: 2, When: AtLeast("b", 1)},
			Int{Name: "b", Low: 1, High: 2, When: AtLeast("a", 1)}),
			"a", "cycle: a -> b -> a"},
		{"choice typo in condition", New(
			Categorical{Name: "opt", Choices: []string{"adam", "sgd"}},
			Float{Name: "m", Low: 0, High: 1, When: OneOf("opt", "SGD")}),
			"m", `"SGD" is not a choice of "opt"`},
		{"range condition on categorical", New(
			Categorical{Name: "opt", Choices: []string{"adam"}},
			Float{Name: "m", Low: 0, High: 1, When: AtLeast("opt", 1)}),
			"m", "must list values"},
		{"never active", New(
			Int{Name: "layers", Low: 1, High: 4},
			Int{Name: "width_5", Low: 8, High: 9, When: AtLeast("layers", 5)}),
			"width_5", "can never hold"},
		{"never active between steps", New(
			Int{Name: "k", Low: 0, High: 10, Step: 5},
			Int{Name: "x", Low: 8, High: 9, When: Between("k", 1, 4)}),
			"x", "can never hold"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.space.Validate()
			var pe *ParamError
			if !errors.As(err, &pe) {
				t.Fatalf("Validate() = %v, want a *ParamError", err)
			}
			if pe.Param != tt.param || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Validate() = %v (param %q), want param %q and %q", err, pe.Param, tt.param, tt.want)
			}
		})
	}
}

func TestValidateAccepts(t *testing.T) {
	tests := []struct {
		name  string
		space *Space
	}{
		{"default", Default()},
		{"single float value", New(Float{Name: "x", Low: 0.5, High: 0.5})},
		{"stepped float", New(Float{Name: "x", Low: 0, High: 0.5, Step: 0.1})},
		{"int step 1 with log", New(Int{Name: "n", Low: 1, High: 9, Step: 1, Log: true})},
		{"condition chain", New(
			Categorical{Name: "schedule", Choices: []string{"constant", "step"}},
			Int{Name: "decay_step", Low: 1, High: 5, When: OneOf("schedule", "step")},
			Float{Name: "x", Low: 0, High: 1, When: AtMost("decay_step", 2)})},
	}
	for _, tt := range tests {
		if err := tt.space.Validate(); err != nil {
			t.Errorf("%s: Validate() = %v, want nil", tt.name, err)
		}
	}
	if err := New().Validate(); err == nil {
		t.Errorf("empty space: Validate() = nil, want an error")
	}
}

func TestValidateReportsAllProblems(t *testing.T) {
	err := New(Float{Name: "a", Low: 2, High: 1}, Categorical{Name: "b"}).Validate()
	for _, want := range []string{`"a"`, `"b"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() = %v, want it to name %s", err, want)
		}
	}
}

// TestCaseT01InvalidSpaces checks the invalid spaces of case t01 against the
// messages Optuna 3.1 gives for them (backticks and trailing ".0" dropped).
func TestCaseT01InvalidSpaces(t *testing.T) {
	var input struct {
		InvalidSpaces []struct {
			Name      string
			Low, High float64
			Log       bool
			Step      float64
		} `json:"invalid_spaces"`
	}
	var expected struct {
		InvalidSpaces []struct{ Message string } `json:"invalid_spaces"`
	}
	readJSON(t, "testdata/cases/t01/input.json", &input)
	readJSON(t, "testdata/cases/t01/expected.json", &expected)
	if len(input.InvalidSpaces) != len(expected.InvalidSpaces) || len(input.InvalidSpaces) == 0 {
		t.Fatalf("case has %d inputs and %d expectations", len(input.InvalidSpaces), len(expected.InvalidSpaces))
	}

	trailingZero := regexp.MustCompile(`(\d)\.0\b`)
	for i, in := range input.InvalidSpaces {
		sp := New(Float{Name: in.Name, Low: in.Low, High: in.High, Log: in.Log, Step: in.Step})
		want := strings.ToLower(expected.InvalidSpaces[i].Message)
		want = strings.TrimSuffix(strings.ReplaceAll(want, "`", ""), ".")
		want = strings.TrimPrefix(trailingZero.ReplaceAllString(want, "$1"), "the parameter ")

		err := sp.Validate()
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), `"`+in.Name+`"`) {
			t.Errorf("space %d: Validate() = %v, want %q naming %q", i, err, want, in.Name)
		}
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.FromSlash(path))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
