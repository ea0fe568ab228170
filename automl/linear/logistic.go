package linear

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/optimize"
)

// Defaults of LogisticOptions.
const (
	// DefaultC is the inverse penalty strength used when LogisticOptions.C is 0.
	DefaultC = 1.0
	// DefaultMaxIterations bounds the L-BFGS iterations when
	// LogisticOptions.MaxIterations is 0.
	DefaultMaxIterations = 1000
	// DefaultTolerance is the gradient tolerance used when
	// LogisticOptions.Tolerance is 0.
	DefaultTolerance = 1e-8
	// usableGradient is the largest gradient norm (same coordinates as
	// Tolerance) at which a run that stopped early is still accepted; the
	// error of the standardised coefficients is then about 1e-6 divided by
	// the smallest curvature of the objective.
	usableGradient = 1e-6
)

// LogisticOptions configures FitLogistic. The zero value gives the defaults.
type LogisticOptions struct {
	// C is the inverse L2 penalty strength, as in scikit-learn; 0 means
	// DefaultC. Smaller values regularise more.
	C float64
	// MaxIterations bounds the L-BFGS major iterations; 0 means
	// DefaultMaxIterations.
	MaxIterations int
	// Tolerance stops the optimizer once the infinity norm of the gradient
	// of the normalised, preconditioned objective (see the package
	// documentation) is at most Tolerance; 0 means DefaultTolerance.
	Tolerance float64
}

// FitLogistic fits an L2-penalised logistic regression to rows rows of X
// (row-major, cols columns) with class indices y in [0, classes): a
// sigmoid model with one coefficient row when classes == 2 and a
// multinomial (softmax) model with classes rows when classes > 2. It
// minimises
//
//	0.5*||W||² + C * Σ_i weights[i] * loss_i
//
// over the coefficients W and the unpenalised intercepts, where loss_i is
// the negative log-likelihood of row i; weights may be nil (all ones), and
// class weights are expressed by multiplying them into weights. The
// optimizer is gonum's L-BFGS (Nocedal, 1980) with analytic gradients,
// started from zero, as scikit-learn's LogisticRegression(solver="lbfgs")
// is.
//
// Invalid input yields an error wrapping ErrEmpty, ErrShape, ErrNonFinite,
// ErrLabel, ErrEmptyClass, ErrWeight or ErrParameter. A run that stops
// before reaching opts.Tolerance (iteration limit, failed line search) is
// still returned without error when its gradient norm is at most 1e-6;
// otherwise the error wraps ErrNotConverged. FitLogistic holds a centred
// and scaled copy of X while it runs.
func FitLogistic(X []float64, rows, cols int, y []float64, classes int,
	weights []float64, opts LogisticOptions) (*Model, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	weights, err = checkData(X, rows, cols, y, weights)
	if err != nil {
		return nil, err
	}
	if err := checkLabels(y, classes, weights); err != nil {
		return nil, err
	}

	obj := newLogisticObjective(X, rows, cols, y, classes, weights, opts.C)
	problem := optimize.Problem{Func: obj.value, Grad: obj.gradient}
	settings := &optimize.Settings{
		GradientThreshold: opts.Tolerance,
		MajorIterations:   opts.MaxIterations,
	}
	method := &optimize.LBFGS{GradStopThreshold: opts.Tolerance}
	// Minimize returns a nil result only for an invalid Problem or Settings,
	// which these are not; its error otherwise explains an early stop.
	res, runErr := optimize.Minimize(problem, make([]float64, obj.dim()), settings, method)

	obj.evaluate(res.X)
	gradNorm := floats.Norm(obj.grad, math.Inf(1))
	limit := math.Max(usableGradient, opts.Tolerance)
	if !(gradNorm <= limit) {
		reason := res.Status.String()
		if runErr != nil {
			reason = runErr.Error()
		}
		return nil, fmt.Errorf("%w: gradient norm %.3g > %.3g after %d iterations (%s)",
			ErrNotConverged, gradNorm, limit, res.Stats.MajorIterations, reason)
	}

	coef, intercept := obj.original(res.X)
	return &Model{
		Kind:      KindLogistic,
		Classes:   classes,
		Cols:      cols,
		Coef:      coef,
		Intercept: intercept,
		C:         opts.C,
	}, nil
}

// withDefaults fills zero options with their defaults and rejects invalid ones.
func (o LogisticOptions) withDefaults() (LogisticOptions, error) {
	if o.C == 0 {
		o.C = DefaultC
	}
	if o.MaxIterations == 0 {
		o.MaxIterations = DefaultMaxIterations
	}
	if o.Tolerance == 0 {
		o.Tolerance = DefaultTolerance
	}
	switch {
	case !(o.C > 0) || math.IsInf(o.C, 1):
		return o, fmt.Errorf("%w: C = %v, want a finite value > 0", ErrParameter, o.C)
	case o.MaxIterations < 0:
		return o, fmt.Errorf("%w: MaxIterations = %d, want >= 0", ErrParameter, o.MaxIterations)
	case !(o.Tolerance > 0):
		return o, fmt.Errorf("%w: Tolerance = %v, want > 0", ErrParameter, o.Tolerance)
	}
	return o, nil
}
