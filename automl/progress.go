package automl

import (
	"fmt"
	"html"
	"math"
	"strings"
	"time"
)

// Progress is the state of a running search, passed to Config.OnTrial.
// In a notebook it shows as a live panel: pass it to a display that is
// updated in place, e.g.
//
//	panel := display.New()
//	cfg.OnTrial = func(p automl.Progress) { panel.Update(p) }
type Progress struct {
	Done, Failed, Pruned int
	// Planned is the number of trials planned, 0 when only a time budget
	// limits the search.
	Planned int
	// Best is the best objective value so far and BestTrial its trial
	// number; BestTrial is -1 while no trial has completed.
	Best      float64
	BestTrial int
	// BestSoFar holds, for each finished trial in order, the best
	// objective value reached by then (NaN before the first completion).
	BestSoFar []float64
	Metric    string
	Elapsed   time.Duration
	// Remaining is the time left of the budget, 0 without a budget.
	Remaining time.Duration
}

// String describes the progress in one line.
func (p Progress) String() string {
	planned := "?"
	if p.Planned > 0 {
		planned = fmt.Sprint(p.Planned)
	}
	best := "no completed trial yet"
	if p.BestTrial >= 0 {
		best = fmt.Sprintf("best %s %.4f (trial %d)", p.Metric, p.Best, p.BestTrial)
	}
	s := fmt.Sprintf("%d/%s trials (%d pruned, %d failed), %s, %s elapsed",
		p.Done+p.Failed+p.Pruned, planned, p.Pruned, p.Failed, best, p.Elapsed.Round(time.Second))
	if p.Remaining > 0 {
		s += fmt.Sprintf(", %s left", p.Remaining.Round(time.Second))
	}
	return s
}

// HTML renders the progress as a small panel: counts, the best value so
// far, a progress bar when the number of trials is known, and a sparkline
// of the best value after each trial.
func (p Progress) HTML() string {
	var b strings.Builder
	b.WriteString(`<div style="font-family:system-ui,sans-serif;border:1px solid #d0d7de;border-radius:6px;padding:10px 14px;max-width:560px">`)
	fmt.Fprintf(&b, `<div style="font-weight:600;margin-bottom:6px">tunebook search — %s</div>`, html.EscapeString(p.Metric))
	if p.Planned > 0 {
		done := p.Done + p.Failed + p.Pruned
		pct := math.Min(100, 100*float64(done)/float64(p.Planned))
		fmt.Fprintf(&b, `<div style="background:#eef1f4;border-radius:4px;height:8px;margin-bottom:6px"><div style="background:#2f6feb;width:%.1f%%;height:8px;border-radius:4px"></div></div>`, pct)
	}
	fmt.Fprintf(&b, `<div>%s</div>`, html.EscapeString(p.String()))
	if svg := sparkline(p.BestSoFar, 520, 60); svg != "" {
		b.WriteString(`<div style="margin-top:6px">` + svg + `</div>`)
	}
	b.WriteString(`</div>`)
	return b.String()
}

// sparkline draws the finite values of v as an SVG polyline, or returns ""
// when fewer than two values are finite.
func sparkline(v []float64, w, h int) string {
	lo, hi, n := math.Inf(1), math.Inf(-1), 0
	for _, x := range v {
		if !math.IsNaN(x) && !math.IsInf(x, 0) {
			lo, hi, n = math.Min(lo, x), math.Max(hi, x), n+1
		}
	}
	if n < 2 {
		return ""
	}
	if hi == lo {
		hi = lo + 1
	}
	var pts []string
	for i, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			continue
		}
		px := float64(i) / float64(max(1, len(v)-1)) * float64(w-4)
		py := float64(h-4) - (x-lo)/(hi-lo)*float64(h-8)
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", px+2, py+2))
	}
	return fmt.Sprintf(`<svg width="%d" height="%d" role="img" aria-label="best so far"><polyline fill="none" stroke="#2f6feb" stroke-width="2" points="%s"/></svg>`,
		w, h, strings.Join(pts, " "))
}
