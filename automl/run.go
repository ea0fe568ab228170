package automl

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/tunebook/tunebook/automl/data"
	"github.com/tunebook/tunebook/automl/metrics"
	"github.com/tunebook/tunebook/automl/nn"
	"github.com/tunebook/tunebook/automl/prep"
	"github.com/tunebook/tunebook/automl/search"
)

// runner holds the prepared data and settings of one Run.
type runner struct {
	cfg      Config
	task     data.Task
	obj      objective
	head     nn.Head
	classes  int
	labels   *prep.Labels
	pipeline *prep.Pipeline
	train    nn.Data
	valid    nn.Data
	test     nn.Data
	keeper   keeper
	// frame and modelRows (training and validation rows) serve
	// cross-validation, which refits the preprocessing per fold.
	frame     *data.Frame
	modelRows []int
}

// Run searches for the best model of frame's cfg.Target column.
//
// It drops cfg.Drop and the rows whose target is missing, splits the rows
// (stratified for classification), fits the preprocessing on the training
// rows, trains the baselines, runs the network search, and evaluates the
// model with the best validation objective, network or baseline, on the test
// rows. When ctx is cancelled during the search, Run still evaluates the best
// model found so far and says so in Result.Notes. Errors name the column,
// parameter or setting at fault.
//
// With cfg.Budget, Run returns within about half a second after the budget
// (measured from the call), whatever the data: the baselines are fitted
// while the search runs and left out if they have not finished by then,
// running trials are stopped in time to evaluate the best model, and each
// keeps the weights of its best epoch so far. Only the preparation of the
// data before the search and the cross-validation of cfg.Folds after it
// are not bounded by the budget.
func Run(ctx context.Context, frame *data.Frame, cfg Config) (*Result, error) {
	start := time.Now()
	r, res, err := prepare(frame, cfg)
	if err != nil {
		return nil, err
	}
	cfg = r.cfg

	baselines := r.startBaselines()
	study, err := r.search(ctx, start)
	if err != nil && study == nil {
		return nil, err
	}
	if err != nil {
		res.Notes = append(res.Notes, fmt.Sprintf("search stopped early: %v; the results cover the trials that finished", err))
	}
	res.Study = study
	var note string
	if res.Baselines, note = r.awaitBaselines(ctx, baselines, start); note != "" {
		res.Notes = append(res.Notes, note)
	}

	if err := r.finish(res); err != nil {
		return nil, err
	}
	if cfg.Folds > 1 {
		res.CrossValidation, err = r.crossValidate(ctx, res)
		if err != nil {
			res.Notes = append(res.Notes, fmt.Sprintf("cross-validation not done: %v", err))
		}
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// prepare validates cfg against the data, splits the rows and fits the
// preprocessing.
func prepare(frame *data.Frame, cfg Config) (*runner, *Result, error) {
	if frame == nil {
		return nil, nil, errors.New("automl: no data frame")
	}
	if cfg.Target == "" {
		return nil, nil, errors.New("automl: no target column given")
	}
	if len(cfg.Drop) > 0 {
		if slices.Contains(cfg.Drop, cfg.Target) {
			return nil, nil, fmt.Errorf("automl: cannot drop the target column %q", cfg.Target)
		}
		var err error
		if frame, err = frame.Drop(cfg.Drop...); err != nil {
			return nil, nil, fmt.Errorf("automl: dropping columns: %w", err)
		}
	}
	col, err := frame.Column(cfg.Target)
	if err != nil {
		return nil, nil, fmt.Errorf("automl: target: %w", err)
	}
	task, err := resolveTask(col, cfg.Task)
	if err != nil {
		return nil, nil, err
	}
	cfg = cfg.withDefaults(task)
	if err := cfg.validate(task); err != nil {
		return nil, nil, err
	}
	if err := cfg.Space.Validate(); err != nil {
		return nil, nil, fmt.Errorf("automl: search space: %w", err)
	}
	if err := checkSpace(cfg.Space); err != nil {
		return nil, nil, fmt.Errorf("automl: search space: %w", err)
	}
	obj, _ := objectiveFor(cfg.Metric, task)

	yAll, labels, err := prep.EncodeTarget(col, task)
	if err != nil {
		return nil, nil, fmt.Errorf("automl: target %q: %w", cfg.Target, err)
	}
	if err := checkClassCount(cfg.Target, labels, len(yAll)); err != nil {
		return nil, nil, err
	}
	res := &Result{
		Summary: data.Summarize(frame, cfg.Target), Task: task, Metric: obj.name,
		Direction: obj.direction, Target: cfg.Target,
	}
	rows, y := presentRows(yAll)
	if missing := len(yAll) - len(rows); missing > 0 {
		res.Notes = append(res.Notes, fmt.Sprintf("%d rows with a missing target were left out", missing))
	}
	var names []string
	if labels != nil {
		names = labels.Classes
	}
	trainRows, validRows, testRows, warnings, err := splitRows(rows, y, task, cfg, names)
	if cfg.Split != nil {
		trainRows, validRows, testRows, warnings = cfg.Split.Train, cfg.Split.Valid, cfg.Split.Test, nil
		if err = cfg.Split.check(frame.Rows); err == nil {
			err = checkSplitTargets(yAll, cfg.Split, labels)
		}
	}
	if err != nil {
		return nil, nil, fmt.Errorf("automl: splitting %q: %w", frame.Name, err)
	}
	res.Notes = append(res.Notes, warnings...)
	res.Rows = SplitSizes{Train: len(trainRows), Valid: len(validRows), Test: len(testRows)}

	pipeline, err := prep.Fit(frame, trainRows, cfg.Target, task)
	if err != nil {
		return nil, nil, fmt.Errorf("automl: preprocessing: %w", err)
	}
	res.Notes = append(res.Notes, pipeline.Notes...)

	r := &runner{cfg: cfg, task: task, obj: obj, labels: pipeline.Labels, pipeline: pipeline,
		frame: frame, modelRows: append(slices.Clone(trainRows), validRows...)}
	r.keeper.direction = obj.direction
	r.head, r.classes = headFor(task, pipeline.Labels)
	for _, part := range []struct {
		rows []int
		dst  *nn.Data
	}{{trainRows, &r.train}, {validRows, &r.valid}, {testRows, &r.test}} {
		if *part.dst, err = r.dataset(frame, part.rows); err != nil {
			return nil, nil, err
		}
	}
	if note := r.weigh(); note != "" {
		res.Notes = append(res.Notes, note)
	}
	res.Notes = append(res.Notes, r.leakageNotes()...)
	res.Features = pipeline.FeatureNames()
	return r, res, nil
}

// resolveTask returns the forced task, or the one inferred from the column.
func resolveTask(col *data.Column, forced string) (data.Task, error) {
	if forced != "" {
		t, err := data.ParseTask(forced)
		if err != nil {
			return 0, fmt.Errorf("automl: --task: %w", err)
		}
		return t, nil
	}
	t, err := data.InferTask(col)
	if err != nil {
		return 0, fmt.Errorf("automl: target %q: %w", col.Name, err)
	}
	return t, nil
}

// presentRows returns the indices and values of the non-missing targets.
func presentRows(y []float64) ([]int, []float64) {
	rows := make([]int, 0, len(y))
	vals := make([]float64, 0, len(y))
	for i, v := range y {
		if !math.IsNaN(v) {
			rows = append(rows, i)
			vals = append(vals, v)
		}
	}
	return rows, vals
}

// splitRows splits the frame rows that have a target into training,
// validation and test rows, at random (stratified for classification) or,
// with cfg.Ordered, in file order. With cfg.NoTest the test rows are the
// validation rows.
func splitRows(rows []int, y []float64, task data.Task, cfg Config, names []string) (train, valid, test []int, warnings []string, err error) {
	testFraction := cfg.TestFraction
	if cfg.NoTest {
		testFraction = 0
	}
	if cfg.Ordered {
		n := len(rows)
		nv := int(math.Round(float64(n) * cfg.ValidFraction))
		nt := int(math.Round(float64(n) * testFraction))
		if n-nv-nt < 1 || nv < 1 {
			return nil, nil, nil, nil, fmt.Errorf("%d rows are too few to split", n)
		}
		train, valid, test = rows[:n-nv-nt], rows[n-nv-nt:n-nt], rows[n-nt:]
	} else {
		s, err := prep.TrainValidTest(y, task, cfg.ValidFraction, testFraction, cfg.Seed, names...)
		if err != nil {
			return nil, nil, nil, nil, err
		}
		train, valid, test, warnings = pick(rows, s.Train), pick(rows, s.Valid), pick(rows, s.Test), s.Warnings
	}
	if cfg.NoTest {
		test = valid
	}
	return train, valid, test, warnings, nil
}

// pick maps positions in the kept rows back to frame rows.
func pick(rows, idx []int) []int {
	out := make([]int, len(idx))
	for i, j := range idx {
		out[i] = rows[j]
	}
	return out
}

func headFor(task data.Task, labels *prep.Labels) (nn.Head, int) {
	switch task {
	case data.Binary:
		return nn.Sigmoid, 2
	case data.Multiclass:
		return nn.Softmax, labels.Len()
	default:
		return nn.Linear, 1
	}
}

// dataset transforms the given frame rows into a training table.
func (r *runner) dataset(frame *data.Frame, rows []int) (nn.Data, error) {
	x, n, cols, err := r.pipeline.Transform(frame, rows)
	if err != nil {
		return nn.Data{}, fmt.Errorf("automl: preprocessing: %w", err)
	}
	y, err := r.pipeline.Target(frame, rows)
	if err != nil {
		return nn.Data{}, fmt.Errorf("automl: target: %w", err)
	}
	return nn.Data{X: x, Rows: n, Cols: cols, Y: y}, nil
}

// weigh sets balanced sample weights on the training rows when the class
// weights setting asks for them, and returns a note saying so.
func (r *runner) weigh() string {
	if r.task == data.Regression || r.cfg.ClassWeights == "none" {
		return ""
	}
	w, err := prep.BalancedClassWeights(r.train.Y, r.classes)
	if err != nil {
		return fmt.Sprintf("class weights not used: %v", err)
	}
	if r.cfg.ClassWeights == "auto" && slices.Max(w) < 3*slices.Min(w) {
		return ""
	}
	r.train.Weights = prep.SampleWeights(r.train.Y, w)
	return fmt.Sprintf("training rows weighted by balanced class weights %v: predicted probabilities lean towards the rare classes "+
		"and are not calibrated to the class frequencies (--class-weights none keeps them calibrated)", roundAll(w, 3))
}

func roundAll(v []float64, digits int) []float64 {
	p := math.Pow(10, float64(digits))
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = math.Round(x*p) / p
	}
	return out
}

// tiebreak is the validation log loss for classification and the
// validation mean absolute error for regression (lower is better; the
// squared error would only repeat an RMSE objective).
func (r *runner) tiebreak(pred []float64) float64 {
	var v float64
	var err error
	if r.task == data.Regression {
		v, err = metrics.MAE(r.valid.Y, pred)
	} else {
		v, err = logLossScore(r.valid.Y, pred, r.classes)
	}
	if err != nil {
		return math.NaN()
	}
	return v
}

// search runs the network search.
func (r *runner) search(ctx context.Context, start time.Time) (*search.Study, error) {
	strat, pruner := r.strategy()
	opts := search.Options{
		Trials: r.cfg.Trials, Budget: r.cfg.Budget, Parallel: r.cfg.Parallel,
		Seed: r.cfg.Seed, Direction: r.obj.direction, Pruner: pruner, Logger: r.cfg.Logger,
	}
	if r.cfg.Budget > 0 {
		// The budget covers the whole run: the search stops early enough
		// for its running trials to return and the best model to be tested.
		opts.Budget = max(r.cfg.Budget-time.Since(start)-finishReserve, time.Millisecond)
		opts.Grace = searchGrace
	}
	if r.cfg.OnTrial != nil {
		opts.OnTrial = func(_ search.Trial, s *search.Study) {
			r.cfg.OnTrial(r.progress(s, start))
		}
	}
	return search.Run(ctx, r.cfg.Space, strat, r.networkObjective, opts)
}

// bestSoFar returns the best completed value after each finished trial,
// in the order the trials finished.
func bestSoFar(trials []search.Trial, d search.Direction) []float64 {
	var done []search.Trial
	for _, t := range trials {
		if t.Status != search.Running {
			done = append(done, t)
		}
	}
	slices.SortStableFunc(done, func(a, b search.Trial) int {
		return a.Started.Add(a.Duration).Compare(b.Started.Add(b.Duration))
	})
	out := make([]float64, len(done))
	best := math.NaN()
	for i, t := range done {
		if t.Status == search.Complete && (math.IsNaN(best) || d.Better(t.Value, best)) {
			best = t.Value
		}
		out[i] = best
	}
	return out
}

// progress summarises a running study for Config.OnTrial.
func (r *runner) progress(s *search.Study, start time.Time) Progress {
	p := Progress{
		Done: s.Count(search.Complete), Failed: s.Count(search.Failed), Pruned: s.Count(search.Pruned),
		Planned: r.cfg.Trials, BestTrial: -1, Metric: r.obj.name, Elapsed: time.Since(start),
	}
	if best, err := s.Best(); err == nil {
		p.Best, p.BestTrial = best.Value, best.Number
	}
	p.BestSoFar = bestSoFar(s.Snapshot(), r.obj.direction)
	if r.cfg.Budget > 0 {
		p.Remaining = max(r.cfg.Budget-p.Elapsed, 0)
	}
	return p
}
