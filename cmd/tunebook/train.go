package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"os/signal"
	"strconv"
	"strings"

	"github.com/tunebook/tunebook/automl"
	"github.com/tunebook/tunebook/automl/data"
	"github.com/tunebook/tunebook/automl/nn"
)

func init() {
	register("train", "train one given network configuration, without a search", runTrain)
}

func runTrain(args []string) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	dataPath := fs.String("data", "", "CSV `file` with a header row (required)")
	target := fs.String("target", "", "name of the target `column` (required)")
	task := fs.String("task", "", "binary, multiclass or regression (default: inferred)")
	hidden := fs.String("hidden", "64", "comma-separated hidden layer `widths`, 1 to 4 layers")
	activation := fs.String("activation", "relu", "hidden activation: "+strings.Join(nn.Activations(), ", "))
	dropout := fs.Float64("dropout", 0, "dropout rate during training")
	l1 := fs.Float64("l1", 0, "L1 weight penalty")
	l2 := fs.Float64("l2", 0, "L2 weight penalty")
	optimizer := fs.String("optimizer", "adam", "adam, sgd or rmsprop")
	lr := fs.Float64("lr", 1e-3, "learning rate")
	momentum := fs.Float64("momentum", 0.9, "momentum of sgd")
	schedule := fs.String("schedule", "constant", "learning-rate schedule: "+strings.Join(nn.ScheduleKinds, ", "))
	batch := fs.Int("batch", 64, "batch size")
	epochs := fs.Int("epochs", 20, "epochs")
	patience := fs.Int("patience", 0, "early-stopping patience in epochs (0: off)")
	seed := fs.Uint64("seed", 1, "random seed")
	modelPath := fs.String("model", "", "save the model to this `file`")
	ordered := fs.Bool("ordered", false, "split in file order (train rows first, the last rows validate), as the benchmarks do")
	valid := fs.Float64("valid", 0.2, "fraction of rows that validate")
	jsonPath := fs.String("json", "", "write throughput and validation metrics as JSON to this `file`")
	drop := fs.String("drop", "", "comma-separated feature `columns` to leave out")
	weights := fs.String("class-weights", "none", "auto, balanced or none")
	reading := addReadingFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if *dataPath == "" || *target == "" {
		fs.Usage()
		return fmt.Errorf("--data and --target are required")
	}
	if *valid <= 0 || *valid >= 0.9 {
		return fmt.Errorf("--valid %g: want a fraction between 0 and 0.9", *valid)
	}
	for _, c := range []error{checkRange("epochs", *epochs, 1, 100_000), checkRange("batch", *batch, 1, 1<<20),
		checkOutput("model", *modelPath), checkOutput("json", *jsonPath)} {
		if c != nil {
			return c
		}
	}
	widths, err := parseWidths(*hidden)
	if err != nil {
		return err
	}
	network := nn.Config{
		Hidden: widths, Activation: *activation, Dropout: *dropout, L1: *l1, L2: *l2,
		Optimizer: *optimizer, LearningRate: *lr, Momentum: *momentum,
		Schedule:  nn.Schedule{Kind: *schedule, StepSize: 10, Gamma: 0.5, Patience: 3},
		BatchSize: *batch, Epochs: *epochs, Patience: *patience, Seed: *seed,
	}
	if network.Optimizer != "sgd" {
		network.Momentum = 0
	}

	frame, err := data.ReadCSV(*dataPath, reading.options())
	if err != nil {
		return err
	}
	cfg := automl.Config{Target: *target, Task: *task, Seed: *seed, Ordered: *ordered, NoTest: true,
		ValidFraction: *valid, ClassWeights: *weights, Drop: splitList(*drop)}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := automl.Train(ctx, frame, cfg, network)
	if err != nil && res == nil {
		return err
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "training stopped: %v\n", err)
	}

	fmt.Printf("trained %d epochs on %d rows (%d validate) in %s\n", len(res.History), res.Rows.Train, res.Rows.Valid, res.Elapsed.Round(1e6))
	fmt.Printf("training throughput: %.0f samples/s\n", res.SamplesPerSecond)
	for _, e := range res.History {
		fmt.Printf("epoch %3d  train loss %.5f  valid loss %.5f  lr %.3g\n", e.Epoch, e.TrainLoss, e.ValidLoss, e.LearningRate)
	}
	if len(res.History) > 0 {
		best := res.Model.Network.BestEpoch
		fmt.Printf("kept the weights of epoch %d (lowest validation loss)\n", best)
	}
	for _, n := range res.Notes {
		fmt.Printf("note: %s\n", n)
	}
	fmt.Println("validation metrics:")
	for _, m := range res.Validation.Measures {
		fmt.Printf("  %-20s %.4f\n", m.Name, m.Value)
	}
	for _, p := range res.Validation.Problems {
		fmt.Printf("  not computed: %s\n", p)
	}
	if *modelPath != "" {
		if err := res.Model.Save(*modelPath); err != nil {
			return err
		}
		fmt.Printf("model saved to %s\n", *modelPath)
	}
	if *jsonPath != "" {
		return writeTrainSummary(*jsonPath, res)
	}
	return nil
}

// writeTrainSummary writes the outcome of a training as flat JSON: the
// throughput, epochs, wall time and each validation metric as valid_NAME.
func writeTrainSummary(path string, res *automl.Trained) error {
	out := map[string]any{
		"samples_per_s": res.SamplesPerSecond, "epochs": len(res.History),
		"wall_s": res.Elapsed.Seconds(), "train_rows": res.Rows.Train, "valid_rows": res.Rows.Valid,
	}
	for _, m := range res.Validation.Measures {
		if !math.IsNaN(m.Value) && !math.IsInf(m.Value, 0) {
			out["valid_"+m.Name] = m.Value
		}
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return fmt.Errorf("--json: %w", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("--json: %w", err)
	}
	return nil
}

func parseWidths(s string) ([]int, error) {
	var out []int
	for _, p := range strings.Split(s, ",") {
		w, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || w < 1 {
			return nil, fmt.Errorf("--hidden: %q is not a positive layer width", p)
		}
		out = append(out, w)
	}
	return out, nil
}
