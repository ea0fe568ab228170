package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"

	"github.com/tunebook/tunebook/automl"
	"github.com/tunebook/tunebook/automl/search"
)

// readSplit reads explicit split rows, as written by bench/optuna_mlp.py.
func readSplit(path string) (*automl.RowSplit, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--split: %w", err)
	}
	var s automl.RowSplit
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("--split %s: %w", path, err)
	}
	return &s, nil
}

// summary is the machine-readable outcome of a search (--json).
type summary struct {
	Dataset    string             `json:"dataset"`
	Target     string             `json:"target"`
	Task       string             `json:"task"`
	Metric     string             `json:"metric"`
	Best       string             `json:"best"`
	BestValid  *float64           `json:"best_valid"`
	Test       map[string]float64 `json:"test"`
	Trials     int                `json:"trials"`
	Completed  int                `json:"completed"`
	Pruned     int                `json:"pruned"`
	Failed     int                `json:"failed"`
	WallSecond float64            `json:"wall_s"`
	// RSSByTrial is the resident memory in MiB after each finished trial,
	// and PeakRSS the peak over the run.
	RSSByTrial []float64 `json:"rss_mib_by_trial,omitempty"`
	PeakRSS    float64   `json:"peak_rss_mib"`
	// Leaderboard lists every ranked model, best first.
	Leaderboard []entry `json:"leaderboard"`
}

// entry is one leaderboard row of the summary.
type entry struct {
	Rank     int      `json:"rank"`
	Name     string   `json:"name"`
	Trial    int      `json:"trial"`
	Valid    *float64 `json:"valid"`
	Tiebreak *float64 `json:"tiebreak"`
	Epochs   int      `json:"epochs,omitempty"`
	Params   string   `json:"params,omitempty"`
	Stopped  bool     `json:"stopped_by_budget,omitempty"`
}

func writeSummary(path string, res *automl.Result, rss []float64) error {
	s := summary{
		Dataset: res.Summary.Name, Target: res.Target, Task: res.Task.String(), Metric: res.Metric,
		Best: res.Best.Name, BestValid: finitePtr(res.Best.Value), Test: map[string]float64{},
		WallSecond: res.Elapsed.Seconds(), RSSByTrial: rss,
	}
	_, s.PeakRSS = residentMiB()
	for _, e := range res.Leaderboard {
		s.Leaderboard = append(s.Leaderboard, entry{Rank: e.Rank, Name: e.Name, Trial: e.Trial,
			Valid: finitePtr(e.Value), Tiebreak: finitePtr(e.Tiebreak), Epochs: e.Epochs, Params: e.Params, Stopped: e.Stopped})
	}
	for _, m := range res.Test.Measures {
		if !math.IsNaN(m.Value) && !math.IsInf(m.Value, 0) {
			s.Test[m.Name] = m.Value
		}
	}
	if res.Study != nil {
		s.Trials = len(res.Study.Trials)
		s.Completed = res.Study.Count(search.Complete)
		s.Pruned = res.Study.Count(search.Pruned)
		s.Failed = res.Study.Count(search.Failed)
	}
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fmt.Errorf("--json: %w", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("--json: %w", err)
	}
	return nil
}

func finitePtr(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}
