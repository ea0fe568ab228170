package automl

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sync"

	"github.com/tunebook/tunebook/automl/nn"
	"github.com/tunebook/tunebook/automl/search"
	"github.com/tunebook/tunebook/automl/space"
)

// networkConfig turns a point of the search space into a network
// configuration. Parameters a narrowed space leaves out take tunebook's
// defaults: one hidden layer of 64 ReLU units, Adam at 1e-3, batches of 64.
func networkConfig(p space.Params, epochs, patience int, seed uint64) nn.Config {
	layers := p.Int("layers")
	if layers <= 0 {
		layers = 1
	}
	hidden := make([]int, layers)
	for i := range hidden {
		hidden[i] = p.Int(fmt.Sprintf("width_%d", i+1))
		if hidden[i] <= 0 {
			hidden[i] = 64
		}
	}
	cfg := nn.Config{
		Hidden:       hidden,
		Activation:   orDefault(p.Choice("activation"), "relu"),
		Dropout:      p.Float("dropout"),
		L1:           p.Float("l1"),
		L2:           p.Float("l2"),
		Optimizer:    orDefault(p.Choice("optimizer"), "adam"),
		LearningRate: p.Float("learning_rate"),
		Momentum:     p.Float("momentum"),
		Schedule: nn.Schedule{
			Kind:     orDefault(p.Choice("schedule"), "constant"),
			StepSize: p.Int("decay_step"),
			Gamma:    p.Float("decay_gamma"),
			Patience: max(2, patience/3),
			MinLR:    1e-6,
		},
		BatchSize: p.Int("batch_size"),
		Epochs:    epochs,
		Patience:  patience,
		Seed:      seed,
	}
	if cfg.LearningRate <= 0 {
		cfg.LearningRate = 1e-3
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 64
	}
	if cfg.Schedule.Gamma <= 0 {
		cfg.Schedule.Gamma = 0.5
	}
	if cfg.Schedule.StepSize <= 0 {
		cfg.Schedule.StepSize = 10
	}
	return cfg
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// trialSeed derives the seed of trial n, so that each trial's weights differ
// yet the whole study repeats for one study seed.
func trialSeed(seed uint64, n int) uint64 {
	return seed*1_000_003 + uint64(n)
}

// candidate is a fitted model with its validation scores.
type candidate struct {
	name      string
	trial     int // -1 for baselines
	value     float64
	tiebreak  float64
	predictor predictor
	network   *nn.Model
	history   []nn.Epoch
}

// keeper holds the best network found so far, in the order of the
// study's leaderboard (value, then tiebreak, then trial number).
type keeper struct {
	mu        sync.Mutex
	direction search.Direction
	best      *candidate
}

func (k *keeper) offer(c *candidate) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.best == nil || better(k.direction, c, k.best) {
		k.best = c
	}
}

// better reports whether a ranks before b.
func better(d search.Direction, a, b *candidate) bool {
	if a.value != b.value {
		return d.Better(a.value, b.value)
	}
	if a.tiebreak != b.tiebreak {
		return a.tiebreak < b.tiebreak || math.IsNaN(b.tiebreak)
	}
	return a.trial < b.trial
}

// networkObjective trains one network per trial and reports the validation
// objective after every epoch, so that pruners can stop poor trials.
func (r *runner) networkObjective(ctx context.Context, t *search.TrialHandle) (float64, float64, error) {
	epochs := r.cfg.MaxEpochs
	if b := t.Budget(); b > 0 {
		epochs = b
	}
	cfg := networkConfig(t.Params(), epochs, r.cfg.Patience, trialSeed(r.cfg.Seed, t.Number()))

	var scoreErr error
	pruned := false
	onEpoch := func(e nn.Epoch) bool {
		v, err := r.obj.score(r.valid.Y, e.ValidPred, r.classes)
		if err != nil {
			scoreErr = fmt.Errorf("epoch %d: %w", e.Epoch, err)
			return true
		}
		pruned = t.Report(e.Epoch, v, map[string]float64{"train_loss": e.TrainLoss, "valid_loss": e.ValidLoss})
		return pruned
	}
	model, history, err := nn.Train(ctx, cfg, r.head, r.classes, r.train, r.valid, nn.Options{OnEpoch: onEpoch})
	if scoreErr != nil {
		return math.NaN(), math.NaN(), scoreErr
	}
	if model == nil {
		return math.NaN(), math.NaN(), err
	}
	stopped := err != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded))
	if err != nil && !stopped {
		return math.NaN(), math.NaN(), err
	}

	pred := validPredictions(model, history, r.valid)
	value, verr := r.obj.score(r.valid.Y, pred, r.classes)
	if verr != nil {
		return math.NaN(), math.NaN(), verr
	}
	tiebreak := r.tiebreak(pred)
	t.SetAttr("best_epoch", model.BestEpoch)
	t.SetAttr("epochs", len(history))
	if pruned {
		return value, tiebreak, err
	}
	r.keeper.offer(&candidate{
		name: fmt.Sprintf("network #%d", t.Number()), trial: t.Number(),
		value: value, tiebreak: tiebreak, predictor: model, network: model, history: history,
	})
	return value, tiebreak, err
}

// validPredictions returns the model's scores of the validation rows: the
// ones training recorded at the best epoch (the returned model holds that
// epoch's weights), or fresh ones when the history has none. Reusing them
// saves a pass over the validation rows per trial, which matters at the
// deadline on large data.
func validPredictions(model *nn.Model, history []nn.Epoch, valid nn.Data) []float64 {
	for _, e := range history {
		if e.Epoch == model.BestEpoch && len(e.ValidPred) > 0 {
			return e.ValidPred
		}
	}
	return model.Predict(valid.X, valid.Rows)
}
