package plots

import (
	"sort"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// PRSeries is one precision-recall curve: precision and recall at each
// decision threshold (as returned by sklearn.metrics.precision_recall_curve),
// and its average precision.
type PRSeries struct {
	// Name labels the curve in the legend.
	Name string
	// Recall and Precision are the curve's points, in any order.
	Recall, Precision []float64
	// AP is the average precision; NaN shows as "n/a".
	AP float64
}

// PrecisionRecall returns a chart of precision-recall curves with each
// curve's average precision in the legend (e.g. "mlp (AP 0.954)").
//
// Curves are drawn as steps, the way average precision sums them: each
// precision holds from its recall down to the next lower recall (the
// "steps-post" drawing of scikit-learn's PrecisionRecallDisplay). When
// prevalence, the share of positives, is in (0, 1], a dashed horizontal
// baseline shows the precision of a classifier that guesses; pass 0 or NaN
// for none. Mismatched lengths and non-finite values are handled as in ROC.
//
// See Davis and Goadrich, "The relationship between precision-recall and ROC
// curves", ICML 2006.
func PrecisionRecall(curves []PRSeries, prevalence float64) *Chart {
	c := &Chart{}
	line := charts.NewLine()
	line.SetGlobalOptions(baseOptions("Precision-recall curve", "", "item")...)
	line.SetGlobalOptions(plotGrid(24, 56))
	line.SetGlobalOptions(valueXAxis("Recall", 0, 1), valueYAxis("Precision", 0, 1))

	for _, cv := range curves {
		data := pairs(c, cv.Name, "recall", "precision", cv.Recall, cv.Precision)
		sort.SliceStable(data, func(i, j int) bool { return recallOf(data[i]) > recallOf(data[j]) })
		line.AddSeries(cv.Name+" (AP "+formatMetric(cv.AP)+")", data, lineStyle(2, "", ""),
			charts.WithLineChartOpts(opts.LineChart{Step: "end", ShowSymbol: opts.Bool(false)}))
	}
	if isFinite(prevalence) && prevalence > 0 && prevalence <= 1 {
		line.AddSeries("baseline (prevalence "+formatMetric(prevalence)+")",
			referenceLine(0, prevalence, 1, prevalence), referenceStyle())
	}

	c.src = line
	return c
}

// recallOf returns the recall of a point made by pairs, placing non-finite
// recalls last.
func recallOf(d opts.LineData) float64 {
	r := d.Value.([]any)[0].(float64)
	if !isFinite(r) {
		return -1
	}
	return r
}
