package metrics

// Report is a classification report, the content of scikit-learn's
// classification_report: per-label precision, recall, F1 and support, the
// accuracy, and the micro, macro and weighted averages.
type Report struct {
	// Classes holds the per-label rows.
	Classes ClassScores
	// Accuracy is the (weighted) accuracy over all samples.
	Accuracy float64
	// Micro, Macro and Weighted are the averaged rows; their Support is the
	// total support of the labels. Micro equals Accuracy when the label list
	// holds exactly the labels present (scikit-learn then prints the
	// "accuracy" row instead of "micro avg").
	Micro, Macro, Weighted Scores
}

// ClassificationReport returns the report for class indices in [0, k) with
// labels "0".."k-1" (scikit-learn's classification_report with
// labels=range(k)). It accepts WithWeights and WithZeroDivision; the F-score
// is F1.
func ClassificationReport(yTrue, yPred []int, k int, opts ...Option) (Report, error) {
	const fn = "ClassificationReport"
	c, err := configure(fn, optWeights|optZeroDivision, opts)
	if err != nil {
		return Report{}, err
	}
	ls, err := encodeClasses(fn, yTrue, yPred, k, c)
	if err != nil {
		return Report{}, err
	}
	acc, err := Accuracy(yTrue, yPred, WithWeights(c.weights))
	if err != nil {
		return Report{}, err
	}
	return report(ls, acc, c), nil
}

// ClassificationReportLabels is ClassificationReport for string labels; the
// labels are the WithLabels list or else the sorted union of yTrue and
// yPred. It accepts WithWeights, WithLabels and WithZeroDivision.
func ClassificationReportLabels(yTrue, yPred []string, opts ...Option) (Report, error) {
	const fn = "ClassificationReportLabels"
	c, err := configure(fn, optWeights|optLabels|optZeroDivision, opts)
	if err != nil {
		return Report{}, err
	}
	ls, err := encodeLabels(fn, yTrue, yPred, c)
	if err != nil {
		return Report{}, err
	}
	acc, err := AccuracyLabels(yTrue, yPred, WithWeights(c.weights))
	if err != nil {
		return Report{}, err
	}
	return report(ls, acc, c), nil
}

func report(ls labelSet, acc float64, c config) Report {
	cnt := countLabels(ls)
	return Report{
		Classes:  perLabel(cnt, ls.names, quoted(ls.names), c),
		Accuracy: acc,
		Micro:    combine(cnt, ls.names, AverageMicro, -1, c),
		Macro:    combine(cnt, ls.names, AverageMacro, -1, c),
		Weighted: combine(cnt, ls.names, AverageWeighted, -1, c),
	}
}
