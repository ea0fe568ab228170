package prep

import (
	"errors"
	"fmt"
	"slices"

	"github.com/tunebook/tunebook/automl/data"
)

// ErrTooFewRows reports a class (or a data set) with fewer rows than a
// split needs.
var ErrTooFewRows = errors.New("prep: too few rows")

// Fold is one fold of a K-fold cross-validation: the rows to train on and
// the rows to evaluate on, each in increasing order.
type Fold struct {
	Train, Test []int
}

// Folds returns k cross-validation folds of the rows of y: stratified
// (StratifiedKFold) for Binary and Multiclass tasks, plain shuffled K-fold
// for Regression. Rows whose y is NaN are left out of every fold.
func Folds(y []float64, task data.Task, k int, seed uint64, names ...string) ([]Fold, error) {
	switch {
	case task.IsClassification():
		return StratifiedKFold(y, k, seed, names...)
	case task == data.Regression:
		return kFold(y, k, seed)
	}
	return nil, fmt.Errorf("prep: invalid task %v", task)
}

// StratifiedKFold splits the rows of y, which holds class indices, into k
// folds that each hold about 1/k of every class, following scikit-learn's
// StratifiedKFold(shuffle=True): classes are numbered in order of first
// appearance, the i-th fold receives the class counts of every k-th entry
// of the sorted class numbers starting at entry i, and each class's rows
// are dealt to folds in a random order. The per-fold class counts are
// therefore exactly scikit-learn's. Rows whose y is NaN are left out.
//
// Where scikit-learn only warns, StratifiedKFold fails, with an error
// wrapping ErrTooFewRows that names the class, when a class has fewer than
// k rows: some test fold would lack that class. names, when given, are
// the class names used in the error.
func StratifiedKFold(y []float64, k int, seed uint64, names ...string) ([]Fold, error) {
	rows, _ := labeledRows(y)
	if err := checkFolds(len(rows), k); err != nil {
		return nil, err
	}
	members, err := classMembers(y, rows, names)
	if err != nil {
		return nil, err
	}
	for c, m := range members {
		if len(m) > 0 && len(m) < k {
			return nil, fmt.Errorf("%w: class %s has %d rows, fewer than the %d folds; use fewer folds or merge rare classes",
				ErrTooFewRows, className(c, names), len(m), k)
		}
	}

	// Number the classes by first appearance, as scikit-learn does.
	var order []int
	seen := make([]bool, len(members))
	for _, r := range rows {
		if c := int(y[r]); !seen[c] {
			seen[c] = true
			order = append(order, c)
		}
	}
	// allocation[i][j] is how many rows of the j-th class (in order) fold i
	// tests: the sorted class numbers dealt round-robin to the folds.
	allocation := make([][]int, k)
	for i := range allocation {
		allocation[i] = make([]int, len(order))
	}
	pos := 0
	for j, c := range order {
		for range members[c] {
			allocation[pos%k][j]++
			pos++
		}
	}

	rng := newRand(seed)
	testFold := make(map[int]int, len(rows))
	for j, c := range order {
		var deal []int
		for i := range k {
			for range allocation[i][j] {
				deal = append(deal, i)
			}
		}
		rng.Shuffle(len(deal), func(a, b int) { deal[a], deal[b] = deal[b], deal[a] })
		for t, r := range members[c] {
			testFold[r] = deal[t]
		}
	}
	return foldsFrom(rows, testFold, k), nil
}

// kFold deals the shuffled rows of y into k folds of nearly equal size, the
// first n mod k folds one row larger, as scikit-learn's KFold(shuffle=True).
func kFold(y []float64, k int, seed uint64) ([]Fold, error) {
	rows, _ := labeledRows(y)
	if err := checkFolds(len(rows), k); err != nil {
		return nil, err
	}
	perm := slices.Clone(rows)
	newRand(seed).Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
	testFold := make(map[int]int, len(rows))
	start := 0
	for i := range k {
		size := len(rows) / k
		if i < len(rows)%k {
			size++
		}
		for _, r := range perm[start : start+size] {
			testFold[r] = i
		}
		start += size
	}
	return foldsFrom(rows, testFold, k), nil
}

func checkFolds(n, k int) error {
	if k < 2 {
		return fmt.Errorf("prep: %d folds: cross-validation needs at least 2", k)
	}
	if n < k {
		return fmt.Errorf("%w: %d labelled rows cannot fill %d folds", ErrTooFewRows, n, k)
	}
	return nil
}

// foldsFrom builds the folds from each row's test fold.
func foldsFrom(rows []int, testFold map[int]int, k int) []Fold {
	folds := make([]Fold, k)
	for _, r := range rows {
		t := testFold[r]
		for i := range folds {
			if i == t {
				folds[i].Test = append(folds[i].Test, r)
			} else {
				folds[i].Train = append(folds[i].Train, r)
			}
		}
	}
	return folds
}
