package nn

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestConfigValidate(t *testing.T) {
	if err := baseConfig().Validate(); err != nil {
		t.Fatalf("baseConfig().Validate() = %v, want nil", err)
	}
	tests := []struct {
		name   string
		change func(*Config)
		want   string
	}{
		{"no hidden layers", func(c *Config) { c.Hidden = nil }, "Hidden = [], want 1 to 4 layers"},
		{"five hidden layers", func(c *Config) { c.Hidden = []int{1, 2, 3, 4, 5} }, "Hidden = [1 2 3 4 5]"},
		{"zero width", func(c *Config) { c.Hidden = []int{8, 0} }, "Hidden[1] = 0"},
		{"unknown activation", func(c *Config) { c.Activation = "gelu" }, `Activation = "gelu", want one of elu,`},
		{"dropout 1", func(c *Config) { c.Dropout = 1 }, "Dropout = 1"},
		{"negative dropout", func(c *Config) { c.Dropout = -0.1 }, "Dropout = -0.1"},
		{"NaN L1", func(c *Config) { c.L1 = math.NaN() }, "L1 = NaN"},
		{"negative L2", func(c *Config) { c.L2 = -1 }, "L2 = -1"},
		{"unknown optimizer", func(c *Config) { c.Optimizer = "adagrad" }, `Optimizer = "adagrad"`},
		{"zero learning rate", func(c *Config) { c.LearningRate = 0 }, "LearningRate = 0"},
		{"infinite learning rate", func(c *Config) { c.LearningRate = math.Inf(1) }, "LearningRate = +Inf"},
		{"momentum 1", func(c *Config) { c.Momentum = 1 }, "Momentum = 1"},
		{"unknown schedule", func(c *Config) { c.Schedule.Kind = "linear" }, `Schedule.Kind = "linear"`},
		{"step size 0", func(c *Config) { c.Schedule = Schedule{Kind: "step", Gamma: 0.5} }, "Schedule.StepSize = 0"},
		{"gamma 1", func(c *Config) { c.Schedule = Schedule{Kind: "exponential", Gamma: 1} }, "Schedule.Gamma = 1"},
		{"min rate above rate", func(c *Config) { c.Schedule = Schedule{Kind: "cosine", MinLR: 1} }, "Schedule.MinLR = 1"},
		{"plateau patience", func(c *Config) { c.Schedule = Schedule{Kind: "plateau", Gamma: 0.5, Patience: -1} },
			"Schedule.Patience = -1"},
		{"batch size 0", func(c *Config) { c.BatchSize = 0 }, "BatchSize = 0"},
		{"epochs 0", func(c *Config) { c.Epochs = 0 }, "Epochs = 0"},
		{"negative patience", func(c *Config) { c.Patience = -2 }, "Patience = -2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := baseConfig()
			tt.change(&cfg)
			err := cfg.Validate()
			if !errors.Is(err, ErrInvalidConfig) {
				t.Fatalf("Validate() = %v, want an error wrapping ErrInvalidConfig", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Validate() = %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestHeadText(t *testing.T) {
	for _, h := range []Head{Sigmoid, Softmax, Linear} {
		text, err := h.MarshalText()
		if err != nil {
			t.Fatalf("%v.MarshalText() = %v", h, err)
		}
		var back Head
		if err := back.UnmarshalText(text); err != nil || back != h {
			t.Errorf("UnmarshalText(%q) = (%v, %v), want %v", text, back, err, h)
		}
	}
	var h Head
	if err := h.UnmarshalText([]byte("tanh")); err == nil {
		t.Error(`UnmarshalText("tanh") = nil, want an error`)
	}
	if _, err := Head(7).MarshalText(); err == nil {
		t.Error("Head(7).MarshalText() = nil error, want one")
	}
}
