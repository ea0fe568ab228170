package plots

import (
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// LossSeries is the loss history of one training run, one value per epoch.
type LossSeries struct {
	// Name labels the run, e.g. "trial 7".
	Name string
	// Train and Valid are the training and validation losses per epoch;
	// either may be empty.
	Train, Valid []float64
}

// LossCurves returns a chart of the training and validation loss per epoch
// of one training run named name (shown as the subtitle), with a dashed
// marker at the best epoch: the one with the lowest validation loss, or the
// lowest training loss when there is no validation loss. Non-finite losses
// (a diverged run) are omitted, with a note in the subtitle.
func LossCurves(name string, train, valid []float64) *Chart {
	line := lossChart("Loss curves", name, max(len(train), len(valid)))

	best, onValid := bestEpoch(valid), true
	if best < 0 {
		best, onValid = bestEpoch(train), false
	}
	line.AddSeries("train", lossData(train), lossSeriesOpts(!onValid, best)...)
	if len(valid) > 0 {
		line.AddSeries("validation", lossData(valid), lossSeriesOpts(onValid, best)...)
	}
	return &Chart{src: line}
}

// LossCurvesTrials returns a chart comparing the validation loss per epoch
// of several runs (the training loss where a run has no validation loss),
// one line per run, with a dot at each run's best epoch.
func LossCurvesTrials(runs []LossSeries) *Chart {
	longest := 0
	for _, r := range runs {
		longest = max(longest, len(r.Train), len(r.Valid))
	}
	line := lossChart("Validation loss by trial", "", longest)

	for _, r := range runs {
		losses := r.Valid
		if len(losses) == 0 {
			losses = r.Train
		}
		series := []charts.SeriesOpts{lineStyle(2, "", ""), noSymbols()}
		if best := bestEpoch(losses); best >= 0 {
			series = append(series, charts.WithMarkPointNameCoordItemOpts(opts.MarkPointNameCoordItem{
				Name:       "best",
				Coordinate: []any{strconv.Itoa(best + 1), losses[best]},
				Symbol:     "circle",
				SymbolSize: 9,
				Label:      &opts.Label{Show: opts.Bool(false)},
			}))
		}
		line.AddSeries(r.Name, lossData(losses), series...)
	}
	return &Chart{src: line}
}

// lossChart returns a line chart with epochs 1..epochs on a category x axis
// and the loss on a value y axis.
func lossChart(title, subtitle string, epochs int) *charts.Line {
	labels := make([]string, epochs)
	for i := range labels {
		labels[i] = strconv.Itoa(i + 1)
	}
	line := charts.NewLine()
	line.SetGlobalOptions(baseOptions(title, subtitle, "axis")...)
	line.SetGlobalOptions(plotGrid(24, 56))
	line.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Name: "Epoch", NameLocation: "middle", NameGap: 28}),
		valueYAxis("Loss", nil, nil))
	line.SetXAxis(labels)
	return line
}

// lossSeriesOpts styles a loss line, adding the best-epoch marker when mark
// is true and best is an epoch index.
func lossSeriesOpts(mark bool, best int) []charts.SeriesOpts {
	series := []charts.SeriesOpts{lineStyle(2, "", ""), noSymbols()}
	if mark && best >= 0 {
		series = append(series,
			charts.WithMarkLineNameXAxisItemOpts(opts.MarkLineNameXAxisItem{
				Name:  "best epoch " + strconv.Itoa(best+1),
				XAxis: strconv.Itoa(best + 1),
			}),
			markLineStyle())
	}
	return series
}

// lossData returns the losses as line data.
func lossData(losses []float64) []opts.LineData {
	data := make([]opts.LineData, len(losses))
	for i, v := range losses {
		data[i] = opts.LineData{Value: v}
	}
	return data
}

// bestEpoch returns the index of the lowest finite loss (the first on ties),
// or -1 when there is none.
func bestEpoch(losses []float64) int {
	best := -1
	for i, v := range losses {
		if isFinite(v) && (best < 0 || v < losses[best]) {
			best = i
		}
	}
	return best
}
