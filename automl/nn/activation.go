package nn

import (
	"math"
	"slices"
)

// leakySlope is the negative-side slope of "leaky_relu" (PyTorch's default).
const leakySlope = 0.01

// activation is one hidden-layer non-linearity in the two forms the
// package needs: float32 over a batch for training, float64 per value for
// prediction.
type activation struct {
	// forward writes act(z) into a, element by element.
	forward func(z, a []float32)
	// backward multiplies each g by the derivative act'(z), given the
	// pre-activations z and a = act(z).
	backward func(z, a, g []float32)
	// eval is act in float64.
	eval func(x float64) float64
	// evalAll, when set, replaces each x by eval(x) faster than a call
	// per value.
	evalAll func(x []float64)
}

// apply replaces each x by act(x) in float64.
func (a activation) apply(x []float64) {
	if a.evalAll != nil {
		a.evalAll(x)
		return
	}
	for i, v := range x {
		x[i] = a.eval(v)
	}
}

// activations maps each name Config.Activation accepts to its activation.
// The float32 forms compute transcendental functions in float64 and round
// the result once.
var activations = map[string]activation{
	"relu": {
		forward:  relu32,
		backward: func(z, _, g []float32) { reluGrad32(z, g) },
		eval:     relu,
		evalAll: func(x []float64) {
			for i, v := range x {
				x[i] = relu(v)
			}
		},
	},
	"leaky_relu": {
		forward: func(z, a []float32) {
			for i, v := range z {
				if v < 0 {
					v *= leakySlope
				}
				a[i] = v
			}
		},
		backward: func(z, _, g []float32) {
			for i, v := range z {
				if !(v > 0) {
					g[i] *= leakySlope
				}
			}
		},
		eval: leakyRelu,
	},
	// ELU (Clevert et al., ICLR 2016) with α = 1; its derivative below 0
	// is eˣ = elu(x) + 1.
	"elu": {
		forward: mapAct(elu),
		backward: func(z, a, g []float32) {
			for i, v := range z {
				if !(v > 0) {
					g[i] *= a[i] + 1
				}
			}
		},
		eval: elu,
	},
	// SiLU or swish, x·σ(x) (Ramachandran et al., 2017), with derivative
	// σ(x)·(1 + x·(1 − σ(x))).
	"silu": {
		forward: mapAct(silu),
		backward: mapGrad(func(x, _ float64) float64 {
			s := sigmoid(x)
			return s * (1 + x*(1-s))
		}),
		eval: silu,
	},
	// Mish, x·tanh(softplus(x)) (Misra, BMVC 2020), with derivative
	// t + x·(1 − t²)·σ(x) where t = tanh(softplus(x)).
	"mish": {
		forward: mapAct(mish),
		backward: mapGrad(func(x, _ float64) float64 {
			t := math.Tanh(softplus(x))
			return t + x*(1-t*t)*sigmoid(x)
		}),
		eval: mish,
	},
	"tanh": {
		forward:  mapAct(math.Tanh),
		backward: mapGrad(func(_, a float64) float64 { return 1 - a*a }),
		eval:     math.Tanh,
	},
	"sigmoid": {
		forward:  mapAct(sigmoid),
		backward: mapGrad(func(_, a float64) float64 { return a * (1 - a) }),
		eval:     sigmoid,
	},
	"softplus": {
		forward:  mapAct(softplus),
		backward: mapGrad(func(x, _ float64) float64 { return sigmoid(x) }),
		eval:     softplus,
	},
}

// mapAct returns the float32 forward form of the float64 function f.
func mapAct(f func(float64) float64) func(z, a []float32) {
	return func(z, a []float32) {
		for i, v := range z {
			a[i] = float32(f(float64(v)))
		}
	}
}

// mapGrad returns the float32 backward form of an activation whose
// derivative at x is d(x, act(x)).
func mapGrad(d func(x, a float64) float64) func(z, a, g []float32) {
	return func(z, a, g []float32) {
		for i, v := range z {
			g[i] *= float32(d(float64(v), float64(a[i])))
		}
	}
}

// Activations returns the names Config.Activation accepts, sorted.
func Activations() []string {
	names := make([]string, 0, len(activations))
	for name := range activations {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

func relu(x float64) float64 {
	if x < 0 {
		return 0
	}
	return x
}

func leakyRelu(x float64) float64 {
	if x < 0 {
		return leakySlope * x
	}
	return x
}

func elu(x float64) float64 {
	if x < 0 {
		return math.Expm1(x)
	}
	return x
}

func silu(x float64) float64 { return x * sigmoid(x) }

func mish(x float64) float64 { return x * math.Tanh(softplus(x)) }

// sigmoid is the logistic function, evaluated without overflow.
func sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}

// softplus is log(1+eˣ), evaluated without overflow.
func softplus(x float64) float64 {
	if x > 0 {
		return x + math.Log1p(math.Exp(-x))
	}
	return math.Log1p(math.Exp(x))
}
