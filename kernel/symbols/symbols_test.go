package symbols

import (
	"strings"
	"testing"
)

func TestTablesCoverListedPackages(t *testing.T) {
	for _, key := range []string{
		"github.com/tunebook/tunebook/kernel/display/display",
		"gonum.org/v1/gonum/mat/mat",
		"gonum.org/v1/gonum/stat/stat",
		"gonum.org/v1/gonum/floats/floats",
		"gonum.org/v1/gonum/optimize/optimize",
		"github.com/go-echarts/go-echarts/v2/charts/charts",
		"github.com/go-echarts/go-echarts/v2/opts/opts",
	} {
		if len(Symbols[key]) == 0 {
			t.Errorf("Symbols[%q] is empty, want the package's exported symbols", key)
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		pkg, name string
		wantSig   string
		wantDoc   string
	}{
		{"gonum.org/v1/gonum/mat", "Dense.Mul", "func (m *Dense) Mul(a, b Matrix)", "Mul takes the matrix product"},
		{"strings", "Repeat", "func Repeat(s string, count int) string", "Repeat returns a new string"},
		{"github.com/tunebook/tunebook/kernel/display", "HTML", "func HTML(s string)", "HTML shows s as HTML"},
		{"math", "Pi", "const Pi", ""},
	}
	for _, tt := range tests {
		doc, ok := Lookup(tt.pkg, tt.name)
		if !ok {
			t.Errorf("Lookup(%q, %q) found nothing", tt.pkg, tt.name)
			continue
		}
		if !strings.HasPrefix(doc.Signature, tt.wantSig) {
			t.Errorf("Lookup(%q, %q).Signature = %q, want prefix %q", tt.pkg, tt.name, doc.Signature, tt.wantSig)
		}
		if !strings.Contains(doc.Text, tt.wantDoc) {
			t.Errorf("Lookup(%q, %q).Text = %q, want it to contain %q", tt.pkg, tt.name, doc.Text, tt.wantDoc)
		}
	}
	if _, ok := Lookup("strings", "notExported"); ok {
		t.Error("Lookup of an unexported name reported true, want false")
	}
}
