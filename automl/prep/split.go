package prep

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/tunebook/tunebook/automl/data"
)

// Split holds the row indices of the training, validation and test parts
// of a data set, each in increasing order. Warnings tells about classes
// that a part lacks or that could not be stratified.
type Split struct {
	Train, Valid, Test []int
	Warnings           []string
}

// rngStream is the PCG stream constant used with the caller's seed; any
// fixed value works, it only has to stay the same from run to run.
const rngStream = 0x7475_6e65_626f_6f6b // "tunebook"

// newRand returns the generator behind every random choice of this package:
// a PCG (math/rand/v2) seeded with seed, so equal seeds give equal splits.
func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, rngStream))
}

// TrainValidTest splits the rows of y into training, validation and test
// parts holding the fractions valid and test of the rows (either may be 0).
// Rows whose y is NaN (a missing target) are left out of every part, with
// a warning. Part sizes follow scikit-learn's train_test_split: the test
// part has ceil(test*n) rows, the validation part ceil(valid*n), and the
// training part the rest, which must not be empty.
//
// For Binary and Multiclass tasks y holds class indices (0, 1, …) and the
// split is stratified like scikit-learn's StratifiedShuffleSplit: each part
// receives about its share of each class, with per-class counts chosen by
// largest remainders (approximateMode). With valid = 0 the per-class counts
// are exactly scikit-learn's. Two rules differ from scikit-learn, which
// raises an error instead:
//
//   - a class with a single row cannot be stratified; its row goes to the
//     training part, with a warning;
//   - every class gets at least one training row, taken from the largest
//     class's share if need be, so a model never trains without a class.
//
// A validation or test part that lacks a class gets a warning, since
// per-class metrics on it are undefined. Regression splits are plain
// random partitions. names, when given, are the class names used in the
// warnings and errors (usually Labels.Classes).
func TrainValidTest(y []float64, task data.Task, valid, test float64, seed uint64, names ...string) (Split, error) {
	if !(valid >= 0 && test >= 0 && valid+test < 1) {
		return Split{}, fmt.Errorf("prep: validation (%g) and test (%g) fractions must be at least 0 and sum to less than 1",
			valid, test)
	}
	rows, warnings := labeledRows(y)
	n := len(rows)
	nTest := int(math.Ceil(test * float64(n)))
	nValid := int(math.Ceil(valid * float64(n)))
	if n-nTest-nValid < 1 {
		return Split{}, fmt.Errorf(
			"prep: %d labelled rows leave no training rows with validation fraction %g and test fraction %g",
			n, valid, test)
	}

	rng := newRand(seed)
	var s Split
	var err error
	switch {
	case task == data.Regression:
		s = randomSplit(rows, nValid, nTest, rng)
	case task.IsClassification():
		s, err = stratifiedSplit(y, rows, nValid, nTest, rng, names)
	default:
		err = fmt.Errorf("prep: invalid task %v", task)
	}
	if err != nil {
		return Split{}, err
	}
	s.Warnings = append(warnings, s.Warnings...)
	slices.Sort(s.Train)
	slices.Sort(s.Valid)
	slices.Sort(s.Test)
	return s, nil
}

// labeledRows returns the indices of the rows of y that are not NaN, and a
// warning when some are.
func labeledRows(y []float64) ([]int, []string) {
	rows := make([]int, 0, len(y))
	for i, v := range y {
		if !math.IsNaN(v) {
			rows = append(rows, i)
		}
	}
	if skipped := len(y) - len(rows); skipped > 0 {
		return rows, []string{fmt.Sprintf("%d of %d rows have a missing target and are left out", skipped, len(y))}
	}
	return rows, nil
}

// randomSplit shuffles rows and cuts them into the three parts.
func randomSplit(rows []int, nValid, nTest int, rng *rand.Rand) Split {
	perm := slices.Clone(rows)
	rng.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
	nTrain := len(perm) - nValid - nTest
	return Split{
		Train: perm[:nTrain],
		Valid: slices.Clone(perm[nTrain : nTrain+nValid]),
		Test:  slices.Clone(perm[nTrain+nValid:]),
	}
}

// stratifiedSplit allocates each class's rows to the three parts.
func stratifiedSplit(y []float64, rows []int, nValid, nTest int, rng *rand.Rand, names []string) (Split, error) {
	members, err := classMembers(y, rows, names)
	if err != nil {
		return Split{}, err
	}

	var s Split
	counts := make([]int, len(members))
	for c, m := range members {
		switch len(m) {
		case 0:
		case 1:
			s.Train = append(s.Train, m[0])
			s.Warnings = append(s.Warnings, fmt.Sprintf(
				"class %s has 1 row, too few to stratify (at least 2 are needed): it goes to the training part only",
				className(c, names)))
		default:
			counts[c] = len(m)
		}
	}

	nTrain := sum(counts) - nValid - nTest
	present := 0
	for _, k := range counts {
		if k > 0 {
			present++
		}
	}
	if nTrain < present {
		return Split{}, fmt.Errorf("prep: the training part would have %d rows, fewer than the %d classes to stratify; "+
			"use smaller validation and test fractions", nTrain, present)
	}
	train := approximateMode(counts, nTrain, rng)
	ensureEveryClass(train, counts)
	rest := make([]int, len(counts))
	for c := range counts {
		rest[c] = counts[c] - train[c]
	}
	valid := approximateMode(rest, nValid, rng)

	for c, k := range counts {
		if k == 0 {
			continue
		}
		m := slices.Clone(members[c])
		rng.Shuffle(len(m), func(i, j int) { m[i], m[j] = m[j], m[i] })
		s.Train = append(s.Train, m[:train[c]]...)
		s.Valid = append(s.Valid, m[train[c]:train[c]+valid[c]]...)
		s.Test = append(s.Test, m[train[c]+valid[c]:]...)
		for _, part := range []struct {
			name  string
			size  int
			count int
		}{{"validation", nValid, valid[c]}, {"test", nTest, k - train[c] - valid[c]}} {
			if part.size > 0 && part.count == 0 {
				s.Warnings = append(s.Warnings, fmt.Sprintf(
					"the %s part has no rows of class %s (%d rows in all): per-class metrics for it are undefined there",
					part.name, className(c, names), k))
			}
		}
	}
	return s, nil
}

// classMembers groups rows by class index; y[r] must be a non-negative
// integer for every r in rows.
func classMembers(y []float64, rows []int, names []string) ([][]int, error) {
	var members [][]int
	for _, r := range rows {
		v := y[r]
		if v < 0 || v != math.Trunc(v) || v > math.MaxInt32 {
			return nil, fmt.Errorf("prep: row %d: class index %v is not a non-negative integer", r+1, v)
		}
		c := int(v)
		for len(members) <= c {
			members = append(members, nil)
		}
		members[c] = append(members[c], r)
	}
	for len(members) < len(names) {
		members = append(members, nil)
	}
	return members, nil
}

// approximateMode returns how many of n draws without replacement from a
// population with the given class counts go to each class: the floor of
// each class's share, plus one for the classes with the largest remainders
// (ties broken at random) until the draws add up. This is the largest
// remainder method (Hamilton's apportionment), and the exact rule of
// scikit-learn's sklearn.utils._approximate_mode, which approximates the
// mode of the multivariate hypergeometric distribution.
func approximateMode(counts []int, n int, rng *rand.Rand) []int {
	out := make([]int, len(counts))
	total := sum(counts)
	if n <= 0 || total == 0 {
		return out
	}
	remainder := make([]float64, len(counts))
	need := n
	for c, k := range counts {
		share := float64(k) / float64(total) * float64(n)
		out[c] = int(math.Floor(share))
		remainder[c] = share - math.Floor(share)
		need -= out[c]
	}

	values := slices.Clone(remainder)
	slices.Sort(values)
	values = slices.Compact(values)
	for i := len(values) - 1; i >= 0 && need > 0; i-- {
		var tied []int
		for c, r := range remainder {
			if r == values[i] {
				tied = append(tied, c)
			}
		}
		rng.Shuffle(len(tied), func(a, b int) { tied[a], tied[b] = tied[b], tied[a] })
		for _, c := range tied[:min(need, len(tied))] {
			out[c]++
		}
		need -= min(need, len(tied))
	}
	return out
}

// ensureEveryClass moves one training row to each class present in counts
// but given none, from the class with the largest allocation.
func ensureEveryClass(train, counts []int) {
	for c, k := range counts {
		if k > 0 && train[c] == 0 {
			largest := 0
			for d := range train {
				if train[d] > train[largest] {
					largest = d
				}
			}
			train[largest]--
			train[c]++
		}
	}
}

func sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}
