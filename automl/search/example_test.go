package search_test

import (
	"context"
	"fmt"

	"github.com/tunebook/tunebook/automl/search"
	"github.com/tunebook/tunebook/automl/space"
)

func Example() {
	sp := space.New(
		space.Int{Name: "layers", Low: 1, High: 3},
		space.Categorical{Name: "optimizer", Choices: []string{"adam", "sgd"}},
	)
	// A cheap stand-in for training: best at 2 layers with adam.
	objective := func(ctx context.Context, t *search.TrialHandle) (float64, float64, error) {
		p := t.Params()
		loss := float64((p.Int("layers") - 2) * (p.Int("layers") - 2))
		if p.Choice("optimizer") == "sgd" {
			loss += 0.5
		}
		return loss, 0, nil
	}

	study, err := search.Run(context.Background(), sp, search.Grid{}, objective,
		search.Options{Direction: search.Minimize})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range study.Leaderboard(3) {
		fmt.Printf("trial %d: %s -> %g\n", t.Number, t.Params, t.Value)
	}
	// Output:
	// trial 2: layers=2 optimizer=adam -> 0
	// trial 3: layers=2 optimizer=sgd -> 0.5
	// trial 0: layers=1 optimizer=adam -> 1
}
