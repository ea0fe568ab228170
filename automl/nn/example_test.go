package nn_test

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/tunebook/tunebook/automl/nn"
)

// Example trains a small network on the XOR pattern, which no linear
// model can learn, and classifies the four corners of the square.
func Example() {
	r := rand.New(rand.NewPCG(1, 2))
	makeData := func(n int) nn.Data {
		d := nn.Data{Rows: n, Cols: 2, X: make([]float64, 2*n), Y: make([]float64, n)}
		for i := range n {
			a, b := 2*r.Float64()-1, 2*r.Float64()-1
			d.X[2*i], d.X[2*i+1] = a, b
			if a*b > 0 {
				d.Y[i] = 1
			}
		}
		return d
	}
	cfg := nn.Config{
		Hidden: []int{16, 16}, Activation: "tanh",
		Optimizer: "adam", LearningRate: 0.03,
		BatchSize: 32, Epochs: 60, Patience: 10, Seed: 1,
	}

	m, _, err := nn.Train(context.Background(), cfg, nn.Sigmoid, 2, makeData(400), makeData(200), nn.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	corners := []float64{0.8, 0.8, -0.8, 0.8, -0.8, -0.8, 0.8, -0.8}
	for i, p := range m.Predict(corners, 4) {
		fmt.Printf("(%+.1f, %+.1f): class %d\n", corners[2*i], corners[2*i+1], int(p+0.5))
	}
	// Output:
	// (+0.8, +0.8): class 1
	// (-0.8, +0.8): class 0
	// (-0.8, -0.8): class 1
	// (+0.8, -0.8): class 0
}
