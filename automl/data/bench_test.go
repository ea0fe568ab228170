package data

import (
	"os"
	"path/filepath"
	"testing"
)

func BenchmarkReadPima(b *testing.B) {
	path := filepath.Join("testdata", "pima_diabetes.csv")
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(info.Size())
	for b.Loop() {
		if _, err := ReadCSV(path, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSummarizeCreditCard(b *testing.B) {
	f, err := ReadCSV(filepath.Join("testdata", "credit_card_applications.csv"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Summarize(f, "card")
	}
}
