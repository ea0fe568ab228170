// Package search runs hyperparameter searches: it proposes points of a
// search space (package space), evaluates an objective at each, and keeps
// the record of trials in a Study with its leaderboard.
//
// The package knows nothing about neural networks. An Objective receives a
// TrialHandle with the trial's parameters and budget, reports intermediate
// values (for example one per epoch), and returns a value and a tiebreak.
// Strategies are Random, Grid, Hyperband (Li et al. 2018) and TPE, the
// Tree-structured Parzen Estimator (Bergstra et al. 2011), which models the
// finished trials to propose better ones; WarmStart runs given points (for
// example space.Portfolio) before handing over to another strategy.
// Pruners are ASHAPruner, asynchronous successive halving on the
// intermediate values (Li et al. 2020), MedianPruner (as Optuna's) and
// NopPruner.
//
// Faults are recorded, never fatal: a NaN or infinite objective value, an
// error or a panic fails the trial and the search continues; a NaN
// intermediate value prunes the trial; Study.Best is an error, not NaN,
// when no trial completed. Run honours a trial cap, a wall-clock budget
// (cancelling running objectives at the deadline) and parallel workers,
// and is repeatable for a fixed seed.
package search
