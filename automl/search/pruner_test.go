package search

import (
	"math"
	"testing"
)

func curveTrial(values ...float64) Trial {
	t := Trial{Status: Complete}
	for i, v := range values {
		t.Intermediate = append(t.Intermediate, Report{Step: i, Value: v})
	}
	return t
}

func TestMedianPruner(t *testing.T) {
	done := []Trial{curveTrial(1, 0.8), curveTrial(0.9, 0.7), curveTrial(0.5, 0.3)}
	tests := []struct {
		name   string
		pruner MedianPruner
		dir    Direction
		done   []Trial
		curve  []float64
		want   bool
	}{
		{"worse than median", MedianPruner{}, Minimize, done, []float64{0.95, 0.9}, true},
		{"better than median", MedianPruner{}, Minimize, done, []float64{0.95, 0.6}, false},
		{"best so far counts", MedianPruner{}, Minimize, done, []float64{0.5, 0.9}, false},
		{"startup trials", MedianPruner{StartupTrials: 4}, Minimize, done, []float64{2, 2}, false},
		{"warmup steps", MedianPruner{WarmupSteps: 2}, Minimize, done, []float64{2, 2}, false},
		{"no trials yet", MedianPruner{}, Minimize, nil, []float64{2}, false},
		{"no values at step", MedianPruner{}, Minimize, done, []float64{2, 2, 2}, false},
		{"all NaN so far", MedianPruner{}, Minimize, done, []float64{math.NaN()}, true},
		{"maximize worse", MedianPruner{}, Maximize, done, []float64{0.1, 0.2}, true},
		{"maximize better", MedianPruner{}, Maximize, done, []float64{0.1, 0.8}, false},
	}
	for _, tt := range tests {
		tr := curveTrial(tt.curve...)
		step := len(tt.curve) - 1
		got := tt.pruner.Prune(View{Direction: tt.dir, Completed: tt.done}, tr, step, tt.curve[step])
		if got != tt.want {
			t.Errorf("%s: Prune() = %v, want %v", tt.name, got, tt.want)
		}
	}
	if (NopPruner{}).Prune(View{Completed: done}, curveTrial(9, 9), 1, 9) {
		t.Errorf("NopPruner pruned, want never")
	}
}
