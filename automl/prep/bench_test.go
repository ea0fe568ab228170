package prep

import (
	"path/filepath"
	"testing"

	"github.com/tunebook/tunebook/automl/data"
)

func BenchmarkFitTransformCreditCard(b *testing.B) {
	f, err := data.ReadCSV(filepath.Join("testdata", "credit_card_applications.csv"), data.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		p, err := Fit(f, nil, "card", data.Binary)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, _, err := p.Transform(f, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTrainValidTest(b *testing.B) {
	y := make([]float64, 20000)
	for i := range y {
		y[i] = float64(i % 26)
	}
	for b.Loop() {
		if _, err := TrainValidTest(y, data.Multiclass, 0.2, 0.2, 1); err != nil {
			b.Fatal(err)
		}
	}
}
