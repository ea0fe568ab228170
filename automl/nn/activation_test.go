package nn

import (
	"math"
	"testing"
)

// TestActivationForms checks that each activation's float32 training form
// agrees with the float64 form Predict uses, so that a trained network
// predicts what it was trained to, and that its backward form is the
// derivative of the float64 form (by central differences).
func TestActivationForms(t *testing.T) {
	xs := []float32{-30, -3, -1, -0.25, 0.25, 1, 3, 30}
	for _, name := range Activations() {
		t.Run(name, func(t *testing.T) {
			act := activations[name]
			a := make([]float32, len(xs))
			act.forward(xs, a)
			g := make([]float32, len(xs))
			for i := range g {
				g[i] = 1
			}
			act.backward(xs, a, g)
			for i, x := range xs {
				want := act.eval(float64(x))
				if got := float64(a[i]); math.Abs(got-want) > 1e-6*math.Max(1, math.Abs(want)) {
					t.Errorf("forward(%v) = %v, eval gives %v", x, got, want)
				}
				const h = 1e-6
				slope := (act.eval(float64(x)+h) - act.eval(float64(x)-h)) / (2 * h)
				if got := float64(g[i]); math.Abs(got-slope) > 1e-5*math.Max(1, math.Abs(slope)) {
					t.Errorf("derivative at %v = %v, central difference gives %v", x, got, slope)
				}
			}
		})
	}
}
