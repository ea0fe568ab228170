package nn

import (
	"math"
	"slices"

	G "gorgonia.org/gorgonia"
)

// leakySlope is the negative-side slope of "leaky_relu" (PyTorch's default).
const leakySlope = 0.01

// activation is one hidden-layer non-linearity: its graph form for
// training, its float64 form for prediction, and whether its layers start
// from He rather than Glorot initial weights.
type activation struct {
	node func(x *G.Node) (*G.Node, error)
	eval func(x float64) float64
	he   bool
}

// activations maps each name Config.Activation accepts to its activation.
var activations = map[string]activation{
	"relu": {G.Rectify, relu, true},
	"leaky_relu": {
		func(x *G.Node) (*G.Node, error) { return G.LeakyRelu(x, leakySlope) },
		func(x float64) float64 {
			if x < 0 {
				return leakySlope * x
			}
			return x
		},
		true,
	},
	// ELU (Clevert et al., ICLR 2016) with α = 1, built from ops gorgonia
	// has: relu(x) + expm1(−relu(−x)).
	"elu": {elu, func(x float64) float64 {
		if x < 0 {
			return math.Expm1(x)
		}
		return x
	}, true},
	// SiLU or swish, x·σ(x) (Ramachandran et al., 2017).
	"silu": {func(x *G.Node) (*G.Node, error) {
		s, err := G.Sigmoid(x)
		if err != nil {
			return nil, err
		}
		return G.HadamardProd(x, s)
	}, func(x float64) float64 { return x * sigmoid(x) }, true},
	// Mish, x·tanh(softplus(x)) (Misra, BMVC 2020).
	"mish":     {G.Mish, func(x float64) float64 { return x * math.Tanh(softplus(x)) }, true},
	"tanh":     {G.Tanh, math.Tanh, false},
	"sigmoid":  {G.Sigmoid, sigmoid, false},
	"softplus": {G.Softplus, softplus, false},
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

func elu(x *G.Node) (*G.Node, error) {
	pos, err := G.Rectify(x)
	if err != nil {
		return nil, err
	}
	negX, err := G.Neg(x)
	if err != nil {
		return nil, err
	}
	r, err := G.Rectify(negX)
	if err != nil {
		return nil, err
	}
	negPart, err := G.Neg(r)
	if err != nil {
		return nil, err
	}
	em1, err := G.Expm1(negPart)
	if err != nil {
		return nil, err
	}
	return G.Add(pos, em1)
}
