package metrics

import (
	"slices"
	"strconv"
)

// labelSet is a classification input whose labels are replaced by indices
// into a label list; -1 marks a label that is not in the list.
type labelSet struct {
	names        []string
	yTrue, yPred []int
	weights      []float64
	// present is the number of distinct labels in yTrue and yPred together
	// (scikit-learn calls a target "binary" when it is at most 2).
	present int
}

// encodeLabels checks string labels and maps them to indices into the label
// list: the WithLabels list, or else the sorted union of yTrue and yPred
// (scikit-learn's unique_labels; strings sort by code point).
func encodeLabels(fn string, yTrue, yPred []string, c config) (labelSet, error) {
	if err := checkLen(fn, "yTrue", len(yTrue), "yPred", len(yPred)); err != nil {
		return labelSet{}, err
	}
	if err := checkWeights(fn, c.weights, len(yTrue)); err != nil {
		return labelSet{}, err
	}
	present := append(slices.Clone(yTrue), yPred...)
	slices.Sort(present)
	present = slices.Compact(present)

	names := present
	if c.set&optLabels != 0 {
		var err error
		if names, err = checkLabelList(fn, c.labels); err != nil {
			return labelSet{}, err
		}
	}
	index := make(map[string]int, len(names))
	for i, name := range names {
		index[name] = i
	}
	lookup := func(y []string) []int {
		out := make([]int, len(y))
		for i, v := range y {
			j, ok := index[v]
			if !ok {
				j = -1
			}
			out[i] = j
		}
		return out
	}
	return labelSet{
		names:   names,
		yTrue:   lookup(yTrue),
		yPred:   lookup(yPred),
		weights: c.weights,
		present: len(present),
	}, nil
}

// checkLabelList rejects an empty label list and duplicate labels.
func checkLabelList(fn string, labels []string) ([]string, error) {
	if len(labels) == 0 {
		return nil, fail(fn, ErrLabel, "WithLabels needs at least one label")
	}
	seen := make(map[string]bool, len(labels))
	for _, l := range labels {
		if seen[l] {
			return nil, fail(fn, ErrLabel, "WithLabels repeats label %q", l)
		}
		seen[l] = true
	}
	return labels, nil
}

// encodeClasses checks class indices in [0, k); the label list is 0..k-1,
// named "0".."k-1".
func encodeClasses(fn string, yTrue, yPred []int, k int, c config) (labelSet, error) {
	if k < 2 {
		return labelSet{}, fail(fn, ErrInvalid, "k = %d classes, want at least 2", k)
	}
	if err := checkLen(fn, "yTrue", len(yTrue), "yPred", len(yPred)); err != nil {
		return labelSet{}, err
	}
	if err := checkClasses(fn, "yTrue", yTrue, k); err != nil {
		return labelSet{}, err
	}
	if err := checkClasses(fn, "yPred", yPred, k); err != nil {
		return labelSet{}, err
	}
	if err := checkWeights(fn, c.weights, len(yTrue)); err != nil {
		return labelSet{}, err
	}
	seen := make([]bool, k)
	present := 0
	for _, y := range append(slices.Clone(yTrue), yPred...) {
		if !seen[y] {
			seen[y] = true
			present++
		}
	}
	return labelSet{
		names:   classNames(k),
		yTrue:   yTrue,
		yPred:   yPred,
		weights: c.weights,
		present: present,
	}, nil
}

// classNames returns "0".."k-1".
func classNames(k int) []string {
	names := make([]string, k)
	for i := range names {
		names[i] = strconv.Itoa(i)
	}
	return names
}
