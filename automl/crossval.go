package automl

import (
	"context"
	"fmt"
	"math"

	"github.com/tunebook/tunebook/automl/data"
	"github.com/tunebook/tunebook/automl/linear"
	"github.com/tunebook/tunebook/automl/nn"
	"github.com/tunebook/tunebook/automl/prep"
)

// CrossValidation is the K-fold estimate of the objective for the tested
// model's configuration and for the best baseline. Each fold refits the
// preprocessing on its training part and scores its held-out part; the test
// rows take no part. A network is trained for the number of epochs early
// stopping chose in the search (no early stopping inside the folds, so the
// held-out part is never used to pick the model).
type CrossValidation struct {
	Folds  int
	Metric string
	// Model and Baseline hold one score per fold; a fold that could not be
	// scored holds NaN.
	Model, Baseline []float64
	// ModelMean, ModelStd, BaselineMean and BaselineStd summarise them over
	// the scored folds (the standard deviation is the sample one).
	ModelMean, ModelStd, BaselineMean, BaselineStd float64
}

// crossValidate runs Config.Folds-fold cross-validation of the best model's
// configuration and of a linear baseline: logistic regression, or ridge
// regression with the tested model's alpha when a linear model won (else
// alpha 1).
func (r *runner) crossValidate(ctx context.Context, res *Result) (*CrossValidation, error) {
	y, err := r.pipeline.Target(r.frame, r.modelRows)
	if err != nil {
		return nil, err
	}
	var names []string
	if r.labels != nil {
		names = r.labels.Classes
	}
	folds, err := prep.Folds(y, r.task, r.cfg.Folds, r.cfg.Seed, names...)
	if err != nil {
		return nil, err
	}
	cv := &CrossValidation{Folds: len(folds), Metric: r.obj.name}
	for i, f := range folds {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		m, b, err := r.scoreFold(ctx, res, pick(r.modelRows, f.Train), pick(r.modelRows, f.Test))
		if err != nil {
			r.cfg.Logger.Warn("cross-validation fold failed", "fold", i+1, "err", err)
		}
		cv.Model, cv.Baseline = append(cv.Model, m), append(cv.Baseline, b)
	}
	cv.ModelMean, cv.ModelStd = meanStd(cv.Model)
	cv.BaselineMean, cv.BaselineStd = meanStd(cv.Baseline)
	return cv, nil
}

// scoreFold fits on the training rows of one fold and returns the
// objective of the model and of the baseline on its held-out rows.
func (r *runner) scoreFold(ctx context.Context, res *Result, trainRows, testRows []int) (model, baseline float64, err error) {
	model, baseline = math.NaN(), math.NaN()
	pipeline, err := prep.Fit(r.frame, trainRows, r.cfg.Target, r.task)
	if err != nil {
		return model, baseline, err
	}
	fold := &runner{cfg: r.cfg, task: r.task, obj: r.obj, pipeline: pipeline, classes: r.classes, head: r.head}
	train, err := fold.dataset(r.frame, trainRows)
	if err != nil {
		return model, baseline, err
	}
	test, err := fold.dataset(r.frame, testRows)
	if err != nil {
		return model, baseline, err
	}
	fold.train = train
	fold.weigh()
	train = fold.train

	if net := res.Model.Network; net != nil {
		cfg := net.Config
		cfg.Epochs, cfg.Patience = max(1, net.BestEpoch), 0
		m, _, err := nn.Train(ctx, cfg, r.head, r.classes, train, nn.Data{Cols: train.Cols}, nn.Options{})
		if err != nil {
			return model, baseline, fmt.Errorf("network: %w", err)
		}
		model, _ = r.obj.score(test.Y, m.Predict(test.X, test.Rows), r.classes)
	}

	var lm *linear.Model
	if r.task == data.Regression {
		alpha := 1.0
		if res.Model.Linear != nil {
			alpha = res.Model.Linear.Alpha
		}
		lm, err = linear.FitRidge(train.X, train.Rows, train.Cols, train.Y, train.Weights, alpha)
	} else {
		lm, err = linear.FitLogistic(train.X, train.Rows, train.Cols, train.Y, r.classes, train.Weights, linear.LogisticOptions{})
	}
	if err != nil {
		return model, baseline, fmt.Errorf("baseline: %w", err)
	}
	baseline, _ = r.obj.score(test.Y, lm.Predict(test.X, test.Rows), r.classes)
	if res.Model.Linear != nil {
		model = baseline
	}
	return model, baseline, nil
}

// meanStd returns the mean and sample standard deviation of the finite
// values of v (NaN when there are none, or fewer than two for the
// deviation).
func meanStd(v []float64) (mean, std float64) {
	var xs []float64
	for _, x := range v {
		if !math.IsNaN(x) && !math.IsInf(x, 0) {
			xs = append(xs, x)
		}
	}
	if len(xs) == 0 {
		return math.NaN(), math.NaN()
	}
	mean = meanOf(xs)
	if len(xs) < 2 {
		return mean, math.NaN()
	}
	ss := 0.0
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(ss / float64(len(xs)-1))
}
