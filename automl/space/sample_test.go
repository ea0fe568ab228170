package space

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

func TestSampleRespectsRanges(t *testing.T) {
	sp := New(
		Int{Name: "layers", Low: 1, High: 3},
		Int{Name: "width_3", Low: 8, High: 256, Log: true, When: AtLeast("layers", 3)},
		Int{Name: "even", Low: 2, High: 10, Step: 2},
		Int{Name: "batch", Values: []int{32, 64}},
		Float{Name: "lr", Low: 1e-4, High: 1e-1, Log: true},
		Float{Name: "dropout", Low: 0, High: 0.5, Step: 0.1},
		Categorical{Name: "opt", Choices: []string{"adam", "sgd"}},
		Float{Name: "momentum", Low: 0.5, High: 0.9, When: OneOf("opt", "sgd")},
	)
	if err := sp.Validate(); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	const n = 4000
	lowLR, lowWidth, widths := 0, 0, 0
	for range n {
		p := sp.Sample(rng)
		if got := p.Has("width_3"); got != (p.Int("layers") == 3) {
			t.Fatalf("%v: width_3 present = %v, want it exactly when layers == 3", p, got)
		}
		if got := p.Has("momentum"); got != (p.Choice("opt") == "sgd") {
			t.Fatalf("%v: momentum present = %v, want it exactly when opt == sgd", p, got)
		}
		if e := p.Int("even"); e%2 != 0 || e < 2 || e > 10 {
			t.Fatalf("even = %d, want an even number in [2, 10]", e)
		}
		if b := p.Int("batch"); b != 32 && b != 64 {
			t.Fatalf("batch = %d, want 32 or 64", b)
		}
		d := p.Float("dropout")
		if k := d / 0.1; math.Abs(k-math.Round(k)) > 1e-9 || d < 0 || d > 0.5 {
			t.Fatalf("dropout = %g, want a multiple of 0.1 in [0, 0.5]", d)
		}
		lr := p.Float("lr")
		if lr < 1e-4 || lr > 1e-1 {
			t.Fatalf("lr = %g, want it in [1e-4, 1e-1]", lr)
		}
		if lr < math.Sqrt(1e-4*1e-1) {
			lowLR++
		}
		if p.Has("width_3") {
			widths++
			w := p.Int("width_3")
			if w < 8 || w > 256 {
				t.Fatalf("width_3 = %d, want it in [8, 256]", w)
			}
			if w < 45 { // about the geometric middle of 8 and 257
				lowWidth++
			}
		}
	}
	// A log scale puts half the draws below the geometric middle.
	if f := float64(lowLR) / n; math.Abs(f-0.5) > 0.04 {
		t.Errorf("fraction of lr below the geometric middle = %.3f, want 0.5 ± 0.04", f)
	}
	if f := float64(lowWidth) / float64(widths); math.Abs(f-0.5) > 0.06 {
		t.Errorf("fraction of width_3 below 45 = %.3f, want 0.5 ± 0.06", f)
	}
}

func TestSampleIsDeterministic(t *testing.T) {
	sp := Default()
	a := sp.Sample(rand.New(rand.NewPCG(7, 0)))
	b := sp.Sample(rand.New(rand.NewPCG(7, 0)))
	if !reflect.DeepEqual(a, b) {
		t.Errorf("same seed gave %v and %v, want equal", a, b)
	}
}
