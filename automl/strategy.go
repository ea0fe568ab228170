package automl

import "github.com/tunebook/tunebook/automl/search"

// strategy returns the search strategy and the pruner of cfg.Strategy.
//
// tpe, the default, starts from the portfolio of network configurations
// that work well on tabular data (space.Portfolio), samples with the
// Tree-structured Parzen Estimator, and prunes with asynchronous
// successive halving on the per-epoch validation objective (rungs at
// epochs 3, 9, 27 and 81; a first rung at epoch 1 found networks with a
// lower validation AUC on the mortgage data of bench/search_vs_optuna.sh).
// random and grid prune with the median rule; hyperband schedules budgets
// itself and does not prune.
func (r *runner) strategy() (search.Strategy, search.Pruner) {
	median := search.MedianPruner{StartupTrials: 5, WarmupSteps: 5}
	switch r.cfg.Strategy {
	case "grid":
		return search.Grid{Points: 2}, median
	case "hyperband":
		return search.Hyperband{MinBudget: max(1, r.cfg.MaxEpochs/27), MaxBudget: r.cfg.MaxEpochs, Eta: 3}, search.NopPruner{}
	case "random":
		return search.Random{}, median
	default:
		return search.WarmStart{Points: r.cfg.Space.Portfolio(), Then: search.TPE{}},
			search.ASHAPruner{MinResource: ashaMinEpochs, ReductionFactor: 3}
	}
}

// ashaMinEpochs is the first rung of the tpe strategy's pruner: a network
// is first compared with the others after this many epochs.
const ashaMinEpochs = 3
