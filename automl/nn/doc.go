// Package nn trains feed-forward neural networks on tabular data and
// predicts with them.
//
// Train trains a network in float32 with Adam, SGD (with optional
// momentum) or RMSProp on mini-batches, and returns a Model: plain float64
// weights that predict in float64 and survive a round trip through
// encoding/json.
//
// A network has 1 to MaxHidden hidden layers with one of the Activations,
// and one of three heads: Sigmoid (binary classification, binary
// cross-entropy), Softmax (multiclass, categorical cross-entropy) or Linear
// (regression, mean squared error on the standardised target). Training
// supports inverted dropout, L1 and L2 weight penalties, sample weights,
// learning-rate schedules and early stopping on the validation loss.
//
// # Training engine
//
// The forward and backward passes are written out by hand for this one
// kind of network (dense layers, element-wise activations, dropout, three
// heads) over buffers allocated once per Train call, so a training step
// allocates nothing. The matrix products go through a register-blocked
// GEMM whose 6×16 (float32) and 6×8 (float64) blocks run in AVX2/FMA
// assembly on amd64, and the element-wise loops of a step (ReLU, dropout,
// Adam) have AVX2 forms too. Other CPUs and architectures, and builds with
// the purego tag, run the same algorithms in plain Go. A step of the
// 32-128-128-1 benchmark network takes about a fifth of the time it took
// as a gorgonia graph with gorgonia's pure-Go BLAS. gorgonia remains the
// oracle of the tests: the hand-written gradients must equal those of
// gorgonia's automatic differentiation of the same loss.
//
// # Determinism
//
// Everything random comes from Config.Seed through math/rand/v2 PCG
// streams: initial weights, the batch order of every epoch and the dropout
// masks. The same Config and data give bit-identical models and
// histories on one machine, also when several Train calls run at once;
// the fused multiply-adds of the assembly kernels round differently from
// plain Go, so results may differ in the last bits between CPUs with and
// without AVX2.
//
// # Concurrency and memory
//
// Train may be called from several goroutines: the calls share no mutable
// state. Each holds its network's buffers only until it returns, so
// training many models in a row leaves the heap where it started.
//
// # Prediction
//
// Model.Predict follows the package automl contract for scores: one
// probability of class 1 per row for Sigmoid, one probability per class for
// Softmax, and the prediction in the target's units for Linear.
package nn
