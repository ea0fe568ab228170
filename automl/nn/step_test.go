package nn

import (
	"math"
	"math/rand/v2"
	"reflect"
	"runtime"
	"testing"
)

func TestFillMasks(t *testing.T) {
	const p = 0.25
	mask := make([]float32, 100001) // not a multiple of 4
	tr := &trainer{cfg: Config{Dropout: p}, nw: &network{masks: [][]float32{mask}, words: make([]uint64, (len(mask)+3)/4)},
		dropout: rand.NewPCG(1, streamDropout)}
	tr.fillMasks()
	var zeros int
	var sum float64
	for i, v := range mask {
		switch v {
		case 0:
			zeros++
		case 1 / (1 - p):
		default:
			t.Fatalf("mask[%d] = %v, want 0 or %v", i, v, 1/(1-p))
		}
		sum += float64(v)
	}
	if got := float64(zeros) / float64(len(mask)); math.Abs(got-p) > 0.01 {
		t.Errorf("dropped share = %.4f, want %v ± 0.01", got, p)
	}
	if mean := sum / float64(len(mask)); math.Abs(mean-1) > 0.01 {
		t.Errorf("mean mask value = %.4f, want 1 ± 0.01 (inverted dropout)", mean)
	}
}

// TestBatchLossWeighting trains with a negligible learning rate, so the
// network barely moves, and checks that the float32 training loss equals
// the float64 loss on the same rows whatever the batch size: every row
// counts once per epoch with its sample weight, and the rows that pad the
// last batch count for nothing.
func TestBatchLossWeighting(t *testing.T) {
	tests := []struct {
		name    string
		head    Head
		classes int
		data    Data
	}{
		{"sigmoid", Sigmoid, 2, xorData(10, 1)},
		{"softmax", Softmax, 3, blobData(10, 1)},
		{"linear", Linear, 0, lineData(10, 0.1, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := tt.data
			d.Weights = []float64{0.5, 2, 1, 0, 3, 1, 1, 0.25, 1, 1.25}
			for _, batch := range []int{3, 4, 10, 64} {
				cfg := baseConfig()
				cfg.Optimizer, cfg.LearningRate, cfg.Epochs, cfg.BatchSize = "sgd", 1e-12, 1, batch
				_, hist, err := Train(t.Context(), cfg, tt.head, tt.classes, d, d, Options{})
				if err != nil {
					t.Fatal(err)
				}
				if got, want := hist[0].TrainLoss, hist[0].ValidLoss; math.Abs(got-want) > 1e-5*want {
					t.Errorf("batch size %d: TrainLoss = %.7f, want ValidLoss %.7f", batch, got, want)
				}
			}
		})
	}
}

func TestUnitWeightsEqualNoWeights(t *testing.T) {
	train, valid := xorData(50, 1), xorData(20, 2)
	cfg := baseConfig()
	cfg.Epochs = 3
	m1, _, err := Train(t.Context(), cfg, Sigmoid, 2, train, valid, Options{})
	if err != nil {
		t.Fatal(err)
	}
	train.Weights = make([]float64, train.Rows)
	for i := range train.Weights {
		train.Weights[i] = 1
	}
	m2, _, err := Train(t.Context(), cfg, Sigmoid, 2, train, valid, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m1, m2) {
		t.Error("weights of 1 trained a different model than no weights")
	}
}

func TestPenaltiesShrinkWeights(t *testing.T) {
	train, valid := xorData(100, 1), xorData(50, 2)
	norm := func(m *Model, p float64) float64 {
		var s float64
		for _, l := range m.Layers {
			for _, w := range l.W {
				s += math.Pow(math.Abs(w), p)
			}
		}
		return s
	}
	plain := baseConfig()
	plain.Epochs = 10
	m0, _, err := Train(t.Context(), plain, Sigmoid, 2, train, valid, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		set  func(*Config)
		p    float64
	}{
		{"L1", func(c *Config) { c.L1 = 0.01 }, 1},
		{"L2", func(c *Config) { c.L2 = 0.01 }, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := plain
			tt.set(&cfg)
			m, _, err := Train(t.Context(), cfg, Sigmoid, 2, train, valid, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got, without := norm(m, tt.p), norm(m0, tt.p); !(got < 0.8*without) {
				t.Errorf("Σ|w|^%v = %.3f, want below 80%% of %.3f (no penalty)", tt.p, got, without)
			}
		})
	}
}

func TestOptimizersLearn(t *testing.T) {
	train, valid := breastCancer(t)
	tests := []struct {
		optimizer string
		rate      float64
		momentum  float64
	}{
		{"adam", 0.01, 0},
		{"sgd", 0.1, 0},
		{"sgd", 0.02, 0.9},
		{"rmsprop", 0.005, 0},
	}
	for _, tt := range tests {
		cfg := baseConfig()
		cfg.Optimizer, cfg.LearningRate, cfg.Momentum, cfg.Epochs = tt.optimizer, tt.rate, tt.momentum, 10
		m, hist, err := Train(t.Context(), cfg, Sigmoid, 2, train, valid, Options{})
		if err != nil {
			t.Fatalf("%s: %v", tt.optimizer, err)
		}
		if got := hist[m.BestEpoch-1].ValidLoss; got > 0.15 {
			t.Errorf("%s momentum %v: best validation loss = %.4f, want <= 0.15", tt.optimizer, tt.momentum, got)
		}
	}
}

// TestTrainMemoryFlat trains many models one after another and checks that
// the heap does not grow with their number: every graph and machine must
// be collectable once Train returns.
func TestTrainMemoryFlat(t *testing.T) {
	train, valid := breastCancer(t)
	cfg := baseConfig()
	cfg.Hidden, cfg.Epochs, cfg.Dropout, cfg.L2 = []int{64, 64}, 2, 0.1, 1e-4
	heap := func() float64 {
		runtime.GC()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return float64(ms.HeapAlloc) / (1 << 20)
	}
	const warmup, models = 5, 25
	var before float64
	for i := range models {
		if i == warmup {
			before = heap()
		}
		cfg.Seed = uint64(i)
		if _, _, err := Train(t.Context(), cfg, Sigmoid, 2, train, valid, Options{}); err != nil {
			t.Fatal(err)
		}
	}
	after := heap()
	t.Logf("HeapAlloc after %d models: %.2f MiB, after %d: %.2f MiB", warmup, before, models, after)
	if after-before > 2 {
		t.Errorf("heap grew by %.2f MiB over %d models, want under 2 MiB", after-before, models-warmup)
	}
}
