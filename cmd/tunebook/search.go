package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/tunebook/tunebook/automl"
	"github.com/tunebook/tunebook/automl/data"
	"github.com/tunebook/tunebook/automl/space"
)

func init() {
	register("search", "search network architectures and hyperparameters on a CSV file", runSearch)
}

func runSearch(args []string) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	dataPath := fs.String("data", "", "CSV `file` with a header row (required)")
	target := fs.String("target", "", "name of the target `column` (required)")
	task := fs.String("task", "", "binary, multiclass or regression (default: inferred from the target)")
	metric := fs.String("metric", "", "objective: auc, f1, accuracy, logloss, rmse, mae or r2 (default: auc, accuracy or rmse by task)")
	strategy := fs.String("strategy", "tpe", "search strategy: tpe (warm start, then TPE with asynchronous successive halving), random, grid or hyperband")
	trials := fs.Int("trials", 0, "number of network trials (default 30 without --budget)")
	budget := fs.Duration("budget", 0, "wall-clock budget of the search, e.g. 90s or 5m (default: none)")
	parallel := fs.Int("parallel", 1, "trials run at once")
	seed := fs.Uint64("seed", 1, "random seed for splits, weights and sampling")
	reportPath := fs.String("report", "", "write an HTML report to this `file`")
	modelPath := fs.String("model", "", "save the best model to this `file`")
	echartsJS := fs.String("echarts-js", "", "inline ECharts from this local echarts.min.js `file` (offline report)")
	echartsURL := fs.String("echarts-url", "", "load ECharts from this `URL` (default: a public CDN)")
	epochs := fs.Int("epochs", 0, "maximum epochs per trial (default 100)")
	drop := fs.String("drop", "", "comma-separated feature `columns` to leave out")
	weights := fs.String("class-weights", "auto", "auto, balanced or none")
	quiet := fs.Bool("quiet", false, "no live progress")
	folds := fs.Int("folds", 0, "after the search, cross-validate the best configuration with stratified K folds (0: off)")
	spacePath := fs.String("space", "", "search space JSON `file` (default: tunebook's default space)")
	set := fs.String("set", "", "narrow or widen the space, e.g. \"layers=1:2,learning_rate=1e-3:1e-2:log,optimizer=adam|sgd\"")
	splitPath := fs.String("split", "", "JSON `file` with 0-based data rows of each part: {\"train\": [...], \"val\": [...], \"test\": [...]}")
	jsonPath := fs.String("json", "", "write a machine-readable summary of the run to this `file`")
	reading := addReadingFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if *dataPath == "" || *target == "" {
		fs.Usage()
		return fmt.Errorf("--data and --target are required")
	}
	for _, c := range []error{
		checkRange("trials", *trials, 0, 100_000), checkRange("parallel", *parallel, 1, 256),
		checkRange("epochs", *epochs, 0, 100_000), checkRange("folds", *folds, 0, 100),
		checkOutput("report", *reportPath), checkOutput("model", *modelPath), checkOutput("json", *jsonPath),
	} {
		if c != nil {
			return c
		}
	}
	if *budget < 0 {
		return fmt.Errorf("--budget %s: want a positive duration such as 90s", *budget)
	}
	assets, err := assetsFrom(*echartsURL, *echartsJS)
	if err != nil {
		return err
	}

	frame, err := data.ReadCSV(*dataPath, reading.options())
	if err != nil {
		return err
	}
	// The data summary comes first, so that a wrong target or a column read
	// with the wrong type shows before the search, not after it.
	fmt.Println(data.Summarize(frame, *target).String())
	cfg := automl.Config{
		Target:       *target,
		Task:         *task,
		Metric:       *metric,
		Strategy:     *strategy,
		Trials:       *trials,
		Budget:       *budget,
		Parallel:     *parallel,
		Seed:         *seed,
		MaxEpochs:    *epochs,
		ClassWeights: *weights,
		Drop:         splitList(*drop),
		Folds:        *folds,
	}
	if cfg.Space, err = loadSpace(*spacePath, *set, *strategy); err != nil {
		return err
	}
	if *splitPath != "" {
		if cfg.Split, err = readSplit(*splitPath); err != nil {
			return err
		}
	}
	progress := newProgressLine(os.Stderr, *quiet)
	var rss []float64
	cfg.OnTrial = func(p automl.Progress) {
		progress.update(p)
		cur, _ := residentMiB()
		rss = append(rss, cur)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start := time.Now()
	res, err := automl.Run(ctx, frame, cfg)
	progress.finish()
	if err != nil {
		return err
	}

	fmt.Println(res.LeaderboardText(15))
	fmt.Println(res.TestText())
	fmt.Printf("search took %s\n", time.Since(start).Round(time.Millisecond))

	if *modelPath != "" {
		if err := res.Model.Save(*modelPath); err != nil {
			return err
		}
		fmt.Printf("model saved to %s\n", *modelPath)
	}
	if *jsonPath != "" {
		if err := writeSummary(*jsonPath, res, rss); err != nil {
			return err
		}
	}
	if *reportPath != "" {
		if err := writeReport(*reportPath, res, assets); err != nil {
			return err
		}
		fmt.Printf("report written to %s\n", *reportPath)
	}
	return nil
}

// loadSpace returns the search space from a file or the default one, with
// the --set changes applied; nil (the default) when neither flag is given.
func loadSpace(path, set, strategy string) (*space.Space, error) {
	if path == "" && set == "" {
		return nil, nil
	}
	sp := automl.DefaultSpace(strategy)
	if path != "" {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("--space: %w", err)
		}
		defer f.Close()
		if sp, err = space.Load(f); err != nil {
			return nil, fmt.Errorf("--space %s: %w", path, err)
		}
	}
	if set != "" {
		if err := sp.Override(set); err != nil {
			return nil, fmt.Errorf("--set: %w", err)
		}
	}
	return sp, nil
}
