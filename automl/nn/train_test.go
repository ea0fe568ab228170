package nn

import (
	"context"
	"errors"
	"math"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestTrainLearnsXOR(t *testing.T) {
	cfg := baseConfig()
	cfg.Hidden = []int{16, 16}
	train, valid := xorData(400, 1), xorData(200, 2)

	m, hist, err := Train(t.Context(), cfg, Sigmoid, 2, train, valid, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if first, best := hist[0].ValidLoss, hist[m.BestEpoch-1].ValidLoss; !(best < first/3) {
		t.Errorf("validation loss fell from %.4f to %.4f, want below a third", first, best)
	}
	if got := accuracy(m.Predict(valid.X, valid.Rows), valid.Y); got < 0.9 {
		t.Errorf("validation accuracy = %.3f, want >= 0.9", got)
	}
}

func TestTrainBreastCancer(t *testing.T) {
	train, valid := breastCancer(t)
	cfg := baseConfig()
	cfg.Hidden, cfg.Activation, cfg.LearningRate, cfg.Epochs = []int{32}, "relu", 0.01, 20

	m, _, err := Train(t.Context(), cfg, Sigmoid, 2, train, valid, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := accuracy(m.Predict(valid.X, valid.Rows), valid.Y); got < 0.93 {
		t.Errorf("validation accuracy = %.3f, want >= 0.93", got)
	}
}

func TestTrainSoftmax(t *testing.T) {
	train, valid := blobData(300, 1), blobData(150, 2)
	m, _, err := Train(t.Context(), baseConfig(), Softmax, 3, train, valid, Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := m.Predict(valid.X, valid.Rows)
	if len(p) != 3*valid.Rows {
		t.Fatalf("len(Predict) = %d, want %d", len(p), 3*valid.Rows)
	}
	for i := range valid.Rows {
		if sum := p[3*i] + p[3*i+1] + p[3*i+2]; math.Abs(sum-1) > 1e-12 {
			t.Fatalf("row %d: probabilities sum to %v, want 1", i, sum)
		}
	}
	if got := accuracy(p, valid.Y); got < 0.9 {
		t.Errorf("validation accuracy = %.3f, want >= 0.9", got)
	}
}

func TestTrainRegression(t *testing.T) {
	const noise = 0.1
	train, valid := lineData(300, noise, 1), lineData(100, noise, 2)
	cfg := baseConfig()
	cfg.Epochs = 60

	m, _, err := Train(t.Context(), cfg, Linear, 0, train, valid, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mean, _ := targetScale(train.Y)
	if m.TargetMean != mean || !(m.TargetStd > 1) {
		t.Errorf("target scale = (%v, %v), want mean %v and a std above 1", m.TargetMean, m.TargetStd, mean)
	}
	p := m.Predict(valid.X, valid.Rows)
	var ss float64
	for i, y := range valid.Y {
		ss += (p[i] - y) * (p[i] - y)
	}
	if rmse := math.Sqrt(ss / float64(valid.Rows)); rmse > 2*noise {
		t.Errorf("validation RMSE = %.4f, want <= %.2f (twice the noise)", rmse, 2*noise)
	}
	for _, x := range []float64{-0.5, 0, 0.5} {
		if got, want := m.Predict([]float64{x}, 1)[0], 2*x+1; math.Abs(got-want) > 0.15 {
			t.Errorf("Predict(%v) = %.4f, want %.4f ± 0.15", x, got, want)
		}
	}
}

// stripElapsed returns hist without the wall-clock times.
func stripElapsed(hist []Epoch) []Epoch {
	out := append([]Epoch(nil), hist...)
	for i := range out {
		out[i].Elapsed = 0
	}
	return out
}

func TestTrainDeterministic(t *testing.T) {
	cfg := baseConfig()
	cfg.Dropout, cfg.L2, cfg.Epochs = 0.2, 1e-3, 10
	train, valid := xorData(200, 1), xorData(100, 2)
	run := func(seed uint64) (*Model, []Epoch) {
		c := cfg
		c.Seed = seed
		m, hist, err := Train(t.Context(), c, Sigmoid, 2, train, valid, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return m, stripElapsed(hist)
	}

	m1, h1 := run(7)
	m2, h2 := run(7)
	if !reflect.DeepEqual(m1, m2) {
		t.Error("two runs with seed 7 gave different models")
	}
	if !reflect.DeepEqual(h1, h2) {
		t.Error("two runs with seed 7 gave different histories")
	}
	if m3, _ := run(8); reflect.DeepEqual(m1.Layers, m3.Layers) {
		t.Error("seeds 7 and 8 gave the same weights")
	}
}

func TestTrainConcurrentMatchesSequential(t *testing.T) {
	train, valid := xorData(200, 1), xorData(100, 2)
	cfgs := []Config{baseConfig(), baseConfig()}
	cfgs[0].Epochs, cfgs[1].Epochs = 8, 8
	cfgs[1].Hidden, cfgs[1].Activation, cfgs[1].Dropout = []int{8, 8}, "relu", 0.1

	want := make([]*Model, len(cfgs))
	for i, cfg := range cfgs {
		m, _, err := Train(t.Context(), cfg, Sigmoid, 2, train, valid, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want[i] = m
	}
	got := make([]*Model, len(cfgs))
	errs := make([]error, len(cfgs))
	var wg sync.WaitGroup
	for i, cfg := range cfgs {
		wg.Go(func() { got[i], _, errs[i] = Train(t.Context(), cfg, Sigmoid, 2, train, valid, Options{}) })
	}
	wg.Wait()
	for i := range cfgs {
		if errs[i] != nil {
			t.Fatalf("model %d: %v", i, errs[i])
		}
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("model %d trained concurrently differs from the sequential one", i)
		}
	}
}

func TestTrainEarlyStoppingRestoresBest(t *testing.T) {
	// Few noisy rows and a large step size: the validation loss bottoms
	// out early and then rises as the network overfits.
	train, valid := xorData(40, 3), xorData(200, 4)
	for i := 0; i < train.Rows; i += 4 {
		train.Y[i] = 1 - train.Y[i]
	}
	cfg := baseConfig()
	cfg.Hidden, cfg.Activation, cfg.LearningRate = []int{64, 64}, "relu", 0.05
	cfg.Epochs, cfg.Patience, cfg.BatchSize = 300, 5, 8

	m, hist, err := Train(t.Context(), cfg, Sigmoid, 2, train, valid, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) == cfg.Epochs {
		t.Fatalf("trained all %d epochs, want an early stop", cfg.Epochs)
	}
	t.Logf("stopped after %d epochs, best epoch %d", len(hist), m.BestEpoch)
	best := 0
	for i, e := range hist {
		if e.ValidLoss < hist[best].ValidLoss {
			best = i
		}
	}
	if m.BestEpoch != best+1 {
		t.Errorf("BestEpoch = %d, want %d (lowest validation loss)", m.BestEpoch, best+1)
	}
	if got, want := len(hist), m.BestEpoch+cfg.Patience; got != want {
		t.Errorf("trained %d epochs, want BestEpoch+Patience = %d", got, want)
	}
	for i, e := range hist {
		if (e.ValidPred != nil) != (i == best) {
			t.Errorf("epoch %d: ValidPred kept = %v, want it kept only for the best epoch", e.Epoch, e.ValidPred != nil)
		}
	}
	if got, want := m.Predict(valid.X, valid.Rows), hist[best].ValidPred; !reflect.DeepEqual(got, want) {
		t.Error("Predict on the validation rows differs from the best epoch's ValidPred")
	}
}

func TestTrainOnEpochStop(t *testing.T) {
	train, valid := xorData(100, 1), xorData(50, 2)
	var seen []int
	stop := func(e Epoch) bool {
		seen = append(seen, e.Epoch)
		if len(e.ValidPred) != valid.Rows {
			t.Errorf("epoch %d: len(ValidPred) = %d, want %d", e.Epoch, len(e.ValidPred), valid.Rows)
		}
		return e.Epoch == 3
	}
	m, hist, err := Train(t.Context(), baseConfig(), Sigmoid, 2, train, valid, Options{OnEpoch: stop})
	if err != nil {
		t.Fatalf("err = %v, want nil after a stop from OnEpoch", err)
	}
	if m == nil || m.BestEpoch < 1 || m.BestEpoch > 3 {
		t.Fatalf("model = %v, want the best of epochs 1..3", m)
	}
	if len(hist) != 3 || !reflect.DeepEqual(seen, []int{1, 2, 3}) {
		t.Errorf("history has %d epochs and OnEpoch saw %v, want 3 and [1 2 3]", len(hist), seen)
	}
}

func TestTrainCancel(t *testing.T) {
	train, valid := xorData(2000, 1), xorData(100, 2)
	cfg := baseConfig()
	cfg.BatchSize, cfg.Epochs = 4, 1000

	t.Run("after two epochs", func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		onEpoch := func(e Epoch) bool {
			if e.Epoch == 2 {
				cancel()
			}
			return false
		}
		m, hist, err := Train(ctx, cfg, Sigmoid, 2, train, valid, Options{OnEpoch: onEpoch})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
		if m == nil || len(hist) != 2 || m.BestEpoch > 2 {
			t.Errorf("model %v with %d epochs of history, want the best of the 2 finished epochs", m, len(hist))
		}
	})
	t.Run("mid-epoch", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), 30*time.Millisecond)
		defer cancel()
		start := time.Now()
		m, hist, err := Train(ctx, cfg, Sigmoid, 2, train, valid, Options{})
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err = %v, want context.DeadlineExceeded", err)
		}
		if (m == nil) != (len(hist) == 0) {
			t.Errorf("model %v with %d finished epochs, want a model exactly when an epoch finished", m, len(hist))
		}
		if took := time.Since(start); took > 2*time.Second {
			t.Errorf("Train returned %v after the deadline, want within one batch", took)
		}
	})
	t.Run("before the start", func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		m, _, err := Train(ctx, cfg, Sigmoid, 2, train, valid, Options{})
		if m != nil || !errors.Is(err, context.Canceled) {
			t.Errorf("Train = (%v, %v), want (nil, context.Canceled)", m, err)
		}
	})
}

func TestTrainDiverged(t *testing.T) {
	nanX := xorData(64, 1)
	nanX.X[5] = math.NaN()
	huge := baseConfig()
	huge.Optimizer, huge.LearningRate, huge.Activation = "sgd", 1e12, "relu"
	tests := []struct {
		name    string
		cfg     Config
		head    Head
		train   Data
		wantMsg string
	}{
		{"NaN feature", baseConfig(), Sigmoid, nanX, "nn: epoch 1: training loss is NaN"},
		{"huge learning rate", huge, Linear, lineData(64, 0.1, 1), "nn: epoch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _, err := Train(t.Context(), tt.cfg, tt.head, 2, tt.train, Data{}, Options{})
			if !errors.Is(err, ErrDiverged) {
				t.Fatalf("err = %v, want ErrDiverged", err)
			}
			t.Log(err)
			if m != nil || !strings.HasPrefix(err.Error(), tt.wantMsg) {
				t.Errorf("Train = (%v, %q), want (nil, %q...)", m, err, tt.wantMsg)
			}
		})
	}
}

func TestTrainBadData(t *testing.T) {
	good := xorData(20, 1)
	badLabel := xorData(20, 1)
	badLabel.Y[3] = 1.5
	short := xorData(20, 1)
	short.Y = short.Y[:19]
	negWeight := xorData(20, 1)
	negWeight.Weights = make([]float64, 20)
	negWeight.Weights[2] = -1
	tests := []struct {
		name    string
		head    Head
		classes int
		train   Data
		valid   Data
		want    string
	}{
		{"fractional label", Sigmoid, 2, badLabel, Data{Cols: 2}, "train data: row 3: target 1.5"},
		{"short targets", Sigmoid, 2, short, Data{Cols: 2}, "train data: 19 targets for 20 rows"},
		{"negative weight", Sigmoid, 2, negWeight, Data{Cols: 2}, "train data: row 2: weight -1"},
		{"valid columns", Sigmoid, 2, good, Data{Rows: 1, Cols: 3, X: make([]float64, 3), Y: []float64{0}},
			"valid data: 3 values for 1 rows × 3 columns (want 2 columns)"},
		{"no rows", Sigmoid, 2, Data{Cols: 2}, Data{Cols: 2}, "train data: no rows"},
		{"no columns", Sigmoid, 2, Data{Rows: 2, Y: []float64{0, 1}}, Data{}, "train data: no feature columns"},
		{"sigmoid with 3 classes", Sigmoid, 3, good, Data{Cols: 2}, "head sigmoid needs 2 classes, got 3"},
		{"softmax with 1 class", Softmax, 1, good, Data{Cols: 2}, "head softmax needs at least 2 classes, got 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Train(t.Context(), baseConfig(), tt.head, tt.classes, tt.train, tt.valid, Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// TestTrainEdgeShapes trains networks at the edges of the allowed shapes
// (batches and layers of width 1, a single row, four hidden layers) with
// every activation and head, dropout and both penalties, and checks that
// each trains and predicts.
func TestTrainEdgeShapes(t *testing.T) {
	shapes := []struct {
		name   string
		hidden []int
		batch  int
		rows   int
	}{
		{"width 1, batch 1", []int{1}, 1, 5},
		{"one row", []int{3}, 8, 1},
		{"four layers", []int{5, 4, 3, 2}, 2, 7},
	}
	heads := []struct {
		head    Head
		classes int
		data    func(n int) Data
	}{
		{Sigmoid, 2, func(n int) Data { return xorData(n, 5) }},
		{Softmax, 3, func(n int) Data { return blobData(n, 5) }},
		{Linear, 0, func(n int) Data { return lineData(n, 0.1, 5) }},
	}
	for _, s := range shapes {
		for _, h := range heads {
			for _, act := range Activations() {
				cfg := baseConfig()
				cfg.Hidden, cfg.BatchSize, cfg.Activation, cfg.Epochs, cfg.Dropout = s.hidden, s.batch, act, 2, 0.2
				cfg.L1, cfg.L2 = 1e-4, 1e-4
				d := h.data(s.rows)
				m, _, err := Train(t.Context(), cfg, h.head, h.classes, d, d, Options{})
				if err != nil {
					t.Errorf("%s, %v, %s: %v", s.name, h.head, act, err)
					continue
				}
				if got, want := len(m.Predict(d.X, d.Rows)), d.Rows*m.Outputs; got != want {
					t.Errorf("%s, %v, %s: len(Predict) = %d, want %d", s.name, h.head, act, got, want)
				}
			}
		}
	}
}

func TestTrainWithoutValidation(t *testing.T) {
	cfg := baseConfig()
	cfg.Epochs = 8
	m, hist, err := Train(t.Context(), cfg, Sigmoid, 2, xorData(100, 1), Data{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	best := 0
	for i, e := range hist {
		if !math.IsNaN(e.ValidLoss) || e.ValidPred != nil {
			t.Errorf("epoch %d: ValidLoss = %v, ValidPred = %v, want NaN and nil", e.Epoch, e.ValidLoss, e.ValidPred)
		}
		if e.TrainLoss < hist[best].TrainLoss {
			best = i
		}
	}
	if m.BestEpoch != best+1 {
		t.Errorf("BestEpoch = %d, want %d (lowest training loss)", m.BestEpoch, best+1)
	}
}
