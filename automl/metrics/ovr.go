package metrics

import (
	"errors"
	"fmt"
	"math"
)

// ROCAUCOvR returns the one-vs-rest ROC AUC of class indices yTrue in
// [0, k) and a row-major probability matrix prob (len(yTrue) rows by k
// columns, rows summing to 1), as scikit-learn's roc_auc_score with
// multi_class="ovr" and labels=range(k). k must be at least 3; use ROCAUC for
// binary problems.
//
// WithAverage selects AverageMacro (the default: the mean of the per-class
// AUCs), AverageWeighted (weighted by class support) or AverageMicro (one
// binary AUC over all n*k indicator/probability pairs). It also accepts
// WithWeights. Rows whose sum differs from 1 by more than 1e-8 + 1e-5*sum
// (numpy.allclose) are an error wrapping ErrInvalid.
//
// A class that never occurs in yTrue has no AUC: ROCAUCOvR then returns the
// value scikit-learn >= 1.6 returns (NaN for the macro average; the weighted
// average gives that class weight 0) with an error wrapping ErrUndefined
// (scikit-learn <= 1.5 raises).
func ROCAUCOvR(yTrue []int, prob []float64, k int, opts ...Option) (float64, error) {
	const fn = "ROCAUCOvR"
	c, err := configure(fn, optWeights|optAverage, opts)
	if err != nil {
		return 0, err
	}
	avg := c.average
	if c.set&optAverage == 0 {
		avg = AverageMacro
	}
	if avg == AverageBinary {
		return 0, fail(fn, ErrInvalid, "AverageBinary does not apply; use ROCAUC for binary problems")
	}
	if err := checkProbMatrix(fn, yTrue, prob, k, c.weights); err != nil {
		return 0, err
	}

	if avg == AverageMicro {
		n := len(yTrue)
		flatTrue := make([]int, n*k)
		var flatW []float64
		if c.weights != nil {
			flatW = make([]float64, n*k)
		}
		for i, y := range yTrue {
			flatTrue[i*k+y] = 1
			for j := range k {
				if flatW != nil {
					flatW[i*k+j] = c.weights[i]
				}
			}
		}
		return binaryAUC(fn, flatTrue, prob, flatW)
	}

	scores, err := perClassAUC(fn, yTrue, prob, k, c.weights)
	if avg == AverageMacro {
		return average(scores, nil), err
	}
	support := make([]float64, k)
	for i, y := range yTrue {
		support[y] += weightAt(c.weights, i)
	}
	for j, s := range support {
		if s == 0 {
			scores[j] = 0 // scikit-learn: zero-weight classes count as 0
		}
	}
	return average(scores, support), err
}

// ROCAUCPerClass returns the one-vs-rest ROC AUC of every class (scikit-
// learn's average=None), with the input rules of ROCAUCOvR. A class absent
// from yTrue gets NaN and an error wrapping ErrUndefined is returned with
// the scores. It accepts WithWeights.
func ROCAUCPerClass(yTrue []int, prob []float64, k int, opts ...Option) ([]float64, error) {
	const fn = "ROCAUCPerClass"
	c, err := configure(fn, optWeights, opts)
	if err != nil {
		return nil, err
	}
	if err := checkProbMatrix(fn, yTrue, prob, k, c.weights); err != nil {
		return nil, err
	}
	return perClassAUC(fn, yTrue, prob, k, c.weights)
}

// perClassAUC computes the binary AUC of each class against the rest.
func perClassAUC(fn string, yTrue []int, prob []float64, k int, weights []float64) ([]float64, error) {
	n := len(yTrue)
	scores := make([]float64, k)
	isClass := make([]int, n)
	column := make([]float64, n)
	var errs []error
	for j := range k {
		members := 0
		for i, y := range yTrue {
			isClass[i] = 0
			if y == j {
				isClass[i] = 1
				members++
			}
			column[i] = prob[i*k+j]
		}
		var err error
		switch members {
		case 0:
			scores[j] = math.NaN()
			err = fail(fn, ErrUndefined,
				"class %d never occurs in yTrue, its one-vs-rest ROC AUC is not defined", j)
		case n:
			scores[j] = math.NaN()
			err = fail(fn, ErrUndefined,
				"every sample of yTrue is class %d, its one-vs-rest ROC AUC is not defined", j)
		default:
			scores[j], err = binaryAUC(fmt.Sprintf("%s: class %d", fn, j), isClass, column, weights)
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	return scores, errors.Join(errs...)
}

// checkProbMatrix validates a multiclass probability matrix and its labels.
func checkProbMatrix(fn string, yTrue []int, prob []float64, k int, weights []float64) error {
	if k < 3 {
		return fail(fn, ErrInvalid, "k = %d classes, want at least 3 (use ROCAUC for binary problems)", k)
	}
	n := len(yTrue)
	if n == 0 {
		return fail(fn, ErrEmpty, "yTrue has no elements")
	}
	if len(prob) != n*k {
		return fail(fn, ErrLength, "prob has %d elements, want len(yTrue)*k = %d", len(prob), n*k)
	}
	if err := checkClasses(fn, "yTrue", yTrue, k); err != nil {
		return err
	}
	if err := checkFinite(fn, "prob", prob); err != nil {
		return err
	}
	if err := checkWeights(fn, weights, n); err != nil {
		return err
	}
	for i := range n {
		s := 0.0
		for _, p := range prob[i*k : (i+1)*k] {
			s += p
		}
		if math.Abs(1-s) > 1e-8+1e-5*math.Abs(s) {
			return fail(fn, ErrInvalid, "prob row %d sums to %v, want 1 (probabilities)", i, s)
		}
	}
	return nil
}
