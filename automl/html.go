package automl

import (
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/tunebook/tunebook/plots"
)

// HTML renders the result for a notebook: the tested model, its test
// metrics and the first ten leaderboard entries. Charts are separate: see
// ROCChart and the other chart methods, or Report for everything.
func (r *Result) HTML() string {
	var b strings.Builder
	fmt.Fprintf(&b, `<div><p><b>%s</b> on <code>%s</code> → <code>%s</code>: best model <b>%s</b>, validation %s %s; %d rows tested, %s.</p>`,
		html.EscapeString(r.Task.String()), html.EscapeString(r.Summary.Name), html.EscapeString(r.Target),
		html.EscapeString(r.Best.Name), html.EscapeString(r.Metric), formatValue(r.Best.Value), r.Rows.Test,
		r.Elapsed.Round(time.Millisecond))
	var rows [][]string
	for _, m := range r.Test.Measures {
		rows = append(rows, []string{m.Name, formatValue(m.Value)})
	}
	b.WriteString(plots.Table([]string{"test metric", "value"}, rows).HTML())
	rows = rows[:0]
	for i, e := range r.Leaderboard {
		if i >= 10 {
			break
		}
		rows = append(rows, []string{fmt.Sprint(e.Rank), e.Name, formatValue(e.Value), formatValue(e.Tiebreak), e.Params})
	}
	b.WriteString(plots.Table([]string{"rank", "model", r.Metric, "tiebreak", "parameters"}, rows).HTML())
	b.WriteString(`</div>`)
	return b.String()
}

// String renders the result as text: the leaderboard and the test metrics.
func (r *Result) String() string {
	return r.LeaderboardText(10) + "\n" + r.TestText()
}
