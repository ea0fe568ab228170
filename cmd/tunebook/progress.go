package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/tunebook/tunebook/automl"
)

// progressLine shows a search's progress: a live bar on a terminal, and one
// line per trial when the output is a file or a pipe.
type progressLine struct {
	w     io.Writer
	quiet bool
	tty   bool
	bar   *progressbar.ProgressBar
}

func newProgressLine(w io.Writer, quiet bool) *progressLine {
	tty := false
	if f, ok := w.(*os.File); ok {
		tty = term.IsTerminal(int(f.Fd()))
	}
	return &progressLine{w: w, quiet: quiet, tty: tty}
}

func (p *progressLine) update(s automl.Progress) {
	if p.quiet {
		return
	}
	total := s.Done + s.Failed + s.Pruned
	best := "none yet"
	if s.BestTrial >= 0 {
		best = fmt.Sprintf("%s %.4f (trial %d)", s.Metric, s.Best, s.BestTrial)
	}
	left := ""
	if s.Remaining > 0 {
		left = fmt.Sprintf(", %s left", s.Remaining.Round(time.Second))
	}
	desc := fmt.Sprintf("best %s, %d failed, %d pruned%s", best, s.Failed, s.Pruned, left)

	if !p.tty {
		planned := "?"
		if s.Planned > 0 {
			planned = fmt.Sprint(s.Planned)
		}
		fmt.Fprintf(p.w, "trial %d/%s finished, %s elapsed: %s\n", total, planned, s.Elapsed.Round(time.Millisecond), desc)
		return
	}
	if p.bar == nil {
		max := s.Planned
		if max == 0 {
			max = -1
		}
		p.bar = progressbar.NewOptions(max,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription("trials"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionSetPredictTime(s.Planned > 0),
			progressbar.OptionSetWidth(20),
			progressbar.OptionThrottle(100*time.Millisecond),
		)
	}
	p.bar.Describe(desc)
	_ = p.bar.Set(total)
}

func (p *progressLine) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
		fmt.Fprintln(p.w)
	}
}
