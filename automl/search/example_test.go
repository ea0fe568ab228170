package search_test

import (
	"context"
	"fmt"
	"math"

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

// ExampleTPE searches with TPE after two warm-start points, pruning with
// asynchronous successive halving on a learning curve.
func ExampleTPE() {
	sp := space.New(
		space.Float{Name: "learning_rate", Low: 1e-4, High: 1, Log: true},
		space.Int{Name: "width", Low: 8, High: 256, Log: true},
	)
	// A stand-in for training: the curve rises fastest for a learning
	// rate near 0.01 and 64 units.
	objective := func(ctx context.Context, t *search.TrialHandle) (float64, float64, error) {
		p := t.Params()
		quality := 1 / (1 + math.Pow(math.Log10(p.Float("learning_rate"))+2, 2) +
			math.Pow(math.Log2(float64(p.Int("width")))-6, 2)/4)
		value := 0.0
		for epoch := 1; epoch <= 27; epoch++ {
			value = quality * (1 - math.Exp(-float64(epoch)/5))
			if t.Report(epoch, value, nil) {
				break
			}
		}
		return value, 0, nil
	}
	strategy := search.WarmStart{
		Points: []space.Params{{"learning_rate": 1e-3, "width": 128}, {"learning_rate": 0.1, "width": 16}},
		Then:   search.TPE{},
	}
	study, err := search.Run(context.Background(), sp, strategy, objective,
		search.Options{Trials: 60, Seed: 1, Pruner: search.ASHAPruner{}})
	if err != nil {
		fmt.Println(err)
		return
	}
	best, _ := study.Best()
	fmt.Printf("best: learning rate about 1e%.0f, width about 2^%.0f\n",
		math.Log10(best.Params.Float("learning_rate")), math.Log2(float64(best.Params.Int("width"))))
	fmt.Println("pruned most trials:", study.Count(search.Pruned) > 30)
	// Output:
	// best: learning rate about 1e-2, width about 2^6
	// pruned most trials: true
}
