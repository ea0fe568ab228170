package nn

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestModelJSONRoundTrip(t *testing.T) {
	tests := []struct {
		name         string
		head         Head
		classes      int
		train, valid Data
	}{
		{"sigmoid", Sigmoid, 2, xorData(100, 1), xorData(50, 2)},
		{"softmax", Softmax, 3, blobData(90, 1), blobData(45, 2)},
		{"linear", Linear, 0, lineData(100, 0.1, 1), lineData(50, 0.1, 2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := baseConfig()
			cfg.Epochs, cfg.Dropout, cfg.Activation = 3, 0.3, "elu"
			cfg.Schedule = Schedule{Kind: "cosine", MinLR: 0.001}
			m, _, err := Train(t.Context(), cfg, tt.head, tt.classes, tt.train, tt.valid, Options{})
			if err != nil {
				t.Fatal(err)
			}
			text, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			if want := `"head":"` + tt.name + `"`; !strings.Contains(string(text), want) {
				t.Errorf("JSON lacks %s", want)
			}
			var back Model
			if err := json.Unmarshal(text, &back); err != nil {
				t.Fatal(err)
			}
			if err := back.Validate(); err != nil {
				t.Fatalf("decoded model: Validate() = %v", err)
			}
			if !reflect.DeepEqual(&back, m) {
				t.Error("decoded model differs from the original")
			}
			got, want := back.Predict(tt.valid.X, tt.valid.Rows), m.Predict(tt.valid.X, tt.valid.Rows)
			if !reflect.DeepEqual(got, want) {
				t.Error("decoded model predicts differently")
			}
		})
	}
}

func TestPredictHasNoDropout(t *testing.T) {
	cfg := baseConfig()
	cfg.Dropout, cfg.Epochs = 0.5, 3
	valid := xorData(50, 2)
	m, hist, err := Train(t.Context(), cfg, Sigmoid, 2, xorData(100, 1), valid, Options{})
	if err != nil {
		t.Fatal(err)
	}
	first := m.Predict(valid.X, valid.Rows)
	if again := m.Predict(valid.X, valid.Rows); !reflect.DeepEqual(first, again) {
		t.Error("two Predict calls differ")
	}
	if !reflect.DeepEqual(first, hist[m.BestEpoch-1].ValidPred) {
		t.Error("Predict differs from the best epoch's ValidPred")
	}
}

// TestPredictByHand checks the forward pass on a 2-2-1 network whose
// output is worked out by hand.
func TestPredictByHand(t *testing.T) {
	m := &Model{
		Config: Config{Activation: "relu"}, Head: Linear, Inputs: 2, Outputs: 1,
		Layers: []Layer{
			{In: 2, Out: 2, W: []float64{1, -1, 2, 1}, B: []float64{0, 0.5}},
			{In: 2, Out: 1, W: []float64{3, -2}, B: []float64{1}},
		},
		TargetMean: 10, TargetStd: 2,
	}
	// Row (1, 1): hidden = relu(1+2, −1+1+0.5) = (3, 0.5); output = 9−1+1 = 9;
	// in target units 9·2+10 = 28. Row (−1, 0): hidden = relu(−1, 1.5) =
	// (0, 1.5); output = −3+1 = −2; −2·2+10 = 6.
	got := m.Predict([]float64{1, 1, -1, 0}, 2)
	if want := []float64{28, 6}; !reflect.DeepEqual(got, want) {
		t.Errorf("Predict = %v, want %v", got, want)
	}

	m.Head, m.TargetMean, m.TargetStd = Sigmoid, 0, 1
	if got, want := m.Predict([]float64{1, 1}, 1)[0], 1/(1+math.Exp(-9)); math.Abs(got-want) > 1e-15 {
		t.Errorf("sigmoid Predict = %v, want %v", got, want)
	}
	if got := m.Predict([]float64{math.NaN(), 0}, 1)[0]; !math.IsNaN(got) {
		t.Errorf("Predict of a NaN feature = %v, want NaN", got)
	}
}

func TestModelValidate(t *testing.T) {
	good := func() *Model {
		return &Model{Config: Config{Activation: "tanh"}, Head: Softmax, Inputs: 2, Outputs: 3, TargetStd: 1,
			Layers: []Layer{
				{In: 2, Out: 4, W: make([]float64, 8), B: make([]float64, 4)},
				{In: 4, Out: 3, W: make([]float64, 12), B: make([]float64, 3)},
			}}
	}
	if err := good().Validate(); err != nil {
		t.Fatalf("Validate() = %v, want nil", err)
	}
	tests := []struct {
		name   string
		change func(*Model)
		want   string
	}{
		{"activation", func(m *Model) { m.Config.Activation = "" }, `unknown activation ""`},
		{"head", func(m *Model) { m.Head = 5 }, "unknown head 5"},
		{"no layers", func(m *Model) { m.Layers = nil }, "no layers"},
		{"short weights", func(m *Model) { m.Layers[1].W = m.Layers[1].W[:11] }, "layer 1: 4×3 with 11 weights"},
		{"broken chain", func(m *Model) { m.Inputs = 3 }, "layer 0: 2×4 with 8 weights and 4 biases does not follow a layer of width 3"},
		{"outputs", func(m *Model) { m.Outputs = 2 }, "last layer has 3 outputs, want 2"},
		{"scale", func(m *Model) { m.TargetStd = 0 }, "target scale 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := good()
			tt.change(m)
			if err := m.Validate(); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Validate() = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}
