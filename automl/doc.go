// Package automl runs tunebook's main job: from a data frame and a target
// column to a tuned model, its leaderboard and its test metrics.
//
// Run splits the data (stratified for classification), fits the
// preprocessing on the training rows only, trains the linear baselines
// (package linear), then searches neural-network architectures and
// hyperparameters (packages space, search and nn) and evaluates the best
// model, chosen on the validation split, once on the held-out test split.
// The result can be saved as a Model that carries its preprocessing, so that
// predictions on new CSV files need nothing else.
package automl
