package automl

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/tunebook/tunebook/automl/data"
	"github.com/tunebook/tunebook/plots"
	"github.com/tunebook/tunebook/plots/report"
)

// Report builds the HTML report of a run: headline numbers, the data set,
// the leaderboard, the best model and its test metrics, and every chart
// that applies to the task. Write it with (*report.Document).WriteHTML.
func (r *Result) Report(title string) *report.Document {
	if title == "" {
		title = fmt.Sprintf("tunebook search: %s → %s", filepath.Base(r.Summary.Name), r.Target)
	}
	doc := &report.Document{
		Title: title,
		Subtitle: fmt.Sprintf("%s task on %s (%d rows), %s, generated %s", r.Task, r.Summary.Name,
			r.Summary.Rows, r.Elapsed.Round(time.Millisecond), time.Now().UTC().Format("2006-01-02 15:04 MST")),
		Cards: r.cards(),
	}
	doc.Sections = append(doc.Sections, r.dataSection(), r.leaderboardSection(), r.bestSection())
	if s, ok := r.chartsSection(); ok {
		doc.Sections = append(doc.Sections, s)
	}
	doc.Sections = append(doc.Sections, r.searchSection())
	return doc
}

func (r *Result) cards() []report.Card {
	cards := []report.Card{{Label: "Best model", Value: r.Best.Name, Detail: fmt.Sprintf("validation %s %s", r.Metric, formatValue(r.Best.Value))}}
	for _, name := range []string{"auc", "auc_ovr_macro", "accuracy", "f1", "rmse", "r2"} {
		if v, ok := r.Test.Value(name); ok && len(cards) < 4 {
			cards = append(cards, report.Card{Label: "Test " + name, Value: formatValue(v), Detail: fmt.Sprintf("%d test rows", r.Rows.Test)})
		}
	}
	trials := 0
	if r.Study != nil {
		trials = len(r.Study.Trials)
	}
	cards = append(cards, report.Card{Label: "Trials", Value: fmt.Sprint(trials), Detail: r.Elapsed.Round(time.Second).String()})
	return cards
}

func (r *Result) dataSection() report.Section {
	s := report.Section{Heading: "Data"}
	s.Blocks = append(s.Blocks, report.KeyValues([][2]string{
		{"File", r.Summary.Name}, {"Rows", fmt.Sprint(r.Summary.Rows)}, {"Columns", fmt.Sprint(len(r.Summary.Columns))},
		{"Target", r.Target}, {"Task", r.Task.String()},
		{"Split (train / validation / test)", fmt.Sprintf("%d / %d / %d", r.Rows.Train, r.Rows.Valid, r.Rows.Test)},
		{"Model inputs after preprocessing", fmt.Sprint(len(r.Features))},
	}))
	var rows [][]string
	for _, c := range r.Summary.Columns {
		rng := ""
		if c.Kind.String() != "categorical" {
			rng = fmt.Sprintf("%.4g / %.4g / %.4g", c.Min, c.Mean, c.Max)
		}
		rows = append(rows, []string{c.Name, c.Kind.String(), fmt.Sprint(c.Missing), fmt.Sprint(c.Distinct), rng})
	}
	s.Blocks = append(s.Blocks, report.Table([]string{"column", "type", "missing", "distinct", "min / mean / max"}, rows))
	if len(r.Summary.Classes) > 0 {
		var cls [][]string
		for _, c := range r.Summary.Classes {
			cls = append(cls, []string{c.Label, fmt.Sprint(c.Count), fmt.Sprintf("%.1f%%", 100*float64(c.Count)/float64(r.Summary.Rows))})
		}
		s.Blocks = append(s.Blocks, report.Table([]string{"class", "rows", "share"}, cls))
	}
	if notes := append(slices.Clone(r.Summary.Notes), r.Notes...); len(notes) > 0 {
		s.Blocks = append(s.Blocks, report.Paragraph("Notes:\n\n"+strings.Join(notes, "\n\n")))
	}
	return s
}

func (r *Result) leaderboardSection() report.Section {
	var rows [][]string
	for i, e := range r.Leaderboard {
		if i >= 25 {
			break
		}
		rows = append(rows, []string{fmt.Sprint(e.Rank), e.Name, formatValue(e.Value), formatValue(e.Tiebreak),
			e.epochText(), e.Duration.Round(time.Millisecond).String(), e.Params})
	}
	tiebreak := tiebreakName(r)
	s := report.Section{Heading: "Leaderboard", Blocks: []report.Block{
		report.Paragraph(fmt.Sprintf("Models ranked by validation %s (%s is better); ties are broken by %s. Baselines run first.",
			r.Metric, betterWord(r), tiebreak)),
		report.Table([]string{"rank", "model", r.Metric, tiebreak, "epochs", "time", "parameters"}, rows),
	}}
	if r.Study != nil {
		if fails := failureSummary(r); len(fails) > 0 {
			s.Blocks = append(s.Blocks, report.Paragraph("Failed trials:\n\n"+strings.Join(fails, "\n\n")))
		}
	}
	return s
}

func (r *Result) bestSection() report.Section {
	s := report.Section{Heading: "Best model: " + r.Best.Name}
	if r.Model != nil && r.Model.Network != nil {
		c := r.Model.Network.Config
		s.Blocks = append(s.Blocks, report.KeyValues([][2]string{
			{"Hidden layers", fmt.Sprint(c.Hidden)}, {"Activation", c.Activation},
			{"Dropout", fmt.Sprintf("%.3g", c.Dropout)}, {"L1 / L2", fmt.Sprintf("%.3g / %.3g", c.L1, c.L2)},
			{"Optimizer", c.Optimizer}, {"Learning rate", fmt.Sprintf("%.3g", c.LearningRate)},
			{"Schedule", c.Schedule.Kind}, {"Batch size", fmt.Sprint(c.BatchSize)},
			{"Epochs (best)", fmt.Sprintf("%d (%d)", len(r.BestHistory), r.Model.Network.BestEpoch)},
			{"Parameters", r.Best.Params},
		}))
	}
	header := []string{"metric", r.Best.Name}
	if r.BaselineTest != nil && r.Best.Trial >= 0 {
		header = append(header, r.bestBaselineName())
	}
	var rows [][]string
	for _, m := range r.Test.Measures {
		row := []string{m.Name, formatValue(m.Value)}
		if len(header) == 3 {
			v, _ := r.BaselineTest.Value(m.Name)
			row = append(row, formatValue(v))
		}
		rows = append(rows, row)
	}
	held := fmt.Sprintf("Test-set metrics on %d rows held out from training and model selection.", r.Rows.Test)
	if p := r.positiveText(); p != "" {
		held += " The " + p + "."
	}
	if r.Test.Task == data.Binary {
		held += " The decision threshold stays at 0.5 unless another beats its validation F1 by more than one positive row's worth."
	}
	s.Blocks = append(s.Blocks, report.Paragraph(held),
		report.Table(header, rows))
	if len(r.Test.Problems) > 0 {
		s.Blocks = append(s.Blocks, report.Paragraph("Not computed: "+strings.Join(r.Test.Problems, "; ")))
	}
	if cv := r.CrossValidation; cv != nil {
		rows := make([][]string, 0, cv.Folds+1)
		for i := range cv.Model {
			rows = append(rows, []string{fmt.Sprint(i + 1), formatValue(cv.Model[i]), formatValue(cv.Baseline[i])})
		}
		rows = append(rows, []string{"mean ± sd", formatValue(cv.ModelMean) + " ± " + formatValue(cv.ModelStd),
			formatValue(cv.BaselineMean) + " ± " + formatValue(cv.BaselineStd)})
		s.Blocks = append(s.Blocks, report.Paragraph(fmt.Sprintf(
			"%d-fold cross-validated %s of this configuration and of a linear baseline, on the training and validation rows (each fold refits the preprocessing; networks train for the epochs early stopping chose).",
			cv.Folds, cv.Metric)), report.Table([]string{"fold", r.Best.Name, "baseline"}, rows))
	}
	return s
}

func (r *Result) chartsSection() (report.Section, bool) {
	s := report.Section{Heading: "Test-set charts"}
	for _, c := range []*plots.Chart{r.ROCChart(), r.PRChart(), r.ThresholdChart(), r.ConfusionChart(false),
		r.PredictedActualChart(), r.ResidualsChart(), r.LossChart()} {
		if c != nil {
			s.Blocks = append(s.Blocks, report.Chart(c))
		}
	}
	return s, len(s.Blocks) > 0
}

func (r *Result) searchSection() report.Section {
	s := report.Section{Heading: "Search"}
	for _, c := range []*plots.Chart{r.HistoryChart(), r.ImportanceChart(), r.TrialLossChart(5)} {
		if c != nil {
			s.Blocks = append(s.Blocks, report.Chart(c))
		}
	}
	if len(s.Blocks) == 0 {
		s.Blocks = append(s.Blocks, report.Paragraph("No network trial ran."))
	}
	return s
}
