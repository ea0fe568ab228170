package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"

	"github.com/tunebook/tunebook/automl"
	"github.com/tunebook/tunebook/automl/data"
)

func init() {
	register("predict", "predict with a saved model on a CSV file", runPredict)
}

func runPredict(args []string) error {
	fs := flag.NewFlagSet("predict", flag.ContinueOnError)
	modelPath := fs.String("model", "", "saved model `file` from tunebook search --model (required)")
	dataPath := fs.String("data", "", "CSV `file` with the model's feature columns (required)")
	outPath := fs.String("out", "", "write predictions to this CSV `file` (default: standard output)")
	keep := fs.Bool("keep-columns", true, "copy the input columns into the output")
	reading := addReadingFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if *modelPath == "" || *dataPath == "" {
		fs.Usage()
		return fmt.Errorf("--model and --data are required")
	}
	model, err := automl.LoadModel(*modelPath)
	if err != nil {
		return err
	}
	// Read the columns with the kinds the model was trained on, so that a
	// categorical column of codes is not read as numbers.
	opts := reading.options()
	opts.Types = model.Pipeline.Kinds()
	frame, err := data.ReadCSV(*dataPath, opts)
	if err != nil {
		return err
	}
	pred, err := model.Predict(frame)
	if err != nil {
		return err
	}
	if model.Threshold > 0 && len(pred.Classes) == 2 {
		fmt.Fprintf(os.Stderr, "labels use the decision threshold %.4g (chosen for F1 on the validation rows) on probability_%s\n",
			model.Threshold, pred.Classes[1])
	}
	for _, w := range pred.Warnings {
		fmt.Fprintf(os.Stderr, "warning: %s\n", w)
	}

	out := os.Stdout
	if *outPath != "" {
		if out, err = os.Create(*outPath); err != nil {
			return fmt.Errorf("predictions: %w", err)
		}
	}
	if err := writePredictions(out, frame, pred, *keep); err != nil {
		out.Close()
		return fmt.Errorf("predictions %s: %w", *outPath, err)
	}
	if out != os.Stdout {
		if err := out.Close(); err != nil {
			return fmt.Errorf("predictions: %w", err)
		}
		fmt.Fprintf(os.Stderr, "%d predictions written to %s\n", frame.Rows, *outPath)
	}
	return nil
}

// writePredictions writes one CSV row per input row: optionally the input
// columns, then the prediction and, for classification, one probability
// column per class.
func writePredictions(f *os.File, frame *data.Frame, p *automl.Predictions, keep bool) error {
	w := csv.NewWriter(f)
	var header []string
	if keep {
		header = append(header, frame.Names()...)
	}
	predName := "prediction"
	for slices.Contains(header, predName) {
		predName = "tunebook_" + predName
	}
	header = append(header, predName)
	for _, c := range p.Classes {
		header = append(header, "probability_"+c)
	}
	if err := w.Write(header); err != nil {
		return err
	}
	for i := range frame.Rows {
		var rec []string
		if keep {
			for _, c := range frame.Columns {
				rec = append(rec, c.Value(i))
			}
		}
		if p.Values != nil {
			rec = append(rec, strconv.FormatFloat(p.Values[i], 'g', 8, 64))
		} else {
			rec = append(rec, p.Labels[i])
			for _, v := range p.Probabilities[i] {
				rec = append(rec, strconv.FormatFloat(v, 'g', 6, 64))
			}
		}
		if err := w.Write(rec); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}
