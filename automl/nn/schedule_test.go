package nn

import (
	"math"
	"reflect"
	"testing"
)

func TestSchedulerRates(t *testing.T) {
	tests := []struct {
		name   string
		s      Schedule
		base   float64
		epochs int
		losses []float64 // monitored loss after each epoch; nil for none
		want   []float64
	}{
		{"constant", Schedule{}, 0.1, 4, nil, []float64{0.1, 0.1, 0.1, 0.1}},
		{"step", Schedule{Kind: "step", StepSize: 2, Gamma: 0.5}, 0.1, 6, nil,
			[]float64{0.1, 0.1, 0.05, 0.05, 0.025, 0.025}},
		{"step with floor", Schedule{Kind: "step", StepSize: 1, Gamma: 0.1, MinLR: 0.002}, 1, 4, nil,
			[]float64{1, 0.1, 0.01, 0.002}},
		{"exponential", Schedule{Kind: "exponential", Gamma: 0.9}, 1, 4, nil,
			[]float64{1, 0.9, 0.81, 0.729}},
		// η_e = MinLR + (η₀−MinLR)(1+cos(π(e−1)/5))/2, with cos(π/5) = (1+√5)/4
		// and cos(2π/5) = (√5−1)/4.
		{"cosine", Schedule{Kind: "cosine", MinLR: 0.1}, 1.1, 5, nil, []float64{
			1.1, 0.1 + 0.5*(1+(1+math.Sqrt(5))/4), 0.1 + 0.5*(1+(math.Sqrt(5)-1)/4),
			0.1 + 0.5*(1-(math.Sqrt(5)-1)/4), 0.1 + 0.5*(1-(1+math.Sqrt(5))/4)}},
		// Patience 1: the rate halves on the second epoch in a row without a
		// new lowest loss (NaN counts as none) and stops at MinLR.
		{"plateau", Schedule{Kind: "plateau", Gamma: 0.5, Patience: 1, MinLR: 0.2}, 1, 10,
			[]float64{3, 2, 2, 2.5, 1, 1.5, math.NaN(), 1, 1, 1},
			[]float64{1, 1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := newScheduler(tt.s, tt.base, tt.epochs)
			for e := 1; e <= tt.epochs; e++ {
				if got := sc.rate(e); math.Abs(got-tt.want[e-1]) > 1e-12 {
					t.Errorf("epoch %d: rate = %v, want %v", e, got, tt.want[e-1])
				}
				if tt.losses != nil {
					sc.observe(tt.losses[e-1])
				}
			}
		})
	}
}

// TestTrainFollowsSchedule checks that each epoch records the scheduled
// rate and that the optimizer uses it: a step schedule trains epoch 1 like
// a constant rate and later epochs differently.
func TestTrainFollowsSchedule(t *testing.T) {
	cfg := baseConfig()
	cfg.Epochs, cfg.LearningRate = 4, 0.08
	train, valid := xorData(64, 1), xorData(32, 2)
	preds := func(s Schedule) ([][]float64, []Epoch) {
		c := cfg
		c.Schedule = s
		var out [][]float64
		keep := func(e Epoch) bool { out = append(out, e.ValidPred); return false }
		_, hist, err := Train(t.Context(), c, Sigmoid, 2, train, valid, Options{OnEpoch: keep})
		if err != nil {
			t.Fatal(err)
		}
		return out, hist
	}

	constant, _ := preds(Schedule{})
	stepped, hist := preds(Schedule{Kind: "step", StepSize: 1, Gamma: 0.5})
	for i, want := range []float64{0.08, 0.04, 0.02, 0.01} {
		if got := hist[i].LearningRate; got != want {
			t.Errorf("epoch %d: LearningRate = %v, want %v", i+1, got, want)
		}
	}
	if !reflect.DeepEqual(constant[0], stepped[0]) {
		t.Error("epoch 1 differs between the constant and the step schedule, want equal (same rate)")
	}
	if reflect.DeepEqual(constant[1], stepped[1]) {
		t.Error("epoch 2 is equal under the constant and the step schedule, want different (halved rate)")
	}
}
