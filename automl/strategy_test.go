package automl

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/tunebook/tunebook/automl/search"
	"github.com/tunebook/tunebook/automl/space"
)

func TestRunTPEStartsFromThePortfolio(t *testing.T) {
	cfg := quick("target")
	cfg.Strategy, cfg.Trials = "tpe", 6
	cfg.Space = space.Default()
	if err := cfg.Space.Override("layers=1:2"); err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), readDataset(t, "breast_cancer.csv"), cfg)
	if err != nil {
		t.Fatal(err)
	}
	portfolio := cfg.Space.Portfolio()
	if len(portfolio) == 0 || len(portfolio) >= cfg.Trials {
		t.Fatalf("portfolio of the narrowed space has %d entries, want 1..%d", len(portfolio), cfg.Trials-1)
	}
	for i, tr := range res.Study.Trials {
		warm := i < len(portfolio)
		if got := tr.Attrs["warm_start"] == true; got != warm {
			t.Errorf("trial %d: warm_start = %v, want %v", i, got, warm)
		}
		if warm && tr.Params.String() != portfolio[i].String() {
			t.Errorf("trial %d = %s, want portfolio entry %s", i, tr.Params, portfolio[i])
		}
		if tr.Params.Int("layers") > 2 {
			t.Errorf("trial %d has %d layers, want at most 2 as the space says", i, tr.Params.Int("layers"))
		}
	}
}

// TestTiesBrokenByValidationLogLoss runs on iris, where several networks
// of an easy space reach a validation AUC of 1: they must rank by
// validation log loss.
func TestTiesBrokenByValidationLogLoss(t *testing.T) {
	sp := space.Default()
	err := sp.Override("layers=1,width_1=16:64:log,activation=relu|tanh,optimizer=adam," +
		"learning_rate=3e-3:3e-2:log,penalty=none,dropout=0:0.1,schedule=constant")
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Target: "target", Metric: "auc", Strategy: "random", Space: sp, Trials: 8,
		MaxEpochs: 30, Seed: 2,
		NoTest: true} // the test evaluation then scores the validation rows
	res, err := Run(context.Background(), readDataset(t, "iris.csv"), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var perfect []Entry
	for _, e := range res.Leaderboard {
		if e.Value == 1 {
			perfect = append(perfect, e)
		}
	}
	if len(perfect) < 2 {
		t.Fatalf("%d leaderboard entries with validation AUC 1, want several for this test", len(perfect))
	}
	for i, e := range perfect {
		if e.Rank != i+1 {
			t.Errorf("%s (AUC 1) has rank %d, want %d: perfect scores first", e.Name, e.Rank, i+1)
		}
		if i > 0 && !(e.Tiebreak >= perfect[i-1].Tiebreak) {
			t.Errorf("%s (log loss %.4f) ranks after %s (%.4f), want lower log loss first",
				e.Name, e.Tiebreak, perfect[i-1].Name, perfect[i-1].Tiebreak)
		}
	}
	if res.Best.Name != perfect[0].Name {
		t.Errorf("tested model = %s, want %s, the perfect one with the lowest log loss", res.Best.Name, perfect[0].Name)
	}
	best, err := res.Study.Best()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range perfect {
		if e.Trial >= 0 {
			if best.Number != e.Trial {
				t.Errorf("study's best trial = %d, want %d, the first network on the leaderboard", best.Number, e.Trial)
			}
			break
		}
	}
	// The tiebreak is the validation log loss of the tested model.
	if ll, ok := res.Test.Value("logloss"); !ok || math.Abs(ll-res.Best.Tiebreak) > 1e-9 {
		t.Errorf("validation log loss of the tested model = %v (%v), want its tiebreak %v", ll, ok, res.Best.Tiebreak)
	}
}

// TestRunKeepsToItsBudget is the package's only slow test: a search with a
// 5-second budget returns within 7 seconds, with its best network tested.
func TestRunKeepsToItsBudget(t *testing.T) {
	frame := readDataset(t, "breast_cancer.csv")
	cfg := Config{Target: "target", Budget: 5 * time.Second, Seed: 3}
	start := time.Now()
	res, err := Run(context.Background(), frame, cfg)
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("returned after %v with %d trials", elapsed, len(res.Study.Trials))
	if elapsed > 7*time.Second {
		t.Errorf("Run took %v with a 5s budget, want at most 7s", elapsed)
	}
	if res.Study.Count(search.Complete) == 0 || res.Test == nil {
		t.Errorf("%d complete trials, test evaluation %v; want a tested model", res.Study.Count(search.Complete), res.Test)
	}
	for _, tr := range res.Study.Trials {
		if tr.Status == search.Failed && strings.Contains(tr.Err, "did not return") {
			t.Errorf("trial %d was abandoned at the deadline (%s), want it stopped with its best epoch", tr.Number, tr.Err)
		}
	}
}
