package automl

import (
	"fmt"
	"math"
	"sort"

	"github.com/tunebook/tunebook/automl/data"
	"github.com/tunebook/tunebook/automl/metrics"
)

// leakageAUC is the single-column ROC AUC (or 1 − AUC) on the training rows
// from which a column is reported as a possible leak of the target.
const leakageAUC = 0.98

// leakageNotes looks for target leakage in a binary task: a preprocessed
// input column that on its own separates the classes of the training rows
// almost perfectly is seldom a real predictor and often a value recorded
// after the outcome (such as spending on a card that was granted). It
// returns one note per original column, strongest first.
func (r *runner) leakageNotes() []string {
	if r.task != data.Binary {
		return nil
	}
	y := classes(r.train.Y)
	names := r.pipeline.FeatureNames()
	best := map[string]float64{}
	col := make([]float64, r.train.Rows)
	for j := 0; j < r.train.Cols && j < len(names); j++ {
		for i := range col {
			col[i] = r.train.X[i*r.train.Cols+j]
		}
		auc, err := metrics.ROCAUC(y, col)
		if err != nil {
			continue
		}
		sep := math.Max(auc, 1-auc)
		source := r.featureColumn(j)
		if sep >= leakageAUC && sep > best[source] {
			best[source] = sep
		}
	}
	cols := make([]string, 0, len(best))
	for c := range best {
		cols = append(cols, c)
	}
	sort.Slice(cols, func(a, b int) bool { return best[cols[a]] > best[cols[b]] })
	notes := make([]string, len(cols))
	for i, c := range cols {
		notes[i] = fmt.Sprintf("possible target leakage: column %q alone separates the training classes (ROC AUC %.3f); "+
			"if it is known only after the outcome, leave it out (--drop %s)", c, best[c], c)
	}
	return notes
}

// featureColumn names the original column of preprocessed input j.
func (r *runner) featureColumn(j int) string {
	for _, f := range r.pipeline.Features {
		if j < f.Width() {
			return f.Column
		}
		j -= f.Width()
	}
	return ""
}
