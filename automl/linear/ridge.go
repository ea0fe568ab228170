package linear

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// FitRidge fits a linear regression to rows rows of X (row-major, cols
// columns) and targets y, minimising
//
//	Σ_i weights[i]*(y_i − x_i·w − b)² + alpha*||w||²
//
// with an unpenalised intercept b; weights may be nil (all ones). alpha = 0
// is ordinary least squares and alpha > 0 is ridge regression, matching
// scikit-learn's LinearRegression and Ridge.
//
// The intercept is removed by centring X and y on their weighted means; the
// centred rows are scaled by √weights and the singular value decomposition
// UΣVᵀ of the result gives w = V diag(σ/(σ²+alpha)) Uᵀ ỹ (Hastie, Tibshirani
// & Friedman, The Elements of Statistical Learning, 2nd ed., eq. 3.47). For
// alpha = 0, singular values below ε·max(rows, cols)·σ_max count as zero,
// which yields the minimum-norm least-squares solution when X is rank
// deficient (duplicated columns, more columns than rows), and constant
// columns get coefficient 0 exactly.
//
// Invalid input yields an error wrapping ErrEmpty, ErrShape, ErrNonFinite,
// ErrWeight or ErrParameter (alpha negative or not finite).
func FitRidge(X []float64, rows, cols int, y, weights []float64, alpha float64) (*Model, error) {
	if !(alpha >= 0) || math.IsInf(alpha, 1) {
		return nil, fmt.Errorf("%w: alpha = %v, want a finite value >= 0", ErrParameter, alpha)
	}
	weights, err := checkData(X, rows, cols, y, weights)
	if err != nil {
		return nil, err
	}

	xMean := columnMeans(X, rows, cols, weights)
	yMean := floats.Dot(weights, y) / floats.Sum(weights)
	constant := constantColumns(X, rows, cols)
	a := mat.NewDense(rows, cols, nil)
	b := make([]float64, rows)
	for i := range rows {
		root := math.Sqrt(weights[i])
		row := a.RawRowView(i)
		for j := range cols {
			if !constant[j] {
				row[j] = root * (X[i*cols+j] - xMean[j])
			}
		}
		b[i] = root * (y[i] - yMean)
	}

	coef, err := solveRidge(a, b, alpha)
	if err != nil {
		return nil, err
	}
	return &Model{
		Kind:      KindLinear,
		Cols:      cols,
		Coef:      coef,
		Intercept: []float64{yMean - floats.Dot(xMean, coef)},
		Alpha:     alpha,
	}, nil
}

// epsilon is the machine epsilon of float64, 2^-52.
const epsilon = 0x1p-52

// solveRidge returns argmin_w ||a·w − b||² + alpha*||w||² through the thin
// SVD of a, the minimum-norm solution when alpha = 0 and a is rank deficient.
func solveRidge(a *mat.Dense, b []float64, alpha float64) ([]float64, error) {
	rows, cols := a.Dims()
	var svd mat.SVD
	if !svd.Factorize(a, mat.SVDThin) {
		return nil, fmt.Errorf("%w: SVD of the %dx%d centred design matrix failed",
			ErrNotConverged, rows, cols)
	}
	sigma := svd.Values(nil)
	var u, v mat.Dense
	svd.UTo(&u)
	svd.VTo(&v)

	// Project b on the left singular vectors, filter by the singular
	// values, and map back with the right singular vectors.
	var cutoff float64
	if alpha == 0 && len(sigma) > 0 {
		cutoff = epsilon * float64(max(rows, cols)) * sigma[0]
	}
	proj := mat.NewVecDense(len(sigma), nil)
	proj.MulVec(u.T(), mat.NewVecDense(rows, b))
	for k, s := range sigma {
		if s <= cutoff {
			proj.SetVec(k, 0)
		} else {
			proj.SetVec(k, proj.AtVec(k)*s/(s*s+alpha))
		}
	}
	coef := mat.NewVecDense(cols, nil)
	coef.MulVec(&v, proj)
	return coef.RawVector().Data, nil
}

// columnMeans returns the weight-averaged columns of X.
func columnMeans(X []float64, rows, cols int, weights []float64) []float64 {
	mean := make([]float64, cols)
	for i := range rows {
		floats.AddScaled(mean, weights[i], X[i*cols:(i+1)*cols])
	}
	floats.Scale(1/floats.Sum(weights), mean)
	return mean
}

// constantColumns reports which columns hold one value in every row; their
// centred values are exactly zero, whatever the rounding of the mean.
func constantColumns(X []float64, rows, cols int) []bool {
	constant := make([]bool, cols)
	for j := range cols {
		constant[j] = true
		for i := 1; i < rows && constant[j]; i++ {
			constant[j] = X[i*cols+j] == X[j]
		}
	}
	return constant
}
