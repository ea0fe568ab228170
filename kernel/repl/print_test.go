package repl

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

func TestPrintFloatMatchesRuntime(t *testing.T) {
	tests := []struct {
		f    float64
		want string
	}{
		{1.5, "+1.500000e+000"},
		{-2, "-2.000000e+000"},
		{0, "+0.000000e+000"},
		{1e100, "+1.000000e+100"},
		{1.23456789e-7, "+1.234568e-007"},
		{math.NaN(), "NaN"},
		{math.Inf(1), "+Inf"},
		{math.Inf(-1), "-Inf"},
	}
	for _, tt := range tests {
		if got := printFloat(tt.f); got != tt.want {
			t.Errorf("printFloat(%v) = %q, want %q", tt.f, got, tt.want)
		}
	}
}

func TestBuiltinPrint(t *testing.T) {
	var b strings.Builder
	builtinPrint(&b, true, []any{"a", 1, true, uint8(7), float32(0.5), complex(1, -2), nil})
	builtinPrint(&b, false, []any{"x", 2, "y"})
	want := "a 1 true 7 +5.000000e-001 (+1.000000e+000-2.000000e+000i) (0x0,0x0)\nx2y"
	if b.String() != want {
		t.Errorf("output %q, want %q", b.String(), want)
	}
	var s strings.Builder
	builtinPrint(&s, false, []any{[]int{1, 2}})
	if !strings.HasPrefix(s.String(), "[2/2]0x") {
		t.Errorf("slice printed as %q, want [len/cap]address", s.String())
	}
}

func TestRewriteTypeVerbs(t *testing.T) {
	p := newNamed("main.P", struct{ X int }{1}, nil, nil)
	c := newNamed("main.C", 21.5, func() string { return "21.5°C" }, nil)
	tests := []struct {
		format string
		args   []any
		want   string
	}{
		{"%T %v", []any{p, p}, "main.P {1}"},
		{"%v|%T|%d", []any{c, c, 3}, "21.5°C|main.C|3"},
		{"%[2]T %[1]v %v", []any{p, c}, "main.C {1} 21.5°C"},
		{"%*d %T %%", []any{4, 7, p}, "   7 main.P %"},
		{"%-8T|", []any{c}, "main.C  |"},
		{"%T", []any{3}, "int"},
		{"%.*f %T", []any{2, 3.14159, p}, "3.14 main.P"},
		{"%+v %#v", []any{p, p}, "{X:1} struct { X int }{X:1}"},
	}
	for _, tt := range tests {
		f, args := rewriteTypeVerbs(tt.format, tt.args)
		if got := fmt.Sprintf(f, args...); got != tt.want {
			t.Errorf("Sprintf(%q) after rewrite (%q) = %q, want %q", tt.format, f, got, tt.want)
		}
	}
}

func TestNamedStringPanics(t *testing.T) {
	var nilPtr *struct{ X int }
	boom := func() string { panic("boom") }
	tests := []struct {
		v    any
		want string
	}{
		{newNamed("*main.P", nilPtr, boom, nil), "<nil>"},
		{newNamed("main.P", 1, boom, nil), "%!v(PANIC=String method: boom)"},
		{newNamed("main.E", 1, nil, func() string { return "failed" }), "failed"},
		{newNamedSlice("[]main.C", []float64{1, 2}, []any{newNamed("main.C", 1.0, func() string { return "one" }, nil), 2.0}), "[one 2]"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(tt.v); got != tt.want {
			t.Errorf("Sprint = %q, want %q", got, tt.want)
		}
	}
}
