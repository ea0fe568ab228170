package automl

import (
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/tunebook/tunebook/automl/data"
	"github.com/tunebook/tunebook/automl/space"
)

// Strategies lists the search strategies Run accepts.
var Strategies = []string{"tpe", "random", "grid", "hyperband"}

// Config says what to search for and within which limits. The zero value of
// every optional field means its documented default.
type Config struct {
	// Target is the name of the column to predict.
	Target string
	// Task forces the task; empty means infer it from the target column.
	Task string
	// Metric is the objective on the validation split; empty means auc for
	// binary, accuracy for multiclass and rmse for regression tasks.
	Metric string
	// Strategy is one of Strategies; empty means tpe: a warm start from
	// space.Portfolio, then the Tree-structured Parzen Estimator, pruning
	// with asynchronous successive halving.
	Strategy string
	// Trials caps the number of network trials; 0 means 30, or no cap when
	// Budget is set.
	Trials int
	// Budget caps the wall-clock time of the search; 0 means no cap.
	Budget time.Duration
	// Parallel is the number of trials run at once; 0 means 1.
	Parallel int
	// Seed makes splits, initial weights, dropout and sampling repeatable.
	Seed uint64
	// Space is the search space; nil means space.Default().
	Space *space.Space
	// ValidFraction and TestFraction size the validation and test splits;
	// 0 means 0.2 each.
	ValidFraction, TestFraction float64
	// Ordered splits the rows in file order (training rows first, then
	// validation, then test rows) instead of at random, as benchmarks that
	// share a fixed split with other tools need.
	Ordered bool
	// Split, when set, gives the rows of each part explicitly (0-based data
	// rows), for comparisons that must share a split with another tool.
	Split *RowSplit
	// NoTest leaves out the test split, for Train only: the validation rows
	// then serve for the final evaluation too.
	NoTest bool
	// Folds, when 2 or more, cross-validates the tested model's
	// configuration and the best baseline after the search, with stratified
	// K-fold over the training and validation rows (see CrossValidation).
	Folds int
	// MaxEpochs caps training epochs per trial; 0 means 100.
	MaxEpochs int
	// Patience is the early-stopping patience in epochs; 0 means 10.
	Patience int
	// ClassWeights is "auto" (balanced when the rarest class has less than
	// a third of the most common one), "balanced" or "none"; empty means auto.
	ClassWeights string
	// Drop names feature columns to leave out, such as leaking ones.
	Drop []string
	// DataOptions configures how CSV values are read into the frame.
	DataOptions data.Options
	// OnTrial, when set, is called after each finished trial, one call at a
	// time, with the state of the search.
	OnTrial func(Progress)
	// Logger receives diagnostics; nil discards them.
	Logger *slog.Logger
}

// withDefaults returns c with every zero optional field set to its default.
func (c Config) withDefaults(task data.Task) Config {
	if c.Metric == "" {
		c.Metric = defaultMetric(task)
	}
	if c.Strategy == "" {
		c.Strategy = "tpe"
	}
	if c.Trials == 0 && c.Budget == 0 {
		c.Trials = 30
	}
	if c.Parallel <= 0 {
		c.Parallel = 1
	}
	if c.Space == nil {
		c.Space = DefaultSpace(c.Strategy)
	}
	if c.ValidFraction == 0 {
		c.ValidFraction = 0.2
	}
	if c.TestFraction == 0 {
		c.TestFraction = 0.2
	}
	if c.MaxEpochs == 0 {
		c.MaxEpochs = 100
	}
	if c.Patience == 0 {
		c.Patience = 10
	}
	if c.ClassWeights == "" {
		c.ClassWeights = "auto"
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return c
}

// validate checks the settings that do not depend on the data.
func (c Config) validate(task data.Task) error {
	if c.Target == "" {
		return fmt.Errorf("automl: no target column given")
	}
	if _, err := objectiveFor(c.Metric, task); err != nil {
		return err
	}
	if !slices.Contains(Strategies, c.Strategy) {
		return fmt.Errorf("automl: unknown strategy %q (want one of %s)", c.Strategy, strings.Join(Strategies, ", "))
	}
	switch c.ClassWeights {
	case "auto", "balanced", "none":
	default:
		return fmt.Errorf("automl: unknown class weights %q (want auto, balanced or none)", c.ClassWeights)
	}
	if c.Folds < 0 || c.Folds == 1 {
		return fmt.Errorf("automl: folds must be 0 (off) or at least 2, not %d", c.Folds)
	}
	if c.Trials < 0 || c.Budget < 0 {
		return fmt.Errorf("automl: trials (%d) and budget (%s) must not be negative", c.Trials, c.Budget)
	}
	if c.ValidFraction <= 0 || (c.TestFraction <= 0 && !c.NoTest) || c.ValidFraction+c.TestFraction >= 0.9 {
		return fmt.Errorf("automl: validation (%g) and test (%g) fractions must be positive and leave at least 10%% to train",
			c.ValidFraction, c.TestFraction)
	}
	return nil
}

// DefaultSpace returns the space a strategy searches when the user gives
// none: space.Default() for TPE, random search and Hyperband, and for grid search
// the default space cut
// to 48 points at two values per continuous parameter (one or two layers of
// 32 or 128 units, ReLU or tanh, two learning rates, with and without
// dropout), since the full default space has far too many grid points.
func DefaultSpace(strategy string) *space.Space {
	s := space.Default()
	if strategy != "grid" {
		return s
	}
	err := s.Override("layers=1:2,width_1=32|128,width_2=32|128,activation=relu|tanh," +
		"learning_rate=1e-3:1e-2:log,dropout=0:0.2,penalty=none,optimizer=adam,schedule=constant,batch_size=64")
	if err != nil {
		panic("automl: grid space: " + err.Error())
	}
	return s
}

// RowSplit names the data rows (0-based, header excluded) of each part of
// a split.
type RowSplit struct {
	Train []int `json:"train"`
	Valid []int `json:"val"`
	Test  []int `json:"test"`
}

// check reports a row outside [0, rows) or a row in two parts.
func (s *RowSplit) check(rows int) error {
	seen := make(map[int]string, rows)
	for _, part := range []struct {
		name string
		rows []int
	}{{"train", s.Train}, {"val", s.Valid}, {"test", s.Test}} {
		if len(part.rows) == 0 {
			return fmt.Errorf("automl: split: part %q is empty", part.name)
		}
		for _, r := range part.rows {
			if r < 0 || r >= rows {
				return fmt.Errorf("automl: split: part %q: row %d is outside 0..%d", part.name, r, rows-1)
			}
			if other, dup := seen[r]; dup {
				return fmt.Errorf("automl: split: row %d is in both %q and %q", r, other, part.name)
			}
			seen[r] = part.name
		}
	}
	return nil
}
