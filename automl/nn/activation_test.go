package nn

import (
	"math"
	"testing"

	G "gorgonia.org/gorgonia"
	"gorgonia.org/tensor"
)

// TestActivationsMatchGorgonia checks that the float64 form Predict uses
// agrees with the graph form training uses, so that a trained network
// predicts what it was trained to.
func TestActivationsMatchGorgonia(t *testing.T) {
	xs := []float64{-30, -3, -1, -0.25, 0, 0.25, 1, 3, 30}
	for _, name := range Activations() {
		t.Run(name, func(t *testing.T) {
			act := activations[name]
			buildMu.Lock()
			g := G.NewGraph()
			x := G.NewVector(g, tensor.Float64, G.WithShape(len(xs)), G.WithName("x"),
				G.WithValue(tensor.New(tensor.WithShape(len(xs)), tensor.WithBacking(append([]float64(nil), xs...)))))
			y, err := act.node(x)
			buildMu.Unlock()
			if err != nil {
				t.Fatal(err)
			}
			var out G.Value
			G.Read(y, &out)
			vm := G.NewTapeMachine(g)
			defer vm.Close()
			if err := vm.RunAll(); err != nil {
				t.Fatal(err)
			}
			graph := out.Data().([]float64)
			for i, v := range xs {
				if got, want := act.eval(v), graph[i]; math.Abs(got-want) > 1e-12*math.Max(1, math.Abs(want)) {
					t.Errorf("%s(%v) = %v, gorgonia gives %v", name, v, got, want)
				}
			}
		})
	}
}
