package linear

import (
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// logisticObjective evaluates the penalised negative log-likelihood of
// FitLogistic, divided by C*Σ_i s_i (which keeps the minimiser):
//
//	f(W, b) = (Σ_i s_i*loss_i + ||W||²/(2C)) / Σ_i s_i
//
// and its gradient, in preconditioned coordinates. Column j of X is centred
// on its weighted mean μ_j and divided by d_j = sqrt(σ_j² + 1/(C*Σ s)), with
// σ_j² its weighted variance; the optimizer works on V = W*diag(d) and
// b' = b + W·μ, which give the same scores. This diagonal (Jacobi)
// scaling makes the curvature of f about one along every coefficient, so
// L-BFGS converges on raw, badly scaled features as fast as on
// standardised ones; original maps the solution back.
//
// θ holds V (outputs*cols, row-major) followed by b'. The last evaluation
// is cached, because gonum asks for the value and the gradient at the same
// point separately.
type logisticObjective struct {
	x          *mat.Dense // rows x cols, centred and scaled copy of X
	mean       []float64  // μ
	scale      []float64  // d
	y          []float64
	weights    []float64
	sumWeights float64
	c          float64
	outputs    int
	multi      bool

	scores *mat.Dense // rows x outputs; scaled residuals R after evaluate
	at     []float64  // θ of the cached evaluation
	f      float64    // objective at at
	grad   []float64  // gradient at at
}

func newLogisticObjective(X []float64, rows, cols int, y []float64, classes int,
	weights []float64, c float64) *logisticObjective {
	sumWeights := floats.Sum(weights)
	mean := columnMeans(X, rows, cols, weights)
	scale := make([]float64, cols)
	for i := range rows {
		for j, v := range X[i*cols : (i+1)*cols] {
			scale[j] += weights[i] * (v - mean[j]) * (v - mean[j])
		}
	}
	for j := range scale {
		scale[j] = math.Sqrt(scale[j]/sumWeights + 1/(c*sumWeights))
	}

	x := mat.NewDense(rows, cols, nil)
	for i := range rows {
		row := x.RawRowView(i)
		floats.SubTo(row, X[i*cols:(i+1)*cols], mean)
		floats.Div(row, scale)
	}

	outputs := 1
	if classes > 2 {
		outputs = classes
	}
	return &logisticObjective{
		x:          x,
		mean:       mean,
		scale:      scale,
		y:          y,
		weights:    weights,
		sumWeights: sumWeights,
		c:          c,
		outputs:    outputs,
		multi:      classes > 2,
		scores:     mat.NewDense(rows, outputs, nil),
		grad:       make([]float64, outputs*(cols+1)),
	}
}

func (o *logisticObjective) dim() int { return len(o.grad) }

func (o *logisticObjective) value(theta []float64) float64 {
	o.evaluate(theta)
	return o.f
}

func (o *logisticObjective) gradient(grad, theta []float64) {
	o.evaluate(theta)
	copy(grad, o.grad)
}

// evaluate computes the objective and its gradient at theta unless they are
// cached. With p the predicted probabilities, t the one-hot labels and
// R = s∘(p − t)/Σ s, the gradient is RᵀX̃ + V·diag(1/d²)/(C*Σ s) for the
// coefficients (X̃ the preconditioned matrix) and the column sums of R for
// the intercepts.
func (o *logisticObjective) evaluate(theta []float64) {
	if o.at != nil && floats.Equal(o.at, theta) {
		return
	}
	o.at = append(o.at[:0], theta...)

	rows, cols := o.x.Dims()
	nCoef := o.outputs * cols
	coef := mat.NewDense(o.outputs, cols, theta[:nCoef])
	intercept := theta[nCoef:]
	o.scores.Mul(o.x, coef.T())

	gradIntercept := o.grad[nCoef:]
	floats.Scale(0, gradIntercept)
	var loss float64
	for i := range rows {
		s := o.scores.RawRowView(i)
		floats.Add(s, intercept)
		label := int(o.y[i])
		w := o.weights[i]
		if o.multi {
			z := s[label]
			loss += w * (softmax(s) - z)
			s[label]--
		} else {
			loss += w * (softplus(s[0]) - o.y[i]*s[0])
			s[0] = sigmoid(s[0]) - o.y[i]
		}
		floats.Scale(w/o.sumWeights, s)
		floats.Add(gradIntercept, s)
	}

	gradCoef := mat.NewDense(o.outputs, cols, o.grad[:nCoef])
	gradCoef.Mul(o.scores.T(), o.x)
	var penalty float64
	for k := range o.outputs {
		for j, d := range o.scale {
			v := theta[k*cols+j] / d
			penalty += v * v
			o.grad[k*cols+j] += v / (d * o.c * o.sumWeights)
		}
	}
	o.f = (loss + penalty/(2*o.c)) / o.sumWeights
}

// original maps preconditioned parameters θ = (V, b') back to the
// coefficients W = V*diag(1/d) and intercepts b = b' − W·μ of the raw
// features.
func (o *logisticObjective) original(theta []float64) (coef, intercept []float64) {
	cols := len(o.scale)
	coef = make([]float64, o.outputs*cols)
	intercept = make([]float64, o.outputs)
	for k := range o.outputs {
		w := coef[k*cols : (k+1)*cols]
		floats.DivTo(w, theta[k*cols:(k+1)*cols], o.scale)
		intercept[k] = theta[o.outputs*cols+k] - floats.Dot(w, o.mean)
	}
	return coef, intercept
}

// softplus returns log(1+exp(z)) without overflow or loss of precision.
func softplus(z float64) float64 {
	if z > 0 {
		return z + math.Log1p(math.Exp(-z))
	}
	return math.Log1p(math.Exp(z))
}
