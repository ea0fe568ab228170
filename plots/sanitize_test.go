package plots

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/go-echarts/go-echarts/v2/opts"
)

type point struct {
	Value any     `json:"value,omitempty"`
	Extra any     `json:"extra"`
	Size  float64 `json:"size,omitempty"`
}

func TestSanitizeOption(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	tests := []struct {
		name         string
		in           any
		wantJSON     string
		wantReplaced int
	}{
		{"finite values untouched", map[string]any{"a": 1.5, "b": []any{1, "x"}}, `{"a":1.5,"b":[1,"x"]}`, 0},
		{"map entry", map[string]any{"a": nan, "b": 2.0}, `{"a":null,"b":2}`, 1},
		{"list elements", []any{1.0, nan, -inf, 3.0}, `[1,null,null,3]`, 2},
		{"omitempty field gets dash", []point{{Value: 1.0}, {Value: nan}}, `[{"value":1,"extra":null},{"value":"-","extra":null}]`, 1},
		{"plain field gets null", point{Value: 2.0, Extra: inf}, `{"value":2,"extra":null}`, 1},
		{"float slice in interface", point{Value: []float64{1, nan, 3}}, `{"value":[1,null,3],"extra":null}`, 1},
		{"float32 in interface", []any{float32(math.Inf(-1))}, `[null]`, 1},
		{"pointer chain", &point{Value: &point{Value: nan}}, `{"value":{"value":"-","extra":null},"extra":null}`, 1},
		{"array", [2]any{nan, 1.0}, `[null,1]`, 1},
		{"go-echarts line data", []opts.LineData{{Value: 1.0}, {Value: nan}}, `[{"value":1},{"value":"-"}]`, 1},
		{"self-marshalling type left alone", map[string]any{"t": time.Unix(0, 0).UTC()}, `{"t":"1970-01-01T00:00:00Z"}`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, replaced, err := sanitizeOption(tt.in)
			if err != nil {
				t.Fatalf("sanitizeOption: %v", err)
			}
			b, err := json.Marshal(got)
			if err != nil {
				t.Fatalf("json.Marshal of the sanitised value: %v", err)
			}
			if string(b) != tt.wantJSON {
				t.Errorf("got %s, want %s", b, tt.wantJSON)
			}
			if replaced != tt.wantReplaced {
				t.Errorf("replaced %d values, want %d", replaced, tt.wantReplaced)
			}
		})
	}
}

func TestSanitizeOptionLeavesInputAlone(t *testing.T) {
	data := []opts.LineData{{Value: math.NaN()}}
	series := map[string]any{"data": data}
	in := map[string]any{"series": []any{series}, "v": []any{math.Inf(1)}}

	if _, _, err := sanitizeOption(in); err != nil {
		t.Fatal(err)
	}
	if v, ok := data[0].Value.(float64); !ok || !math.IsNaN(v) {
		t.Errorf("input data changed to %v", data[0].Value)
	}
	if got := series["data"].([]opts.LineData); &got[0] != &data[0] {
		t.Errorf("input map's data replaced")
	}
	if v := in["v"].([]any)[0].(float64); !math.IsInf(v, 1) {
		t.Errorf("input list changed to %v", v)
	}
}

func TestSanitizeOptionErrors(t *testing.T) {
	type typed struct {
		Sizes []float64 `json:"sizes"`
	}
	tests := []struct {
		name     string
		in       any
		wantPath string
	}{
		{"typed float field", map[string]any{"x": point{Size: math.NaN()}}, "x.size"},
		{"typed float slice field", []any{typed{Sizes: []float64{1, math.Inf(-1)}}}, "[0].sizes.[1]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := sanitizeOption(tt.in)
			if err == nil {
				t.Fatal("got no error")
			}
			if !strings.Contains(err.Error(), tt.wantPath) {
				t.Errorf("error %q does not name %q", err, tt.wantPath)
			}
		})
	}
}

func TestSanitizeOptionCycle(t *testing.T) {
	type node struct{ Next any }
	n := &node{}
	n.Next = n
	if _, _, err := sanitizeOption(n); err == nil || !strings.Contains(err.Error(), "deeper than") {
		t.Errorf("got %v, want an error about nesting depth", err)
	}
}
