package automl

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tunebook/tunebook/automl/data"
	"github.com/tunebook/tunebook/automl/nn"
)

// Trained is the outcome of Train: one network of a given configuration.
type Trained struct {
	Model   *Model
	History []nn.Epoch
	// Validation and Test evaluate the network on the validation and test
	// rows (the same rows when Config.NoTest is set).
	Validation, Test *Evaluation
	Rows             SplitSizes
	Notes            []string
	// SamplesPerSecond is the number of training rows processed per second
	// of training, over all epochs.
	SamplesPerSecond float64
	Elapsed          time.Duration
}

// Train trains one network of configuration network on frame, with the
// data handling of Run (cfg's target, task, splits, class weights and
// preprocessing) but no search and no baselines: what a user needs to
// retrain a chosen configuration, and what benchmarks measure.
// network.Epochs and network.Seed are used as given.
func Train(ctx context.Context, frame *data.Frame, cfg Config, network nn.Config) (*Trained, error) {
	start := time.Now()
	r, res, err := prepare(frame, cfg)
	if err != nil {
		return nil, err
	}
	if err := network.Validate(); err != nil {
		return nil, fmt.Errorf("automl: %w", err)
	}

	trainStart := time.Now()
	model, history, err := nn.Train(ctx, network, r.head, r.classes, r.train, r.valid, nn.Options{Logger: r.cfg.Logger})
	trainTime := time.Since(trainStart)
	if model == nil || (err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded)) {
		return nil, fmt.Errorf("automl: training: %w", err)
	}

	var labels []string
	if r.labels != nil {
		labels = r.labels.Classes
	}
	threshold := r.validThreshold(model)
	t := &Trained{
		History: history, Rows: res.Rows, Notes: res.Notes,
		Validation:       evaluate(r.task, r.valid.Y, model.Predict(r.valid.X, r.valid.Rows), r.classes, labels, threshold),
		Test:             evaluate(r.task, r.test.Y, model.Predict(r.test.X, r.test.Rows), r.classes, labels, threshold),
		SamplesPerSecond: float64(len(history)*r.train.Rows) / trainTime.Seconds(),
	}
	t.Model = &Model{
		Version: modelVersion, Kind: "network", Name: "network", Pipeline: r.pipeline, Network: model,
		Metric: r.obj.name, Created: time.Now().UTC(), Test: finiteMeasures(t.Test.Measures),
		Threshold: finiteOr(threshold, 0),
	}
	if v, ok := t.Validation.Value(r.obj.name); ok {
		t.Model.Validation = finiteOr(v, 0)
	}
	t.Elapsed = time.Since(start)
	return t, err
}
