// Package linear fits the linear baselines that tunebook ranks first on
// every leaderboard: logistic regression for binary and multiclass tasks
// and linear or ridge regression for regression tasks. Their results match
// scikit-learn's LogisticRegression(solver="lbfgs") and
// LinearRegression/Ridge; testdata/gen_reference.py records the reference
// fits the tests compare against.
//
// # Data
//
// Feature matrices are dense and row-major: element (i, j) of a matrix
// with rows rows and cols columns is X[i*cols+j]. Class labels are 0-based
// class indices stored as float64. Sample weights are a slice of length
// rows, or nil for all ones; class weights (for example scikit-learn's
// "balanced" weights n/(k*count)) are passed by multiplying them into the
// sample weights.
//
// # Logistic regression
//
// FitLogistic minimises 0.5*||W||² + C*Σ_i s_i*loss_i with loss_i the
// negative log-likelihood of row i under a sigmoid (two classes) or
// softmax (more classes) model, and intercepts left out of the penalty.
// The softmax model keeps one coefficient row per class, like
// scikit-learn's multinomial model; the penalty makes that
// parameterisation unique.
//
// Internally the objective is divided by C*Σ_i s_i, which keeps its
// minimiser and makes the gradient tolerance independent of the data size,
// and the features are centred and scaled (a diagonal preconditioner that
// leaves the problem unchanged), so that raw columns of very different
// scales converge as fast as standardised ones. gonum's L-BFGS
// (J. Nocedal, Updating quasi-Newton matrices with limited storage, Math.
// Comp. 35 (1980) 773-782) minimises it from a zero start with the
// analytic gradient; the coefficients are mapped back to the raw features.
//
// Convergence: the optimizer stops when the infinity norm of that
// normalised, preconditioned gradient drops to LogisticOptions.Tolerance
// (default 1e-8, about where float64 rounding stops line searches from
// making progress). If it stops earlier (iteration limit, or a line search
// that cannot progress) the result is still returned, without error, when
// the norm is at most 1e-6; only a worse result is reported, as an error
// wrapping ErrNotConverged. On the reference problems in testdata the
// predicted probabilities lie within 1e-5 of the exact optimum and within
// 1e-4 of scikit-learn's default lbfgs fit (apart from where scikit-learn
// itself stops further from the optimum).
//
// # Linear and ridge regression
//
// FitRidge solves the weighted least-squares problem with an optional L2
// penalty alpha through the singular value decomposition of the centred,
// weight-scaled design matrix. With alpha = 0, rank-deficient designs get
// the minimum-norm solution (as scikit-learn's LinearRegression, which uses
// LAPACK's gelsd, does), and constant columns get zero coefficients.
//
// # Models
//
// Both fits return a *Model, a plain struct that encodes to JSON. Its
// Predict method follows the project's score contract: one probability of
// class 1 per row for binary models, one probability per class per row for
// multiclass models and one value per row for regression.
package linear
