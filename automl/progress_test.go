package automl

import (
	"math"
	"strings"
	"testing"
	"time"
)

func TestProgressRendering(t *testing.T) {
	p := Progress{Done: 3, Pruned: 1, Failed: 1, Planned: 10, Best: 0.9812, BestTrial: 2, Metric: "auc",
		BestSoFar: []float64{math.NaN(), 0.9, 0.95, 0.9812, 0.9812}, Elapsed: 12 * time.Second, Remaining: 48 * time.Second}
	wantText := "5/10 trials (1 pruned, 1 failed), best auc 0.9812 (trial 2), 12s elapsed, 48s left"
	if got := p.String(); got != wantText {
		t.Errorf("String() = %q, want %q", got, wantText)
	}
	h := p.HTML()
	for _, want := range []string{"width:50.0%", "<polyline", wantText} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML() lacks %q:\n%s", want, h)
		}
	}
	if got := strings.Count(sparkline(p.BestSoFar, 100, 20), ","); got != 4 {
		t.Errorf("sparkline has %d points, want 4 (the NaN left out)", got)
	}
	if sparkline([]float64{math.NaN(), 1}, 100, 20) != "" {
		t.Error("sparkline of one finite value should be empty")
	}
	p.Metric = "<b>"
	if strings.Contains(p.HTML(), "<b>") {
		t.Error("HTML() does not escape the metric name")
	}
}
