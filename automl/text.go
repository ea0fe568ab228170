package automl

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/tunebook/tunebook/automl/data"
	"github.com/tunebook/tunebook/automl/search"
	"github.com/tunebook/tunebook/automl/space"
)

// LeaderboardText renders the first n leaderboard entries (all when n <= 0)
// as an aligned text table, followed by the count of trials that were
// pruned or failed.
func (r *Result) LeaderboardText(n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Leaderboard (validation %s, %s is better; ties broken by the %s, lower first):\n",
		r.Metric, betterWord(r), tiebreakName(r))
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "rank\tmodel\t"+r.Metric+"\ttiebreak\tepochs\tparameters")
	for i, e := range r.Leaderboard {
		if n > 0 && i >= n {
			break
		}
		fmt.Fprintf(w, "%d\t%s\t%.4f\t%.4f\t%s\t%s\n", e.Rank, e.Name, e.Value, e.Tiebreak, e.epochText(), e.Params)
	}
	w.Flush()
	if n > 0 && len(r.Leaderboard) > n {
		fmt.Fprintf(&b, "… %d more entries\n", len(r.Leaderboard)-n)
	}
	if r.Study != nil {
		fmt.Fprintf(&b, "%d network trials: %d completed, %d pruned, %d failed\n", len(r.Study.Trials),
			r.Study.Count(search.Complete), r.Study.Count(search.Pruned), r.Study.Count(search.Failed))
		for _, f := range failureSummary(r) {
			fmt.Fprintf(&b, "  failed: %s\n", f)
		}
	}
	return b.String()
}

// TestText renders the tested model's test-set metrics.
func (r *Result) TestText() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Best model: %s; test metrics on %d rows:\n", r.Best.Name, r.Rows.Test)
	if p := r.positiveText(); p != "" {
		fmt.Fprintf(&b, "  %s\n", p)
	}
	for _, m := range r.Test.Measures {
		fmt.Fprintf(&b, "  %-20s %s\n", m.Name, formatValue(m.Value))
	}
	for _, p := range r.Test.Problems {
		fmt.Fprintf(&b, "  not computed: %s\n", p)
	}
	if cv := r.CrossValidation; cv != nil {
		fmt.Fprintf(&b, "%d-fold cross-validated %s on training+validation rows: %s %s ± %s, baseline %s ± %s\n",
			cv.Folds, cv.Metric, r.Best.Name, formatValue(cv.ModelMean), formatValue(cv.ModelStd),
			formatValue(cv.BaselineMean), formatValue(cv.BaselineStd))
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	return b.String()
}

func betterWord(r *Result) string {
	if r.Direction == search.Minimize {
		return "lower"
	}
	return "higher"
}

func formatValue(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Sprint(v)
	}
	return fmt.Sprintf("%.4f", v)
}

// failureSummary lists the distinct reasons trials failed, with counts.
func failureSummary(r *Result) []string {
	counts := map[string]int{}
	var order []string
	for _, t := range r.Study.Filter(search.Failed) {
		reason := t.Err
		if i := strings.IndexByte(reason, '\n'); i >= 0 {
			reason = reason[:i]
		}
		if counts[reason] == 0 {
			order = append(order, reason)
		}
		counts[reason]++
	}
	out := make([]string, len(order))
	for i, reason := range order {
		out[i] = fmt.Sprintf("%d× %s", counts[reason], reason)
	}
	return out
}

// formatParams writes a trial's parameters as sorted name=value pairs with
// floats cut to four significant digits, for tables.
func formatParams(p space.Params) string {
	parts := make([]string, 0, len(p))
	for _, k := range p.Keys() {
		v := p[k]
		if f, ok := v.(float64); ok {
			v = strconv.FormatFloat(f, 'g', 4, 64)
		}
		parts = append(parts, fmt.Sprintf("%s=%v", k, v))
	}
	return strings.Join(parts, " ")
}

// tiebreakName names the validation measure that breaks ties.
func tiebreakName(r *Result) string {
	if r.Task == data.Regression {
		return "validation MAE"
	}
	return "validation log loss"
}

// epochText describes the epochs of a network entry ("-" for baselines).
func (e Entry) epochText() string {
	if e.Trial < 0 {
		return "-"
	}
	s := fmt.Sprintf("%d (best %d)", e.Epochs, e.BestEpoch)
	if e.Stopped {
		s += ", cut by the budget"
	}
	return s
}

// positiveText says which class is the positive one of a binary task, the
// class that probabilities, precision and recall refer to.
func (r *Result) positiveText() string {
	if r.Task != data.Binary || r.Model == nil || r.Model.Pipeline.Labels == nil {
		return ""
	}
	c := r.Model.Pipeline.Labels.Classes
	return fmt.Sprintf("positive class: %q (probabilities, precision and recall refer to it; negative class %q)", c[1], c[0])
}
