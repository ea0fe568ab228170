package search

import (
	"context"
	"testing"

	"github.com/tunebook/tunebook/automl/space"
)

// BenchmarkTPENext measures one TPE proposal over the default space after
// 1000 finished trials, about what a minute of search on small data tells
// it.
func BenchmarkTPENext(b *testing.B) {
	sp := space.Default()
	sm, err := TPE{}.NewSampler(sp, 1, Minimize)
	if err != nil {
		b.Fatal(err)
	}
	for n := range 1000 {
		p, _ := sm.Next(n)
		v, _, _ := mixedObjective(context.Background(), &TrialHandle{trial: &Trial{Params: p.Params}})
		sm.Tell(Trial{Number: n, Params: p.Params, Status: Complete, Value: v})
	}
	b.ResetTimer()
	for i := range b.N {
		if _, err := sm.Next(1000 + i); err != nil {
			b.Fatal(err)
		}
	}
}
