package nn

import (
	"encoding/csv"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
)

// xorData returns n rows of two uniform features in [−1, 1] labelled 1
// when both have the same sign: a set no linear model separates.
func xorData(n int, seed uint64) Data {
	r := rand.New(rand.NewPCG(seed, 11))
	d := Data{Rows: n, Cols: 2, X: make([]float64, 2*n), Y: make([]float64, n)}
	for i := range n {
		a, b := 2*r.Float64()-1, 2*r.Float64()-1
		d.X[2*i], d.X[2*i+1] = a, b
		if a*b > 0 {
			d.Y[i] = 1
		}
	}
	return d
}

// blobData returns n rows of two features around three centres, labelled
// with the index of their centre.
func blobData(n int, seed uint64) Data {
	centres := [3][2]float64{{-2, 0}, {2, 0}, {0, 2.5}}
	r := rand.New(rand.NewPCG(seed, 12))
	d := Data{Rows: n, Cols: 2, X: make([]float64, 2*n), Y: make([]float64, n)}
	for i := range n {
		c := i % 3
		d.X[2*i] = centres[c][0] + 0.6*r.NormFloat64()
		d.X[2*i+1] = centres[c][1] + 0.6*r.NormFloat64()
		d.Y[i] = float64(c)
	}
	return d
}

// lineData returns n rows of y = 2x + 1 + N(0, noise²) with x uniform in
// [−1, 1].
func lineData(n int, noise float64, seed uint64) Data {
	r := rand.New(rand.NewPCG(seed, 13))
	d := Data{Rows: n, Cols: 1, X: make([]float64, n), Y: make([]float64, n)}
	for i := range n {
		x := 2*r.Float64() - 1
		d.X[i], d.Y[i] = x, 2*x+1+noise*r.NormFloat64()
	}
	return d
}

// breastCancer reads testdata/breast_cancer.csv (scikit-learn's copy of
// the Wisconsin diagnostic data, 569 rows, 30 features), standardises the
// features and splits it into 455 training and 114 validation rows, with
// label 1 for malignant.
func breastCancer(t testing.TB) (train, valid Data) {
	t.Helper()
	f, err := os.Open("testdata/breast_cancer.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	records = records[1:]
	cols := len(records[0]) - 1
	all := Data{Rows: len(records), Cols: cols, X: make([]float64, len(records)*cols), Y: make([]float64, len(records))}
	for i, rec := range records {
		for j := range cols {
			if all.X[i*cols+j], err = strconv.ParseFloat(rec[j], 64); err != nil {
				t.Fatalf("row %d column %d: %v", i+2, j+1, err)
			}
		}
		if rec[cols] == "malignant" {
			all.Y[i] = 1
		}
	}
	standardise(all)
	split := 455
	train = Data{Rows: split, Cols: cols, X: all.X[:split*cols], Y: all.Y[:split]}
	valid = Data{Rows: all.Rows - split, Cols: cols, X: all.X[split*cols:], Y: all.Y[split:]}
	return train, valid
}

// standardise scales every column of d to mean 0 and standard deviation 1.
func standardise(d Data) {
	for j := range d.Cols {
		var mean, ss float64
		for i := range d.Rows {
			mean += d.X[i*d.Cols+j]
		}
		mean /= float64(d.Rows)
		for i := range d.Rows {
			v := d.X[i*d.Cols+j] - mean
			ss += v * v
		}
		std := math.Sqrt(ss / float64(d.Rows))
		for i := range d.Rows {
			d.X[i*d.Cols+j] = (d.X[i*d.Cols+j] - mean) / std
		}
	}
}

// accuracy returns the share of rows whose highest score (or, with one
// score per row, a probability above 0.5) picks the class in y.
func accuracy(scores, y []float64) float64 {
	k := len(scores) / len(y)
	var right int
	for i, want := range y {
		var got int
		if k == 1 {
			if scores[i] > 0.5 {
				got = 1
			}
		} else {
			row := scores[i*k : (i+1)*k]
			for c := range row {
				if row[c] > row[got] {
					got = c
				}
			}
		}
		if float64(got) == want {
			right++
		}
	}
	return float64(right) / float64(len(y))
}

// baseConfig is a small valid configuration for the tests.
func baseConfig() Config {
	return Config{Hidden: []int{16}, Activation: "tanh", Optimizer: "adam",
		LearningRate: 0.03, BatchSize: 32, Epochs: 40, Seed: 1}
}
