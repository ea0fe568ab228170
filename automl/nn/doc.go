// Package nn trains feed-forward neural networks on tabular data and
// predicts with them.
//
// Train builds a float32 training graph with gorgonia (one graph per call,
// reused for every batch and epoch), trains it with Adam, SGD (with
// optional momentum) or RMSProp on mini-batches, and returns a Model: plain
// float64 weights that predict in pure Go, without gorgonia, and survive a
// round trip through encoding/json.
//
// A network has 1 to MaxHidden hidden layers with one of the Activations,
// and one of three heads: Sigmoid (binary classification, binary
// cross-entropy), Softmax (multiclass, categorical cross-entropy) or Linear
// (regression, mean squared error on the standardised target). Training
// supports inverted dropout, L1 and L2 weight penalties, sample weights,
// learning-rate schedules and early stopping on the validation loss.
//
// # Determinism
//
// Everything random comes from Config.Seed through math/rand/v2 PCG
// streams: initial weights, the batch order of every epoch and the dropout
// masks (gorgonia's own initialisers and Dropout op seed from the clock
// and are not used). The same Config and data give bit-identical models
// and histories, also when several Train calls run at once.
//
// # Concurrency and memory
//
// Train may be called from several goroutines. Graph construction, which
// in gorgonia touches package-level nodes, is serialised by a package
// mutex; the compiled graphs then train in parallel. A graph and its
// machine are freed when Train returns: gorgonia sets a finalizer on every
// TapeMachine, and a reference cycle through an object with a finalizer is
// never collected, so the package keeps the graph free of pointers back to
// the machine and drops the (CPU-build no-op) finalizer. Training 50
// breast-cancer-sized models in a row leaves the heap where it started.
//
// # Prediction
//
// Model.Predict follows the package automl contract for scores: one
// probability of class 1 per row for Sigmoid, one probability per class for
// Softmax, and the prediction in the target's units for Linear.
package nn
