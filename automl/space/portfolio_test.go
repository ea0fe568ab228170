package space

import (
	"slices"
	"testing"
)

func TestPortfolio(t *testing.T) {
	tests := []struct {
		name     string
		override string
		remove   string
		layers   []int // the entries' layer counts, in order
	}{
		{"default space", "", "", []int{2, 1, 1, 3}},
		{"at most two layers", "layers=1:2", "", []int{2, 1, 1}},
		{"one layer of at least 64 units", "layers=1,width_1=64:512:log", "", []int{1}},
		{"sgd only", "optimizer=sgd", "", nil},
		{"no dropout parameter", "", "dropout", []int{2, 1, 1, 3}},
	}
	for _, tt := range tests {
		sp := Default()
		if tt.override != "" {
			if err := sp.Override(tt.override); err != nil {
				t.Fatal(err)
			}
		}
		if tt.remove != "" {
			if err := sp.Remove(tt.remove); err != nil {
				t.Fatal(err)
			}
		}
		points := sp.Portfolio()
		var layers []int
		for i, p := range points {
			layers = append(layers, p.Int("layers"))
			if err := sp.Contains(p); err != nil {
				t.Errorf("%s: entry %d (%s) is not a point of the space: %v", tt.name, i, p, err)
			}
			if tt.remove != "" && p.Has(tt.remove) {
				t.Errorf("%s: entry %d (%s) sets the removed parameter %q", tt.name, i, p, tt.remove)
			}
		}
		if !slices.Equal(layers, tt.layers) {
			t.Errorf("%s: entries' layers = %v, want %v", tt.name, layers, tt.layers)
		}
	}
}

func TestPortfolioEntriesAreIndependent(t *testing.T) {
	a := Default().Portfolio()
	a[0]["layers"] = 4
	if got := Default().Portfolio()[0].Int("layers"); got != 2 {
		t.Errorf("after changing a returned entry, the portfolio's first entry has %d layers, want 2", got)
	}
}
