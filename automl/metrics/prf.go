package metrics

import (
	"fmt"
	"math"
	"slices"
)

// Scores holds precision, recall and F-score combined over labels by one
// Average.
type Scores struct {
	Precision, Recall, FScore float64
	// Support is the total true weight of the labels combined (the number of
	// true samples when unweighted). scikit-learn returns None here.
	Support float64
	// Warnings lists the ill-defined values met on the way (zero
	// denominators), where scikit-learn issues an UndefinedMetricWarning.
	Warnings []string
}

// ClassScores holds precision, recall, F-score and support per label, in the
// order of Labels.
type ClassScores struct {
	Labels                             []string
	Precision, Recall, FScore, Support []float64
	// Warnings lists the ill-defined values, as in Scores.
	Warnings []string
}

// PRF returns precision, recall and F-score of class indices in [0, k), as
// scikit-learn's precision_recall_fscore_support with labels=range(k).
//
// The average defaults to AverageBinary (scikit-learn's default), which needs
// k = 2 and scores class 1; use WithAverage(AverageMacro) and the like for
// more classes. Precision is tp/(tp+fp), recall tp/(tp+fn), and the F-score
// is computed from counts, (1+b²)tp / ((1+b²)tp + b²fn + fp), so a zero
// denominator, and only that, yields the WithZeroDivision value (scikit-learn
// issues #26864 and #27189). Every class in [0, k) enters a macro average,
// including one absent from both yTrue and yPred.
//
// It accepts WithWeights, WithAverage, WithBeta and WithZeroDivision.
func PRF(yTrue, yPred []int, k int, opts ...Option) (Scores, error) {
	const fn = "PRF"
	c, err := configure(fn, optWeights|optAverage|optBeta|optZeroDivision, opts)
	if err != nil {
		return Scores{}, err
	}
	ls, err := encodeClasses(fn, yTrue, yPred, k, c)
	if err != nil {
		return Scores{}, err
	}
	avg := c.average
	if c.set&optAverage == 0 {
		avg = AverageBinary
	}
	if avg == AverageBinary && k != 2 {
		return Scores{}, fail(fn, ErrInvalid,
			"AverageBinary needs k = 2 classes, got %d; choose another Average", k)
	}
	return combine(countLabels(ls), ls.names, avg, 1, c), nil
}

// PRFLabels is PRF for string labels, with scikit-learn's label rules: the
// labels are the WithLabels list or else the sorted union of yTrue and yPred,
// so a label that occurs only in yPred enters a macro average with recall 0
// (scikit-learn issues #10573, #23130).
//
// AverageBinary (the default) needs WithPosLabel and at most two distinct
// labels in yTrue and yPred; a positive label absent from data holding two
// labels is an error wrapping ErrLabel. WithPosLabel with another average,
// and WithLabels with AverageBinary, are errors rather than silently ignored.
//
// It accepts WithWeights, WithLabels, WithPosLabel, WithAverage, WithBeta
// and WithZeroDivision.
func PRFLabels(yTrue, yPred []string, opts ...Option) (Scores, error) {
	const fn = "PRFLabels"
	c, err := configure(fn, optWeights|optLabels|optPosLabel|optAverage|optBeta|optZeroDivision, opts)
	if err != nil {
		return Scores{}, err
	}
	avg := c.average
	if c.set&optAverage == 0 {
		avg = AverageBinary
	}
	if avg == AverageBinary && c.set&optLabels != 0 {
		return Scores{}, fail(fn, ErrInvalid, "WithLabels does not apply with AverageBinary; use WithPosLabel")
	}
	if avg != AverageBinary && c.set&optPosLabel != 0 {
		return Scores{}, fail(fn, ErrInvalid, "WithPosLabel applies only with AverageBinary, not %v", avg)
	}
	if avg == AverageBinary && c.set&optPosLabel == 0 {
		return Scores{}, fail(fn, ErrInvalid, "AverageBinary needs WithPosLabel")
	}
	ls, err := encodeLabels(fn, yTrue, yPred, c)
	if err != nil {
		return Scores{}, err
	}
	cnt := countLabels(ls)
	if avg != AverageBinary {
		return combine(cnt, ls.names, avg, -1, c), nil
	}

	if ls.present > 2 {
		return Scores{}, fail(fn, ErrInvalid,
			"AverageBinary needs at most 2 labels, yTrue and yPred hold %d", ls.present)
	}
	pos := slices.Index(ls.names, c.posLabel)
	if pos < 0 && ls.present == 2 {
		return Scores{}, fail(fn, ErrLabel, "positive label %q is not one of %q", c.posLabel, ls.names)
	}
	if pos < 0 {
		// The positive label never occurs: all its counts are zero.
		cnt = prfCounts{tp: []float64{0}, pred: []float64{0}, true: []float64{0}}
		return combine(cnt, []string{c.posLabel}, AverageBinary, 0, c), nil
	}
	return combine(cnt, ls.names, AverageBinary, pos, c), nil
}

// PerClass returns precision, recall, F-score and support of every class
// index in [0, k) (scikit-learn's average=None), with Labels "0".."k-1". It
// accepts WithWeights, WithBeta and WithZeroDivision.
func PerClass(yTrue, yPred []int, k int, opts ...Option) (ClassScores, error) {
	const fn = "PerClass"
	c, err := configure(fn, optWeights|optBeta|optZeroDivision, opts)
	if err != nil {
		return ClassScores{}, err
	}
	ls, err := encodeClasses(fn, yTrue, yPred, k, c)
	if err != nil {
		return ClassScores{}, err
	}
	return perLabel(countLabels(ls), ls.names, quoted(ls.names), c), nil
}

// PerClassLabels is PerClass for string labels; the labels are the
// WithLabels list or else the sorted union of yTrue and yPred. It accepts
// WithWeights, WithLabels, WithBeta and WithZeroDivision.
func PerClassLabels(yTrue, yPred []string, opts ...Option) (ClassScores, error) {
	const fn = "PerClassLabels"
	c, err := configure(fn, optWeights|optLabels|optBeta|optZeroDivision, opts)
	if err != nil {
		return ClassScores{}, err
	}
	ls, err := encodeLabels(fn, yTrue, yPred, c)
	if err != nil {
		return ClassScores{}, err
	}
	return perLabel(countLabels(ls), ls.names, quoted(ls.names), c), nil
}

// prfCounts holds per-label true positives, predicted and true totals.
type prfCounts struct {
	tp, pred, true []float64
}

func countLabels(ls labelSet) prfCounts {
	k := len(ls.names)
	c := prfCounts{tp: make([]float64, k), pred: make([]float64, k), true: make([]float64, k)}
	for i, t := range ls.yTrue {
		w := weightAt(ls.weights, i)
		p := ls.yPred[i]
		if t >= 0 {
			c.true[t] += w
		}
		if p >= 0 {
			c.pred[p] += w
		}
		if t >= 0 && t == p {
			c.tp[t] += w
		}
	}
	return c
}

// perLabel computes the scores of every label from its counts; subjects
// name the labels in warnings.
func perLabel(cnt prfCounts, names, subjects []string, c config) ClassScores {
	k := len(names)
	s := ClassScores{
		Labels:    names,
		Precision: make([]float64, k),
		Recall:    make([]float64, k),
		FScore:    make([]float64, k),
		Support:   slices.Clone(cnt.true),
	}
	b2 := c.beta * c.beta
	for i, name := range subjects {
		tp, pred, tru := cnt.tp[i], cnt.pred[i], cnt.true[i]
		var ill bool
		if s.Precision[i], ill = divide(tp, pred, c.zeroDiv); ill {
			s.Warnings = append(s.Warnings, fmt.Sprintf("precision of %s is ill-defined: no predicted samples", name))
		}
		if s.Recall[i], ill = divide(tp, tru, c.zeroDiv); ill {
			s.Warnings = append(s.Warnings, fmt.Sprintf("recall of %s is ill-defined: no true samples", name))
		}
		if math.IsInf(c.beta, 1) {
			s.FScore[i] = s.Recall[i]
			continue
		}
		if s.FScore[i], ill = divide((1+b2)*tp, b2*tru+pred, c.zeroDiv); ill {
			s.Warnings = append(s.Warnings,
				fmt.Sprintf("F-score of %s is ill-defined: no true nor predicted samples", name))
		}
	}
	return s
}

// divide returns num/den, or the zero-division value and true when den is 0.
func divide(num, den float64, zd ZeroDivision) (float64, bool) {
	if den != 0 {
		return num / den, false
	}
	switch zd {
	case ZeroDivisionOne:
		return 1, true
	case ZeroDivisionNaN:
		return math.NaN(), true
	}
	return 0, true
}

// combine averages per-label scores; pos is the positive label's index for
// AverageBinary and is ignored otherwise.
func combine(cnt prfCounts, names []string, avg Average, pos int, c config) Scores {
	switch avg {
	case AverageBinary:
		one := prfCounts{tp: cnt.tp[pos : pos+1], pred: cnt.pred[pos : pos+1], true: cnt.true[pos : pos+1]}
		return single(perLabel(one, names[pos:pos+1], quoted(names[pos:pos+1]), c))
	case AverageMicro:
		pooled := prfCounts{
			tp:   []float64{sum(cnt.tp)},
			pred: []float64{sum(cnt.pred)},
			true: []float64{sum(cnt.true)},
		}
		return single(perLabel(pooled, []string{"micro"}, []string{"the pooled labels (micro average)"}, c))
	}

	s := perLabel(cnt, names, quoted(names), c)
	out := Scores{Support: sum(cnt.true), Warnings: s.Warnings}
	var w []float64
	if avg == AverageWeighted {
		w = cnt.true
		if out.Support == 0 && c.zeroDiv != ZeroDivisionNaN {
			// scikit-learn 1.2: no label has support.
			zdv := 0.0
			if c.zeroDiv == ZeroDivisionOne {
				zdv = 1
			}
			if sum(cnt.pred) == 0 {
				out.Precision, out.Recall, out.FScore = zdv, zdv, zdv
			} else {
				out.Precision, out.Recall, out.FScore = 0, zdv, 0
			}
			return out
		}
	}
	out.Precision = nanAverage(s.Precision, w)
	out.Recall = nanAverage(s.Recall, w)
	out.FScore = nanAverage(s.FScore, w)
	return out
}

// single returns the scores of a one-label ClassScores.
func single(s ClassScores) Scores {
	return Scores{
		Precision: s.Precision[0],
		Recall:    s.Recall[0],
		FScore:    s.FScore[0],
		Support:   s.Support[0],
		Warnings:  s.Warnings,
	}
}

// nanAverage is scikit-learn's _nanaverage: the (weighted) mean of the
// non-NaN values, NaN when there are none, and the plain mean when the
// remaining weights sum to zero.
func nanAverage(x, w []float64) float64 {
	var xs, ws []float64
	for i, v := range x {
		if !math.IsNaN(v) {
			xs = append(xs, v)
			if w != nil {
				ws = append(ws, w[i])
			}
		}
	}
	if len(xs) == 0 {
		return math.NaN()
	}
	if w == nil || sum(ws) == 0 {
		return average(xs, nil)
	}
	return average(xs, ws)
}

func sum(x []float64) float64 {
	s := 0.0
	for _, v := range x {
		s += v
	}
	return s
}

// quoted names labels in warnings: label "a".
func quoted(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = fmt.Sprintf("label %q", n)
	}
	return out
}
