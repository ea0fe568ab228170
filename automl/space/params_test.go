package space

import (
	"encoding/json"
	"testing"
)

func TestParamsGetters(t *testing.T) {
	p := Params{"layers": 3, "lr": 0.01, "opt": "sgd", "batch": 64.0}
	if got := p.Int("layers"); got != 3 {
		t.Errorf("Int(layers) = %d, want 3", got)
	}
	if got := p.Int("batch"); got != 64 {
		t.Errorf("Int(batch) from a float64 = %d, want 64", got)
	}
	if got := p.Float("layers"); got != 3 {
		t.Errorf("Float(layers) = %g, want 3", got)
	}
	if got := p.Choice("opt"); got != "sgd" {
		t.Errorf("Choice(opt) = %q, want sgd", got)
	}
	if p.Has("momentum") || p.Float("momentum") != 0 || p.Int("width_4") != 0 || p.Choice("x") != "" {
		t.Errorf("absent parameters: want Has false and zero values")
	}
	if got, want := p.String(), "batch=64 layers=3 lr=0.01 opt=sgd"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestParamsGetterPanicsOnWrongKind(t *testing.T) {
	tests := []struct {
		name string
		get  func(Params)
	}{
		{"Int on a fraction", func(p Params) { p.Int("lr") }},
		{"Int on a string", func(p Params) { p.Int("opt") }},
		{"Float on a string", func(p Params) { p.Float("opt") }},
		{"Choice on a number", func(p Params) { p.Choice("lr") }},
	}
	p := Params{"lr": 0.5, "opt": "sgd"}
	for _, tt := range tests {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic, want one", tt.name)
				}
			}()
			tt.get(p)
		}()
	}
}

func TestParamsJSONRoundTrip(t *testing.T) {
	p := Params{"layers": 2, "lr": 0.001, "opt": "adam"}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var q Params
	if err := json.Unmarshal(b, &q); err != nil {
		t.Fatal(err)
	}
	if q.Int("layers") != 2 || q.Float("lr") != 0.001 || q.Choice("opt") != "adam" || q.String() != p.String() {
		t.Errorf("round trip of %v gave %v", p, q)
	}
}
