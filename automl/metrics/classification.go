package metrics

import "fmt"

// Accuracy returns the (weighted) fraction of samples whose predicted class
// equals the true class, as scikit-learn's accuracy_score. It accepts
// WithWeights.
func Accuracy(yTrue, yPred []int, opts ...Option) (float64, error) {
	return accuracy("Accuracy", yTrue, yPred, opts)
}

// AccuracyLabels is Accuracy for string labels.
func AccuracyLabels(yTrue, yPred []string, opts ...Option) (float64, error) {
	return accuracy("AccuracyLabels", yTrue, yPred, opts)
}

func accuracy[T comparable](fn string, yTrue, yPred []T, opts []Option) (float64, error) {
	c, err := configure(fn, optWeights, opts)
	if err != nil {
		return 0, err
	}
	if err := checkLen(fn, "yTrue", len(yTrue), "yPred", len(yPred)); err != nil {
		return 0, err
	}
	if err := checkWeights(fn, c.weights, len(yTrue)); err != nil {
		return 0, err
	}
	hit := make([]float64, len(yTrue))
	for i := range yTrue {
		if yTrue[i] == yPred[i] {
			hit[i] = 1
		}
	}
	return average(hit, c.weights), nil
}

// Confusion is a confusion matrix: Counts[i][j] is the number (or total
// weight) of samples whose true label is Labels[i] and whose predicted label
// is Labels[j]. Callers may replace Labels with display names.
type Confusion struct {
	Labels []string
	Counts [][]float64
}

// Normalize selects how Confusion.Normalized divides the counts.
type Normalize int

const (
	// NormalizeTrue divides each row by its sum (rates per true label).
	NormalizeTrue Normalize = iota + 1
	// NormalizePred divides each column by its sum.
	NormalizePred
	// NormalizeAll divides every cell by the total.
	NormalizeAll
)

// ConfusionMatrix counts samples by true and predicted class index in
// [0, k), as scikit-learn's confusion_matrix with labels=range(k); Labels are
// "0".."k-1". It accepts WithWeights. A class index outside [0, k) is an
// error wrapping ErrLabel.
func ConfusionMatrix(yTrue, yPred []int, k int, opts ...Option) (Confusion, error) {
	const fn = "ConfusionMatrix"
	c, err := configure(fn, optWeights, opts)
	if err != nil {
		return Confusion{}, err
	}
	ls, err := encodeClasses(fn, yTrue, yPred, k, c)
	if err != nil {
		return Confusion{}, err
	}
	return confusion(ls), nil
}

// ConfusionMatrixLabels is ConfusionMatrix for string labels. The labels are
// the WithLabels list in its order, or else the sorted union of yTrue and
// yPred; samples whose true or predicted label is not in the list are left
// out, and a list without any label of yTrue is an error wrapping ErrLabel
// (as scikit-learn). It accepts WithWeights and WithLabels.
func ConfusionMatrixLabels(yTrue, yPred []string, opts ...Option) (Confusion, error) {
	const fn = "ConfusionMatrixLabels"
	c, err := configure(fn, optWeights|optLabels, opts)
	if err != nil {
		return Confusion{}, err
	}
	ls, err := encodeLabels(fn, yTrue, yPred, c)
	if err != nil {
		return Confusion{}, err
	}
	inTrue := false
	for _, t := range ls.yTrue {
		inTrue = inTrue || t >= 0
	}
	if !inTrue {
		return Confusion{}, fail(fn, ErrLabel, "no label of WithLabels %q occurs in yTrue", ls.names)
	}
	return confusion(ls), nil
}

func confusion(ls labelSet) Confusion {
	k := len(ls.names)
	counts := make([][]float64, k)
	for i := range counts {
		counts[i] = make([]float64, k)
	}
	for i, t := range ls.yTrue {
		if p := ls.yPred[i]; t >= 0 && p >= 0 {
			counts[t][p] += weightAt(ls.weights, i)
		}
	}
	return Confusion{Labels: ls.names, Counts: counts}
}

// Normalized returns a new matrix with the counts divided as selected by
// by; a row, column or total of zero gives zeros (scikit-learn's
// normalize="true", "pred" and "all"). It panics on an unknown Normalize.
func (c Confusion) Normalized(by Normalize) [][]float64 {
	k := len(c.Counts)
	out := make([][]float64, k)
	div := func(v, d float64) float64 {
		if d == 0 {
			return 0
		}
		return v / d
	}
	total := 0.0
	rows, cols := make([]float64, k), make([]float64, k)
	for i, row := range c.Counts {
		for j, v := range row {
			rows[i] += v
			cols[j] += v
			total += v
		}
	}
	for i, row := range c.Counts {
		out[i] = make([]float64, k)
		for j, v := range row {
			switch by {
			case NormalizeTrue:
				out[i][j] = div(v, rows[i])
			case NormalizePred:
				out[i][j] = div(v, cols[j])
			case NormalizeAll:
				out[i][j] = div(v, total)
			default:
				panic(fmt.Sprintf("metrics: Confusion.Normalized: unknown Normalize %d", int(by)))
			}
		}
	}
	return out
}
