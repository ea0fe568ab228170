package space

import (
	"slices"
	"strings"
	"testing"
)

func TestDefault(t *testing.T) {
	sp := Default()
	if err := sp.Validate(); err != nil {
		t.Fatalf("Default().Validate() = %v", err)
	}
	want := []string{"layers", "width_1", "width_2", "width_3", "width_4", "activation", "dropout",
		"penalty", "l1", "l2", "optimizer", "momentum", "learning_rate", "schedule", "decay_gamma",
		"decay_step", "batch_size"}
	if got := sp.Names(); !slices.Equal(got, want) {
		t.Errorf("Default().Names() = %v, want %v", got, want)
	}
	if !strings.Contains(sp.String(), "width_3: int [8, 256] log, when layers >= 3\n") {
		t.Errorf("Default().String() = %q, want a width_3 line with its condition", sp.String())
	}
}

func TestEdits(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(*Space) error
		absent  []string
		present []string
	}{
		{"fix layers drops deeper widths", func(s *Space) error { return s.Fix("layers", 2) },
			[]string{"width_3", "width_4"}, []string{"width_1", "width_2"}},
		{"fix optimizer drops momentum", func(s *Space) error { return s.Fix("optimizer", "adam") },
			[]string{"momentum"}, []string{"optimizer"}},
		{"fix from a string", func(s *Space) error { return s.Fix("learning_rate", "0.01") },
			nil, []string{"learning_rate"}},
		{"remove drops dependants", func(s *Space) error { return s.Remove("penalty") },
			[]string{"penalty", "l1", "l2"}, []string{"dropout"}},
		{"set narrows", func(s *Space) error {
			s.Set(Categorical{Name: "schedule", Choices: []string{"constant", "exponential"}})
			return nil
		}, []string{"decay_step"}, []string{"decay_gamma"}},
		{"set adds", func(s *Space) error {
			s.Set(Float{Name: "label_smoothing", Low: 0, High: 0.2})
			return nil
		}, nil, []string{"label_smoothing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp := Default()
			if err := tt.edit(sp); err != nil {
				t.Fatal(err)
			}
			if err := sp.Validate(); err != nil {
				t.Fatalf("Validate() after edit = %v", err)
			}
			for _, n := range tt.absent {
				if _, ok := sp.Param(n); ok {
					t.Errorf("%s present, want it removed", n)
				}
			}
			for _, n := range tt.present {
				if _, ok := sp.Param(n); !ok {
					t.Errorf("%s absent, want it kept", n)
				}
			}
		})
	}
}

func TestEditErrors(t *testing.T) {
	sp := Default()
	if err := sp.Remove("nope"); err == nil {
		t.Errorf("Remove(nope) = nil, want an error")
	}
	if err := sp.Fix("nope", 1); err == nil {
		t.Errorf("Fix(nope) = nil, want an error")
	}
	if err := sp.Fix("layers", 1.5); err == nil || !strings.Contains(err.Error(), "layers") {
		t.Errorf("Fix(layers, 1.5) = %v, want an error naming layers", err)
	}
	if err := sp.Fix("activation", 3); err == nil {
		t.Errorf("Fix(activation, 3) = nil, want an error")
	}
}

func TestOverride(t *testing.T) {
	sp := Default()
	spec := "layers=1:2, learning_rate=1e-3:1e-2:log, optimizer=adam|sgd, batch_size=64|128, " +
		"dropout=0:0.4:0.1, activation=relu, seed_size=3, label_smoothing=0:0.2"
	if err := sp.Override(spec); err != nil {
		t.Fatal(err)
	}
	if err := sp.Validate(); err != nil {
		t.Fatalf("Validate() after Override = %v", err)
	}
	want := map[string]string{
		"layers":          "int [1, 2]",
		"learning_rate":   "float [0.001, 0.01] log",
		"optimizer":       "categorical [adam sgd]",
		"batch_size":      "int [64 128]",
		"dropout":         "float [0, 0.4] step 0.1",
		"activation":      "categorical [relu]",
		"seed_size":       "int [3]",
		"label_smoothing": "float [0, 0.2]",
	}
	for name, w := range want {
		p, ok := sp.Param(name)
		if !ok {
			t.Errorf("%s absent after Override", name)
			continue
		}
		if got := p.describe(); got != w {
			t.Errorf("%s = %s, want %s", name, got, w)
		}
	}
	if _, ok := sp.Param("width_3"); ok {
		t.Errorf("width_3 kept after layers=1:2, want it removed")
	}
}

func TestOverrideErrors(t *testing.T) {
	for _, spec := range []string{"layers", "layers=", "layers=1.5:2", "activation=1:2",
		"learning_rate=a|b", "layers=1:2:3:4", "dropout=x:1"} {
		err := Default().Override(spec)
		if err == nil || !strings.Contains(err.Error(), spec) {
			t.Errorf("Override(%q) = %v, want an error quoting the item", spec, err)
		}
	}
}
