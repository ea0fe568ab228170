package automl

import (
	"context"
	"math"
	"testing"

	"github.com/tunebook/tunebook/automl/nn"
	"github.com/tunebook/tunebook/automl/space"
)

// TestValidPredictionsMatchPredict checks that the validation scores the
// objective reuses from training are the returned model's own.
func TestValidPredictionsMatchPredict(t *testing.T) {
	r, _, err := prepare(readDataset(t, "breast_cancer.csv"), quick("target"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := networkConfig(space.Default().Portfolio()[0], 8, 3, 1)
	model, history, err := nn.Train(context.Background(), cfg, r.head, r.classes, r.train, r.valid, nn.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, want := validPredictions(model, history, r.valid), model.Predict(r.valid.X, r.valid.Rows)
	if len(got) != len(want) {
		t.Fatalf("%d validation scores, want %d", len(got), len(want))
	}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Fatalf("score %d = %v from training, %v from Predict; want equal within 1e-12", i, got[i], want[i])
		}
	}
	if got := validPredictions(model, nil, r.valid); len(got) != len(want) || got[0] != want[0] {
		t.Errorf("without a history: %d scores starting %v, want Predict's", len(got), got[0])
	}
}
