package plots

import (
	"github.com/go-echarts/go-echarts/v2/charts"
)

// ROCSeries is one receiver operating characteristic curve: the false and
// true positive rates at each decision threshold (as returned by an ROC
// curve routine such as sklearn.metrics.roc_curve), and the area under it.
type ROCSeries struct {
	// Name labels the curve in the legend, e.g. the model's name.
	Name string
	// FPR and TPR are the curve's points, in drawing order.
	FPR, TPR []float64
	// AUC is the area under the curve; NaN shows as "n/a".
	AUC float64
}

// ROC returns a chart of ROC curves, one line per series with its AUC in the
// legend (e.g. "logistic (AUC 0.981)"), and the dashed chance diagonal.
// Both axes run from 0 to 1. A series whose FPR and TPR differ in length is
// drawn up to the shorter one, with a note in the subtitle; non-finite rates
// (an ROC curve of single-class labels has NaN TPR, case m01) are omitted.
//
// See Fawcett, "An introduction to ROC analysis", Pattern Recognition
// Letters 27 (2006).
func ROC(curves []ROCSeries) *Chart {
	c := &Chart{}
	line := charts.NewLine()
	line.SetGlobalOptions(baseOptions("ROC curve", "", "item")...)
	line.SetGlobalOptions(plotGrid(24, 56))
	line.SetGlobalOptions(valueXAxis("False positive rate", 0, 1), valueYAxis("True positive rate", 0, 1))

	for _, cv := range curves {
		data := pairs(c, cv.Name, "FPR", "TPR", cv.FPR, cv.TPR)
		line.AddSeries(cv.Name+" (AUC "+formatMetric(cv.AUC)+")", data, noSymbols(), lineStyle(2, "", ""))
	}
	line.AddSeries("chance", referenceLine(0, 0, 1, 1), referenceStyle())

	c.src = line
	return c
}
