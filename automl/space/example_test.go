package space_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/tunebook/tunebook/automl/space"
)

func Example() {
	sp := space.New(
		space.Categorical{Name: "optimizer", Choices: []string{"adam", "sgd"}},
		space.Float{Name: "momentum", Low: 0.5, High: 0.9, When: space.OneOf("optimizer", "sgd")},
		space.Float{Name: "learning_rate", Low: 1e-4, High: 1e-1, Log: true},
	)
	if err := sp.Validate(); err != nil {
		fmt.Println(err)
		return
	}

	grid, err := sp.Grid(2)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range grid {
		fmt.Println(p)
	}

	p := sp.Sample(rand.New(rand.NewPCG(1, 2)))
	fmt.Println(p.Has("learning_rate"), p.Has("momentum") == (p.Choice("optimizer") == "sgd"))

	bad := space.New(space.Float{Name: "lr", Low: 0, High: 0.1, Log: true})
	fmt.Println(bad.Validate())
	// Output:
	// learning_rate=0.0001 optimizer=adam
	// learning_rate=0.1 optimizer=adam
	// learning_rate=0.0001 momentum=0.5 optimizer=sgd
	// learning_rate=0.1 momentum=0.5 optimizer=sgd
	// learning_rate=0.0001 momentum=0.9 optimizer=sgd
	// learning_rate=0.1 momentum=0.9 optimizer=sgd
	// true true
	// space: parameter "lr": the low value must be larger than 0 for a log distribution (low=0, high=0.1)
}
