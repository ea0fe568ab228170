package nn

import "math"

// Moment-decay and stability constants of the optimizers, as in Kingma and
// Ba (Adam) and in the defaults of gorgonia's and PyTorch's solvers.
const (
	adamBeta1 = 0.9
	adamBeta2 = 0.999
	adamEps   = 1e-8
	// rmspropDecay is the moving-average factor of RMSProp (Hinton's
	// lecture and Keras use 0.9).
	rmspropDecay = 0.9
	rmspropEps   = 1e-8
)

// optimizer updates a network's parameters in place from their gradients.
type optimizer struct {
	kind     string // one of Optimizers
	rate     float32
	momentum float32
	steps    int
	// m and v hold per-parameter state in the layout of the parameters:
	// Adam's first and second moments, SGD's velocity (in m), RMSProp's
	// mean square (in v).
	m, v [][]float32
}

// newOptimizer returns the optimizer cfg names for parameters of the
// sizes of params, with cfg's learning rate.
func newOptimizer(cfg Config, params [][]float32) *optimizer {
	o := &optimizer{kind: cfg.Optimizer, momentum: float32(cfg.Momentum)}
	o.setRate(cfg.LearningRate)
	state := func() [][]float32 {
		s := make([][]float32, len(params))
		for i, p := range params {
			s[i] = make([]float32, len(p))
		}
		return s
	}
	switch {
	case o.kind == "adam":
		o.m, o.v = state(), state()
	case o.kind == "rmsprop":
		o.v = state()
	case o.momentum > 0:
		o.m = state()
	}
	return o
}

// setRate sets the learning rate of the next steps.
func (o *optimizer) setRate(lr float64) { o.rate = float32(lr) }

// step applies one update to params from grads.
//
// Adam follows Kingma and Ba, "Adam: A Method for Stochastic
// Optimization" (ICLR 2015), Algorithm 1, with ε added to the square root
// of the bias-corrected second moment. SGD with momentum keeps a velocity
// u ← μ·u − η·g and adds it to the weights; RMSProp (Tieleman and Hinton,
// Coursera lecture 6.5, 2012) divides the step by √(mean square + ε).
func (o *optimizer) step(params, grads [][]float32) {
	o.steps++
	switch {
	case o.kind == "adam":
		c1 := float32(1 / (1 - math.Pow(adamBeta1, float64(o.steps))))
		c2 := float32(1 / (1 - math.Pow(adamBeta2, float64(o.steps))))
		for i, p := range params {
			adam32(p, grads[i], o.m[i], o.v[i], o.rate, c1, c2)
		}
	case o.kind == "rmsprop":
		for i, p := range params {
			g, v := grads[i][:len(p)], o.v[i][:len(p)]
			for j := range p {
				v[j] = rmspropDecay*v[j] + (1-rmspropDecay)*g[j]*g[j]
				p[j] -= o.rate * g[j] / sqrt32(v[j]+rmspropEps)
			}
		}
	case o.momentum > 0:
		for i, p := range params {
			g, u := grads[i][:len(p)], o.m[i][:len(p)]
			for j := range p {
				u[j] = o.momentum*u[j] - o.rate*g[j]
				p[j] += u[j]
			}
		}
	default:
		for i, p := range params {
			g := grads[i][:len(p)]
			for j := range p {
				p[j] -= o.rate * g[j]
			}
		}
	}
}
