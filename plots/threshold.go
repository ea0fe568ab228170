package plots

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// ThresholdCurves returns a chart of precision, recall and F1 score against
// the decision threshold of a binary classifier, with a dashed marker at
// best, a chosen threshold such as the one with the highest validation F1
// (NaN for no marker).
//
// precision, recall and f1 are aligned with thresholds; they may each hold
// one value more, as sklearn.metrics.precision_recall_curve returns them
// (the final point, recall 0, has no threshold), and that extra value is
// dropped. Other length mismatches are drawn up to the shortest slice with a
// note in the subtitle; non-finite values are omitted.
func ThresholdCurves(thresholds, precision, recall, f1 []float64, best float64) *Chart {
	c := &Chart{}
	line := charts.NewLine()
	line.SetGlobalOptions(baseOptions("Precision, recall and F1 by threshold", "", "axis")...)
	line.SetGlobalOptions(plotGrid(24, 56))
	line.SetGlobalOptions(valueXAxis("Decision threshold", nil, nil), valueYAxis("Score", 0, 1))

	curves := []struct {
		name   string
		values []float64
	}{{"precision", precision}, {"recall", recall}, {"F1", f1}}
	for _, cv := range curves {
		values := cv.values
		if len(values) == len(thresholds)+1 {
			values = values[:len(thresholds)]
		}
		series := []charts.SeriesOpts{lineStyle(2, "", ""), noSymbols()}
		if cv.name == "F1" && isFinite(best) {
			series = append(series,
				charts.WithMarkLineNameXAxisItemOpts(opts.MarkLineNameXAxisItem{
					Name:  "threshold " + formatNumber(best),
					XAxis: best,
				}),
				markLineStyle())
		}
		line.AddSeries(cv.name, pairs(c, cv.name, "thresholds", cv.name, thresholds, values), series...)
	}

	c.src = line
	return c
}
