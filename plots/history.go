package plots

import (
	"fmt"
	"sort"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// statusColors colours trial statuses the same way on every chart.
var statusColors = map[string]string{
	"complete": "#2563eb",
	"pruned":   "#f59e0b",
	"failed":   "#dc2626",
}

// SearchHistory returns a chart of a hyperparameter search: the objective
// value of each trial (x: trial number from 0) as points coloured by the
// trial's status, and a line of the best value so far among completed
// trials.
//
// values holds one objective value per trial, NaN for a trial without one
// (failed, or pruned before reporting); statuses holds each trial's status
// ("complete", "pruned", "failed" in any case, or any other word; "" or a
// missing entry counts as "complete"). direction is "minimize" or "maximize" ("min" and
// "max" also work); anything else is read as "minimize" with a note. Trials
// without a value are counted in the subtitle.
func SearchHistory(values []float64, statuses []string, direction string) *Chart {
	c := &Chart{}
	maximize := false
	switch strings.ToLower(direction) {
	case "maximize", "max":
		maximize = true
	case "minimize", "min":
	default:
		c.note("direction %q read as minimize", direction)
	}

	groups := map[string][]opts.ScatterData{}
	missingByStatus := map[string]int{}
	var best []opts.LineData
	var bestSoFar float64
	haveBest := false
	for i, v := range values {
		status := "complete"
		if i < len(statuses) && statuses[i] != "" {
			status = statuses[i]
		}
		if !isFinite(v) {
			missingByStatus[status]++
			continue
		}
		groups[status] = append(groups[status], opts.ScatterData{Value: []any{i, v}})
		if !strings.EqualFold(status, "complete") {
			continue
		}
		if !haveBest || (maximize && v > bestSoFar) || (!maximize && v < bestSoFar) {
			bestSoFar, haveBest = v, true
		}
		best = append(best, opts.LineData{Value: []any{i, bestSoFar}})
	}

	goal := "minimize"
	if maximize {
		goal = "maximize"
	}
	subtitle := "best so far (" + goal + ")"
	if n := len(values); n > 0 {
		subtitle = fmt.Sprintf("%d %s; %s", n, plural(n, "trial"), subtitle)
	}
	if m := describeMissing(missingByStatus); m != "" {
		subtitle += "; " + m
	}

	scatter := charts.NewScatter()
	scatter.SetGlobalOptions(baseOptions("Search history", subtitle, "item")...)
	scatter.SetGlobalOptions(plotGrid(24, 56))
	scatter.SetGlobalOptions(valueXAxis("Trial", 0, nil), valueYAxis("Objective", nil, nil))
	for _, status := range statusOrder(groups) {
		series := []charts.SeriesOpts{charts.WithScatterChartOpts(opts.ScatterChart{SymbolSize: 8})}
		if color, ok := statusColors[strings.ToLower(status)]; ok {
			series = append(series, charts.WithItemStyleOpts(opts.ItemStyle{Color: color, Opacity: opts.Float(0.8)}))
		}
		scatter.AddSeries(status, groups[status], series...)
	}

	line := charts.NewLine()
	line.AddSeries("best so far", best, noSymbols(), lineStyle(2, colorBest, ""),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: colorBest}),
		charts.WithLineChartOpts(opts.LineChart{Step: "end", ShowSymbol: opts.Bool(false)}))
	scatter.Overlap(line)

	c.src = scatter
	return c
}

// statusOrder returns the statuses keyed in m in display order: complete,
// pruned, failed (the lower-case spelling first), then any others
// alphabetically.
func statusOrder[V any](m map[string]V) []string {
	rank := map[string]int{"complete": 0, "pruned": 1, "failed": 2}
	var out []string
	for s := range m {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		ri, oki := rank[strings.ToLower(out[i])]
		rj, okj := rank[strings.ToLower(out[j])]
		switch {
		case oki != okj:
			return oki
		case oki && ri != rj:
			return ri < rj
		case oki:
			return out[i] > out[j] // lower case sorts after upper case in bytes
		}
		return out[i] < out[j]
	})
	return out
}

// describeMissing says how many trials had no value, by status, e.g.
// "3 trials without a value (2 pruned, 1 failed)".
func describeMissing(byStatus map[string]int) string {
	total := 0
	for _, n := range byStatus {
		total += n
	}
	if total == 0 {
		return ""
	}
	var parts []string
	for _, s := range statusOrder(byStatus) {
		parts = append(parts, fmt.Sprintf("%d %s", byStatus[s], s))
	}
	return fmt.Sprintf("%d %s without a value (%s)", total, plural(total, "trial"), strings.Join(parts, ", "))
}
