package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	G "gorgonia.org/gorgonia"
	"gorgonia.org/tensor"
)

// gorgoniaActivations builds each activation as gorgonia nodes, the
// oracle for the hand-written forward and backward passes.
var gorgoniaActivations = map[string]func(*G.Node) (*G.Node, error){
	"relu":       G.Rectify,
	"leaky_relu": func(x *G.Node) (*G.Node, error) { return G.LeakyRelu(x, leakySlope) },
	"elu": func(x *G.Node) (*G.Node, error) {
		// relu(x) + expm1(−relu(−x))
		pos := G.Must(G.Rectify(x))
		neg := G.Must(G.Neg(G.Must(G.Rectify(G.Must(G.Neg(x))))))
		return G.Add(pos, G.Must(G.Expm1(neg)))
	},
	"silu":     func(x *G.Node) (*G.Node, error) { return G.HadamardProd(x, G.Must(G.Sigmoid(x))) },
	"mish":     G.Mish,
	"tanh":     G.Tanh,
	"sigmoid":  G.Sigmoid,
	"softplus": G.Softplus,
}

// gorgoniaGrads builds the training loss of nw's shape as a float32
// gorgonia graph, runs it on nw's parameters and batch, and returns the
// data loss and the gradients of the loss with penalties, computed by
// gorgonia's automatic differentiation.
func gorgoniaGrads(t *testing.T, nw *network) (float64, [][]float32) {
	t.Helper()
	s := nw.shape
	g := G.NewGraph()
	matrix := func(name string, r, c int, data []float32) *G.Node {
		v := tensor.New(tensor.WithShape(r, c), tensor.WithBacking(append([]float32(nil), data...)))
		return G.NewMatrix(g, tensor.Float32, G.WithShape(r, c), G.WithName(name), G.WithValue(v))
	}
	sizes := s.sizes()
	h := matrix("x", s.batch, s.inputs, nw.x)
	var params G.Nodes
	var weights []*G.Node
	for l := 0; l+1 < len(sizes); l++ {
		w := matrix(fmt.Sprintf("W%d", l), sizes[l], sizes[l+1], nw.params[2*l])
		b := matrix(fmt.Sprintf("b%d", l), 1, sizes[l+1], nw.params[2*l+1])
		params, weights = append(params, w, b), append(weights, w)
		h = G.Must(G.BroadcastAdd(G.Must(G.Mul(h, w)), b, nil, []byte{0}))
		if l+2 == len(sizes) {
			break
		}
		h = G.Must(gorgoniaActivations[s.activation](h))
		if nw.masks != nil {
			h = G.Must(G.HadamardProd(h, matrix(fmt.Sprintf("mask%d", l), s.batch, sizes[l+1], nw.masks[l])))
		}
	}

	a := matrix("a", s.batch, s.outputs, nw.a)
	var loss *G.Node
	switch s.head {
	case Softmax:
		loss = G.Must(G.Neg(G.Must(G.Sum(G.Must(G.HadamardProd(a, G.Must(G.LogSoftMax(h, 1))))))))
	case Sigmoid:
		b := matrix("b", s.batch, 1, nw.b)
		sp := G.Must(G.HadamardProd(a, G.Must(G.Softplus(h))))
		loss = G.Must(G.Sum(G.Must(G.Sub(sp, G.Must(G.HadamardProd(b, h))))))
	default:
		b := matrix("b", s.batch, 1, nw.b)
		loss = G.Must(G.Sum(G.Must(G.HadamardProd(a, G.Must(G.Square(G.Must(G.Sub(h, b))))))))
	}
	var dataLoss G.Value
	G.Read(loss, &dataLoss)
	for _, p := range []struct {
		weight float32
		elem   func(*G.Node) (*G.Node, error)
	}{{nw.l1, G.Abs}, {nw.l2, G.Square}} {
		for _, w := range weights {
			term := G.Must(G.Mul(G.NewConstant(p.weight), G.Must(G.Sum(G.Must(p.elem(w))))))
			loss = G.Must(G.Add(loss, term))
		}
	}
	if _, err := G.Grad(loss, params...); err != nil {
		t.Fatal(err)
	}
	vm := G.NewTapeMachine(g, G.BindDualValues(params...))
	defer vm.Close()
	if err := vm.RunAll(); err != nil {
		t.Fatal(err)
	}
	grads := make([][]float32, len(params))
	for i, p := range params {
		grad, err := p.Grad()
		if err != nil {
			t.Fatal(err)
		}
		grads[i] = grad.Data().([]float32)
	}
	return float64(dataLoss.Data().(float32)), grads
}

// TestGradientsMatchGorgonia checks the hand-written forward and backward
// passes against gorgonia's automatic differentiation of the same loss,
// for every activation and head, with and without dropout and penalties,
// on layer widths that leave partial kernel blocks.
func TestGradientsMatchGorgonia(t *testing.T) {
	type variant struct {
		head            Head
		classes         int
		hidden          []int
		dropout, l1, l2 float64
	}
	variants := []variant{
		{Sigmoid, 2, []int{7, 17}, 0, 0, 0},
		{Softmax, 3, []int{33}, 0.3, 0, 0},
		{Linear, 0, []int{16, 5}, 0, 0.01, 0.02},
		{Sigmoid, 2, []int{20}, 0.2, 0, 0.05},
	}
	r := rand.New(rand.NewPCG(11, 12))
	for _, name := range Activations() {
		for vi, v := range variants {
			t.Run(fmt.Sprintf("%s/%s%d", name, v.head, vi), func(t *testing.T) {
				cfg := Config{Hidden: v.hidden, Activation: name, Dropout: v.dropout, L1: v.l1, L2: v.l2,
					Optimizer: "adam", LearningRate: 0.01, BatchSize: 13, Epochs: 1, Seed: 3}
				outs, err := outputs(v.head, v.classes)
				if err != nil {
					t.Fatal(err)
				}
				nw := newNetwork(shapeOf(cfg, v.head, 5, outs, cfg.BatchSize), cfg)
				for _, p := range append(nw.params, nw.x, nw.a) {
					for i := range p {
						p[i] = float32(r.NormFloat64() * 0.7)
					}
				}
				if nw.b != nil {
					for i := range nw.b {
						nw.b[i] = float32(r.Float64())
					}
				}
				for i := range nw.a {
					nw.a[i] = float32(math.Abs(float64(nw.a[i])))
				}
				for _, m := range nw.masks {
					for i := range m {
						if r.Float64() >= v.dropout {
							m[i] = float32(1 / (1 - v.dropout))
						}
					}
				}

				nw.forward()
				loss := nw.lossGrad()
				nw.backward()
				wantLoss, want := gorgoniaGrads(t, nw)
				if math.Abs(loss-wantLoss) > 1e-5*(1+math.Abs(wantLoss)) {
					t.Errorf("loss = %v, gorgonia gives %v", loss, wantLoss)
				}
				for i, g := range nw.grads {
					var scale float64
					for _, w := range want[i] {
						scale = max(scale, math.Abs(float64(w)))
					}
					for j := range g {
						if d := math.Abs(float64(g[j] - want[i][j])); d > 1e-4*(1+scale) {
							t.Fatalf("gradient %d[%d] = %v, gorgonia gives %v", i, j, g[j], want[i][j])
						}
					}
				}
			})
		}
	}
}
