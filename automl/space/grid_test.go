package space

import (
	"errors"
	"maps"
	"reflect"
	"testing"
)

func TestGridEnumeratesConditionalBranches(t *testing.T) {
	sp := New(
		Int{Name: "layers", Low: 1, High: 2},
		Int{Name: "width_2", Values: []int{8, 16}, When: AtLeast("layers", 2)},
		Categorical{Name: "opt", Choices: []string{"adam", "sgd"}},
		Float{Name: "momentum", Low: 0.5, High: 0.9, When: OneOf("opt", "sgd")},
	)
	got, err := sp.Grid(2)
	if err != nil {
		t.Fatal(err)
	}
	// layers=1 (1) + layers=2 (2 widths) = 3 architectures; adam (1) + sgd (2) = 3 optimizers.
	archs := []Params{{"layers": 1}, {"layers": 2, "width_2": 8}, {"layers": 2, "width_2": 16}}
	opts := []Params{{"opt": "adam"}, {"opt": "sgd", "momentum": 0.5}, {"opt": "sgd", "momentum": 0.9}}
	var want []Params
	for _, a := range archs {
		for _, o := range opts {
			p := a.Clone()
			maps.Copy(p, o)
			want = append(want, p)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Grid(2) =\n%v\nwant\n%v", got, want)
	}
}

func TestGridValues(t *testing.T) {
	tests := []struct {
		name   string
		param  Param
		points int
		want   []any
	}{
		{"int all steps", Int{Name: "n", Low: 1, High: 4}, 5, []any{1, 2, 3, 4}},
		{"int spread", Int{Name: "n", Low: 0, High: 10}, 3, []any{0, 5, 10}},
		{"int stepped spread", Int{Name: "n", Low: 0, High: 100, Step: 10}, 3, []any{0, 50, 100}},
		{"int log", Int{Name: "n", Low: 8, High: 256, Log: true}, 3, []any{8, 45, 256}},
		{"int values", Int{Name: "b", Values: []int{32, 64}}, 1, []any{32, 64}},
		{"float linear", Float{Name: "x", Low: 0, High: 1}, 3, []any{0.0, 0.5, 1.0}},
		{"float middle", Float{Name: "x", Low: 0, High: 1}, 1, []any{0.5}},
		{"float steps", Float{Name: "x", Low: 0, High: 0.3, Step: 0.1}, 10, []any{0.0, 0.1, 0.2, 0.3}},
		{"float log", Float{Name: "x", Low: 1e-4, High: 1, Log: true}, 3, []any{1e-4, 1e-2, 1.0}},
		{"float fixed", Float{Name: "x", Low: 2, High: 2}, 3, []any{2.0}},
		{"categorical", Categorical{Name: "c", Choices: []string{"a", "b"}}, 1, []any{"a", "b"}},
	}
	for _, tt := range tests {
		if got := tt.param.grid(tt.points); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: grid(%d) = %v, want %v", tt.name, tt.points, got, tt.want)
		}
	}
}

func TestGridErrors(t *testing.T) {
	if _, err := Default().Grid(3); !errors.Is(err, ErrGridTooLarge) {
		t.Errorf("Default().Grid(3) error = %v, want ErrGridTooLarge", err)
	}
	if _, err := New(Int{Name: "n", Low: 1, High: 2}).Grid(0); err == nil {
		t.Errorf("Grid(0) error = nil, want an error")
	}
	if _, err := New(Int{Name: "n", Low: 2, High: 1}).Grid(2); err == nil {
		t.Errorf("Grid on an invalid space: error = nil, want an error")
	}
}
