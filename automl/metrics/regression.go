package metrics

import "math"

// MSE returns the (weighted) mean squared error, as scikit-learn's
// mean_squared_error. It accepts WithWeights.
func MSE(yTrue, yPred []float64, opts ...Option) (float64, error) {
	const fn = "MSE"
	c, err := regressionInput(fn, yTrue, yPred, optWeights, opts)
	if err != nil {
		return 0, err
	}
	return mse(yTrue, yPred, c.weights), nil
}

// RMSE returns the square root of MSE, as scikit-learn's
// mean_squared_error(squared=False) (root_mean_squared_error in >= 1.4). It
// accepts WithWeights.
func RMSE(yTrue, yPred []float64, opts ...Option) (float64, error) {
	const fn = "RMSE"
	c, err := regressionInput(fn, yTrue, yPred, optWeights, opts)
	if err != nil {
		return 0, err
	}
	return math.Sqrt(mse(yTrue, yPred, c.weights)), nil
}

// MAE returns the (weighted) mean absolute error, as scikit-learn's
// mean_absolute_error. It accepts WithWeights.
func MAE(yTrue, yPred []float64, opts ...Option) (float64, error) {
	const fn = "MAE"
	c, err := regressionInput(fn, yTrue, yPred, optWeights, opts)
	if err != nil {
		return 0, err
	}
	abs := make([]float64, len(yTrue))
	for i := range yTrue {
		abs[i] = math.Abs(yPred[i] - yTrue[i])
	}
	return average(abs, c.weights), nil
}

// R2 returns the coefficient of determination 1 - SSres/SStot, as
// scikit-learn's r2_score: SSres is the (weighted) sum of squared residuals
// and SStot the (weighted) sum of squared deviations of yTrue from its
// (weighted) mean. It is at most 1 and can be negative.
//
// A constant yTrue makes SStot zero. By default (WithForceFinite(true),
// scikit-learn's force_finite=True) R2 is then 1 for a perfect prediction and
// 0 otherwise, with no error. With WithForceFinite(false) it returns the raw
// value, NaN (0/0) or -Inf, with an error wrapping ErrUndefined (scikit-learn
// issue #16857, PR #17266).
//
// R2 of fewer than two samples is undefined: it returns NaN, as
// scikit-learn does with its warning, and an error wrapping ErrUndefined.
// It accepts WithWeights and WithForceFinite.
func R2(yTrue, yPred []float64, opts ...Option) (float64, error) {
	const fn = "R2"
	c, err := regressionInput(fn, yTrue, yPred, optWeights|optForceFinite, opts)
	if err != nil {
		return 0, err
	}
	if len(yTrue) < 2 {
		return math.NaN(), fail(fn, ErrUndefined, "R2 needs at least two samples, got %d", len(yTrue))
	}
	mean := average(yTrue, c.weights)
	var res, tot float64
	for i, y := range yTrue {
		w := weightAt(c.weights, i)
		d := y - yPred[i]
		res += w * (d * d)
		m := y - mean
		tot += w * (m * m)
	}
	switch {
	case tot != 0:
		return 1 - res/tot, nil
	case c.forceFinite && res == 0:
		return 1, nil
	case c.forceFinite:
		return 0, nil
	}
	return 1 - res/tot, fail(fn, ErrUndefined, "yTrue is constant, R2 divides by zero")
}

// regressionInput applies the options and validates a regression input.
func regressionInput(fn string, yTrue, yPred []float64, allowed optionSet, opts []Option) (config, error) {
	c, err := configure(fn, allowed, opts)
	if err != nil {
		return c, err
	}
	if err := checkLen(fn, "yTrue", len(yTrue), "yPred", len(yPred)); err != nil {
		return c, err
	}
	if err := checkFinite(fn, "yTrue", yTrue); err != nil {
		return c, err
	}
	if err := checkFinite(fn, "yPred", yPred); err != nil {
		return c, err
	}
	return c, checkWeights(fn, c.weights, len(yTrue))
}

func mse(yTrue, yPred, weights []float64) float64 {
	sq := make([]float64, len(yTrue))
	for i := range yTrue {
		d := yTrue[i] - yPred[i]
		sq[i] = d * d
	}
	return average(sq, weights)
}
