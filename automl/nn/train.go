package nn

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"math/rand/v2"
	"time"
)

// ErrDiverged is wrapped by the error Train returns when a loss becomes NaN
// or infinite, for example after too large a learning rate or from NaN
// features.
var ErrDiverged = errors.New("nn: training diverged")

// Epoch is the record of one pass over the training rows.
type Epoch struct {
	// Epoch counts from 1.
	Epoch int `json:"epoch"`
	// TrainLoss is the mean data loss over the epoch's batches (without
	// the L1/L2 penalties, with dropout on); ValidLoss is the same loss on
	// the validation rows at the end of the epoch (dropout off), NaN when
	// there are none (which encoding/json cannot encode). For Linear both
	// are mean squared errors of the standardised target.
	TrainLoss float64 `json:"train_loss"`
	ValidLoss float64 `json:"valid_loss"`
	// LearningRate is the rate the epoch was trained with.
	LearningRate float64 `json:"learning_rate"`
	// ValidPred holds the scores of the validation rows in the form
	// Model.Predict returns. The history Train returns keeps it only for
	// the best epoch, to bound memory in long searches; Options.OnEpoch
	// receives it for every epoch.
	ValidPred []float64 `json:"valid_pred,omitempty"`
	// Elapsed is the time since training started.
	Elapsed time.Duration `json:"elapsed"`
}

// Options are optional hooks of Train.
type Options struct {
	// OnEpoch, when set, is called after each epoch; returning true stops
	// training (for example when a search prunes the trial), and Train
	// returns the best model so far with a nil error.
	OnEpoch func(Epoch) (stop bool)
	// Logger receives one debug record per epoch; nil discards them.
	Logger *slog.Logger
}

// Train trains a network of configuration cfg with output head for classes
// classes (2 for Sigmoid, the number of classes for Softmax, ignored for
// Linear) on train, and monitors the loss on valid, which may have no
// rows: then the training loss is monitored instead.
//
// Training is deterministic: the same cfg (Seed included) and data give
// bit-identical weights and history. Rows are shuffled every epoch; the
// last, short batch of an epoch is padded with rows of zero weight, so
// every row counts once per epoch. With cfg.Patience > 0, training stops
// after Patience epochs without a lower monitored loss. The returned model
// holds the weights of the epoch with the lowest monitored loss (recorded
// in Model.BestEpoch), and the history holds one Epoch per finished epoch.
//
// Train returns an error wrapping ErrInvalidConfig for a bad cfg, and one
// wrapping ErrDiverged when a loss becomes NaN or infinite. When ctx is
// cancelled, Train stops before the next batch and returns ctx.Err()
// together with the best model so far, or a nil model if no epoch had
// finished.
func Train(ctx context.Context, cfg Config, head Head, classes int, train, valid Data, opts Options) (*Model, []Epoch, error) {
	if err := cfg.Validate(); err != nil {
		return nil, nil, err
	}
	outs, err := outputs(head, classes)
	if err != nil {
		return nil, nil, err
	}
	if train.Rows < 1 {
		return nil, nil, fmt.Errorf("nn: train data: no rows")
	}
	if err := train.check("train", head, classes, train.Cols); err != nil {
		return nil, nil, err
	}
	if err := valid.check("valid", head, classes, train.Cols); err != nil {
		return nil, nil, err
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}

	s := shapeOf(cfg, head, train.Cols, outs, min(cfg.BatchSize, train.Rows))
	return newTrainer(cfg, newNetwork(s, cfg), train, valid, opts).run(ctx)
}

// trainer holds the state of one Train call.
type trainer struct {
	cfg   Config
	nw    *network
	train data32
	valid Data
	opts  Options

	// model holds the current weights in float64 between epochs, and the
	// target scale; best is a copy of it at the best epoch so far.
	model *Model
	best  *Model

	shuffle *rand.Rand
	// dropout is called directly, without rand.Rand's interface call,
	// since it draws a quarter of a value per hidden unit and batch row.
	dropout *rand.PCG
}

func newTrainer(cfg Config, nw *network, train, valid Data, opts Options) *trainer {
	m := newModel(cfg, nw.shape, train)
	return &trainer{
		cfg: cfg, nw: nw, valid: valid, opts: opts,
		train:   newData32(train, m),
		model:   m,
		shuffle: rand.New(rand.NewPCG(cfg.Seed, streamShuffle)),
		dropout: rand.NewPCG(cfg.Seed, streamDropout),
	}
}

// run is the epoch loop of Train.
func (t *trainer) run(ctx context.Context) (*Model, []Epoch, error) {
	start := time.Now()
	opt := t.start()
	var hist []Epoch
	sched := newScheduler(t.cfg.Schedule, t.cfg.LearningRate, t.cfg.Epochs)
	bestLoss, bestIdx, stale := math.Inf(1), -1, 0
	order := make([]int, t.train.rows)
	for i := range order {
		order[i] = i
	}

	for e := 1; e <= t.cfg.Epochs; e++ {
		lr := sched.rate(e)
		opt.setRate(lr)
		trainLoss, err := t.epoch(ctx, e, opt, order)
		if err != nil {
			return t.stopped(err, hist, bestIdx)
		}
		rec := Epoch{Epoch: e, TrainLoss: trainLoss, LearningRate: lr, ValidLoss: math.NaN()}
		t.readWeights()
		monitored := trainLoss
		if t.valid.Rows > 0 {
			rec.ValidPred, rec.ValidLoss = t.evaluate()
			if !finite(rec.ValidLoss) {
				return nil, hist, &divergedError{e, "validation loss", rec.ValidLoss}
			}
			monitored = rec.ValidLoss
		}
		rec.Elapsed = time.Since(start)
		sched.observe(monitored)

		kept := rec
		if monitored < bestLoss {
			if bestIdx >= 0 {
				hist[bestIdx].ValidPred = nil
			}
			bestLoss, bestIdx, stale = monitored, len(hist), 0
			t.best = t.model.clone()
			t.best.BestEpoch = e
		} else {
			kept.ValidPred = nil
			stale++
		}
		hist = append(hist, kept)
		t.opts.Logger.Debug("nn: epoch", "epoch", e, "train_loss", rec.TrainLoss,
			"valid_loss", rec.ValidLoss, "learning_rate", lr, "elapsed", rec.Elapsed)

		if t.opts.OnEpoch != nil && t.opts.OnEpoch(rec) {
			break
		}
		if t.cfg.Patience > 0 && stale >= t.cfg.Patience {
			break
		}
	}
	return t.best, hist, nil
}

// stopped returns what Train returns when an epoch ended early with err:
// a cancelled context keeps the best model so far, a failure does not.
func (t *trainer) stopped(err error, hist []Epoch, bestIdx int) (*Model, []Epoch, error) {
	canceled := errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
	if !canceled || bestIdx < 0 {
		return nil, hist, err
	}
	return t.best, hist, err
}

// divergedError reports a loss that became NaN or infinite; it matches
// ErrDiverged under errors.Is.
type divergedError struct {
	epoch int
	what  string
	value float64
}

func (e *divergedError) Error() string {
	return fmt.Sprintf("nn: epoch %d: %s is %v", e.epoch, e.what, e.value)
}

func (e *divergedError) Unwrap() error { return ErrDiverged }

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
