package search

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/tunebook/tunebook/automl/space"
)

func TestParzenIsADensity(t *testing.T) {
	tests := []struct {
		name      string
		obs, w    []float64
		low, high float64
	}{
		{"no observations: the prior alone", nil, nil, -1, 3},
		{"one observation", []float64{0.2}, []float64{1}, 0, 1},
		{"clustered at an end", []float64{0.99, 0.995, 1}, []float64{1, 0.5, 1}, 0, 1},
		{"log scale", []float64{math.Log(1e-3), math.Log(3e-3)}, []float64{1, 1}, math.Log(1e-4), math.Log(1e-1)},
	}
	for _, tt := range tests {
		p := newParzen(tt.obs, tt.w, tt.low, tt.high, 1)
		// Trapezoid rule over [low, high].
		const n = 20000
		h := (tt.high - tt.low) / n
		sum := 0.0
		for i := 0; i <= n; i++ {
			f := math.Exp(p.logPDF(tt.low + float64(i)*h))
			if i == 0 || i == n {
				f /= 2
			}
			sum += f * h
		}
		if math.Abs(sum-1) > 1e-3 {
			t.Errorf("%s: density integrates to %.5f, want 1 within 1e-3", tt.name, sum)
		}
		rng := rand.New(rand.NewPCG(1, 1))
		for range 1000 {
			if x := p.sample(rng); x < tt.low || x > tt.high {
				t.Fatalf("%s: sample %g outside [%g, %g]", tt.name, x, tt.low, tt.high)
			}
		}
	}
}

func TestParzenFollowsObservations(t *testing.T) {
	p := newParzen([]float64{0.2, 0.25, 0.3}, []float64{1, 1, 1}, 0, 1, 1)
	if !(p.logPDF(0.25) > p.logPDF(0.8)) {
		t.Errorf("log density at 0.25 = %g, at 0.8 = %g; want higher near the observations",
			p.logPDF(0.25), p.logPDF(0.8))
	}
	rng := rand.New(rand.NewPCG(2, 2))
	near := 0
	for range 2000 {
		if x := p.sample(rng); x > 0.1 && x < 0.4 {
			near++
		}
	}
	// Three of four components sit at 0.2..0.3, with spreads of at least a
	// fifth of the range (the clip for three observations); a uniform
	// density would put 30% of the samples within 0.1..0.4.
	if near < 900 {
		t.Errorf("%d of 2000 samples within 0.1..0.4, want at least 45%%", near)
	}
}

func TestCategoricalEstimator(t *testing.T) {
	e := newCategorical([]int{0, 0, 1}, []float64{1, 1, 1}, 3, 1)
	want := []float64{(1.0/3 + 2) / 4, (1.0/3 + 1) / 4, (1.0 / 3) / 4}
	for i, w := range want {
		if got := math.Exp(e.logP[i]); math.Abs(got-w) > 1e-12 {
			t.Errorf("P(choice %d) = %.6f, want %.6f", i, got, w)
		}
	}
	rng := rand.New(rand.NewPCG(3, 3))
	counts := make([]int, 3)
	for range 30000 {
		counts[e.sample(rng)]++
	}
	for i, w := range want {
		if got := float64(counts[i]) / 30000; math.Abs(got-w) > 0.01 {
			t.Errorf("sampled share of choice %d = %.4f, want %.4f within 0.01", i, got, w)
		}
	}
}

func TestDimRoundTrip(t *testing.T) {
	tests := []struct {
		param space.Param
		value any
	}{
		{space.Int{Name: "w", Low: 8, High: 256, Log: true}, 8},
		{space.Int{Name: "w", Low: 8, High: 256, Log: true}, 256},
		{space.Int{Name: "w", Low: 8, High: 256, Log: true}, 37},
		{space.Int{Name: "n", Low: 2, High: 20, Step: 3}, 11},
		{space.Int{Name: "b", Values: []int{32, 64, 128}}, 64},
		{space.Float{Name: "lr", Low: 1e-4, High: 1e-1, Log: true}, 3e-3},
		{space.Float{Name: "d", Low: 0, High: 0.5, Step: 0.1}, 0.3},
		{space.Float{Name: "m", Low: 0.5, High: 0.99}, 0.9},
		{space.Categorical{Name: "a", Choices: []string{"relu", "elu"}}, "elu"},
	}
	for _, tt := range tests {
		d := newDim(tt.param)
		x, ok := d.encode(space.Params{d.name: tt.value})
		low, high := d.low, d.high
		if d.categorical() {
			low, high = 0, float64(len(d.choices)-1)
		}
		if !ok || x < low || x > high {
			t.Errorf("%s: encode(%v) = %g, %v; want a value within [%g, %g]", d.name, tt.value, x, ok, low, high)
			continue
		}
		if got := d.decode(x); got != tt.value && math.Abs(toF(got)-toF(tt.value)) > 1e-12 {
			t.Errorf("%s: decode(encode(%v)) = %v, want %v", d.name, tt.value, got, tt.value)
		}
	}
}

func toF(v any) float64 {
	switch x := v.(type) {
	case int:
		return float64(x)
	case float64:
		return x
	}
	return math.NaN()
}

func TestDimDecodeStaysOnTheGrid(t *testing.T) {
	sp := space.New(
		space.Int{Name: "w", Low: 8, High: 256, Log: true},
		space.Int{Name: "n", Low: 2, High: 20, Step: 3},
		space.Float{Name: "d", Low: 0, High: 0.5, Step: 0.1},
		space.Float{Name: "lr", Low: 1e-4, High: 1e-1, Log: true},
	)
	for _, q := range sp.Params() {
		d := newDim(q)
		for i := 0; i <= 100; i++ {
			x := d.low + (d.high-d.low)*float64(i)/100
			p := space.Params{d.name: d.decode(x)}
			if err := sp.Contains(p); err != nil && !isMissingOnly(err) {
				t.Errorf("%s: decode(%g) = %v: %v", d.name, x, p[d.name], err)
			}
		}
	}
}

// isMissingOnly reports whether err only complains about the parameters
// a one-parameter point leaves out.
func isMissingOnly(err error) bool {
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		if pe, ok := e.(*space.ParamError); !ok || pe.Reason != "is missing" {
			return false
		}
	}
	return true
}

func TestDimReadsJSONIntegers(t *testing.T) {
	var p space.Params
	if err := json.Unmarshal([]byte(`{"b": 64, "w": 37}`), &p); err != nil {
		t.Fatal(err)
	}
	b := newDim(space.Int{Name: "b", Values: []int{32, 64, 128}})
	if x, ok := b.encode(p); !ok || x != 1 {
		t.Errorf("encode(b=64 from JSON) = %g, %v; want choice 1", x, ok)
	}
	w := newDim(space.Int{Name: "w", Low: 8, High: 256, Log: true})
	if x, ok := w.encode(p); !ok || math.Abs(x-math.Log(37)) > 1e-12 {
		t.Errorf("encode(w=37 from JSON) = %g, %v; want log 37", x, ok)
	}
}
