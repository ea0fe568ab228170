package nn

import (
	"context"
	"math/rand/v2"
	"testing"
)

// benchData returns n rows of 32 standard normal features with a binary
// target from a fixed linear rule.
func benchData(n int) Data {
	const cols = 32
	r := rand.New(rand.NewPCG(7, 7))
	d := Data{Rows: n, Cols: cols, X: make([]float64, n*cols), Y: make([]float64, n)}
	for i := range n {
		var s float64
		for j := range cols {
			v := r.NormFloat64()
			d.X[i*cols+j] = v
			s += v / float64(j+1)
		}
		if s > 0 {
			d.Y[i] = 1
		}
	}
	return d
}

func benchConfig() Config {
	return Config{Hidden: []int{128, 128}, Activation: "relu", Optimizer: "adam",
		LearningRate: 1e-3, BatchSize: 256, Epochs: 1, Seed: 1, Dropout: 0.1}
}

// BenchmarkTrainStep measures one Adam step of a 32-128-128-1 ReLU network
// with dropout 0.1 on a batch of 256 rows, the network of
// bench/train_throughput.sh.
func BenchmarkTrainStep(b *testing.B) {
	cfg := benchConfig()
	d := benchData(10000)
	nw := newNetwork(shapeOf(cfg, Sigmoid, d.Cols, 1, cfg.BatchSize), cfg)
	tr := newTrainer(cfg, nw, d, Data{}, Options{})
	opt := tr.start()
	order := make([]int, d.Rows)
	for i := range order {
		order[i] = i
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := (i * cfg.BatchSize) % (d.Rows - cfg.BatchSize)
		tr.fill(order[start : start+cfg.BatchSize])
		tr.trainStep(opt)
	}
	b.ReportMetric(float64(b.N*cfg.BatchSize)/b.Elapsed().Seconds(), "samples/s")
}

// BenchmarkEpoch measures one epoch of Train, the allocation of the
// network and the validation pass included, on 10 000 rows (8 000 train,
// 2 000 valid).
func BenchmarkEpoch(b *testing.B) {
	cfg := benchConfig()
	d := benchData(10000)
	train, valid := d, d
	train.Rows, train.X, train.Y = 8000, d.X[:8000*d.Cols], d.Y[:8000]
	valid.Rows, valid.X, valid.Y = 2000, d.X[8000*d.Cols:], d.Y[8000:]
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Train(context.Background(), cfg, Sigmoid, 2, train, valid, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*train.Rows)/b.Elapsed().Seconds(), "samples/s")
}
