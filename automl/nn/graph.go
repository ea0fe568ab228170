package nn

import (
	"fmt"
	"runtime"
	"sync"

	G "gorgonia.org/gorgonia"
	"gorgonia.org/tensor"
)

// buildMu serialises graph construction: gorgonia's constructors read and
// write package-level nodes (for example the zero that Rectify compares
// with), so two graphs built at once race. Running compiled graphs
// concurrently is safe.
var buildMu sync.Mutex

// shape describes a training graph: its layer sizes, batch size, head,
// activation and optional terms. The dropout rate and the penalty weights
// are fed at run time.
type shape struct {
	inputs, outputs, batch int
	hidden                 [MaxHidden]int
	layers                 int
	head                   Head
	activation             string
	dropout, l1, l2        bool
}

func shapeOf(cfg Config, head Head, inputs, outputs, batch int) shape {
	s := shape{
		inputs: inputs, outputs: outputs, batch: batch,
		layers: len(cfg.Hidden), head: head, activation: cfg.Activation,
		dropout: cfg.Dropout > 0, l1: cfg.L1 > 0, l2: cfg.L2 > 0,
	}
	copy(s.hidden[:], cfg.Hidden)
	return s
}

// sizes returns the widths of all layers, from the inputs to the outputs.
func (s shape) sizes() []int {
	sizes := []int{s.inputs}
	sizes = append(sizes, s.hidden[:s.layers]...)
	return append(sizes, s.outputs)
}

// graph is a compiled float32 training graph for one shape: one batch in,
// the batch loss and the gradients of every parameter out. Its inputs are
// fed by writing into the backing slices of their values.
type graph struct {
	shape shape
	vm    G.VM

	// x is the batch of features, batch×inputs.
	x []float32
	// a and b carry the targets and the per-row loss weights (each row's
	// sample weight over the number of real rows in the batch):
	//   Sigmoid: a = weight, b = weight·y (both batch×1)
	//   Linear:  a = weight, b = standardised y
	//   Softmax: a = weight·one-hot(y) (batch×classes), b unused
	a, b []float32
	// masks holds one batch×width inverted-dropout mask per hidden layer.
	masks [][]float32
	// l1 and l2 are the scalar penalty weights, when the shape has them.
	l1, l2 *G.Node

	// params holds W₁, b₁, W₂, b₂, …; W is in×out, b is 1×out, row-major.
	params G.Nodes
	grads  []G.ValueGrad
	// loss receives the data loss (without penalties) of each run.
	loss *G.Value
}

// input adds a float32 batch input of r×c to g and returns its node and the
// slice that backs its value.
func input(g *G.ExprGraph, name string, r, c int) (*G.Node, []float32) {
	data := make([]float32, r*c)
	t := tensor.New(tensor.WithShape(r, c), tensor.WithBacking(data))
	return G.NewMatrix(g, tensor.Float32, G.WithShape(r, c), G.WithName(name), G.WithValue(t)), data
}

// buildGraph constructs and compiles the training graph of shape s.
// gorgonia reports some construction errors by panicking; they come back
// as errors.
func buildGraph(s shape) (gr *graph, err error) {
	buildMu.Lock()
	defer buildMu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			gr, err = nil, fmt.Errorf("nn: building the graph for %v: gorgonia panicked: %v", s.sizes(), r)
		}
	}()

	g := G.NewGraph()
	gr = &graph{shape: s}
	act := activations[s.activation]
	sizes := s.sizes()

	x, xData := input(g, "x", s.batch, s.inputs)
	gr.x = xData
	h := x
	for l := 0; l+1 < len(sizes); l++ {
		in, out := sizes[l], sizes[l+1]
		w, _ := input(g, fmt.Sprintf("W%d", l), in, out)
		b, _ := input(g, fmt.Sprintf("b%d", l), 1, out)
		gr.params = append(gr.params, w, b)

		if h, err = G.Mul(h, w); err != nil {
			return nil, fmt.Errorf("nn: layer %d: %w", l, err)
		}
		if h, err = G.BroadcastAdd(h, b, nil, []byte{0}); err != nil {
			return nil, fmt.Errorf("nn: layer %d: %w", l, err)
		}
		if l+2 == len(sizes) {
			break // the output layer stays linear: the loss applies the head
		}
		if h, err = act.node(h); err != nil {
			return nil, fmt.Errorf("nn: layer %d activation %s: %w", l, s.activation, err)
		}
		if s.dropout {
			mask, data := input(g, fmt.Sprintf("mask%d", l), s.batch, out)
			gr.masks = append(gr.masks, data)
			if h, err = G.HadamardProd(h, mask); err != nil {
				return nil, fmt.Errorf("nn: layer %d dropout: %w", l, err)
			}
		}
	}

	loss, err := gr.addLoss(g, h)
	if err != nil {
		return nil, err
	}
	// The loss is read into a Value of its own, not into a field of gr:
	// a pointer from the graph back to gr, which holds the machine, would
	// close a reference cycle through the machine, and gorgonia sets a
	// finalizer on every TapeMachine; the Go collector never frees cycles
	// that hold a finalizer, which leaked every graph.
	gr.loss = new(G.Value)
	G.Read(loss, gr.loss)
	if loss, err = gr.addPenalties(g, loss); err != nil {
		return nil, err
	}
	one := g.AddNode(G.NewConstant(float32(1), G.WithName("one")))
	if _, err = G.Backpropagate(G.Nodes{loss}, G.Nodes{one}, gr.params); err != nil {
		return nil, fmt.Errorf("nn: gradients: %w", err)
	}

	vm := G.NewTapeMachine(g, G.BindDualValues(gr.params...))
	// The finalizer only releases CUDA memory (it is empty without the cuda
	// build tag); dropping it lets the collector free the machine even if
	// some reference cycle runs through it.
	runtime.SetFinalizer(vm, nil)
	gr.vm = vm
	gr.grads = G.NodesToValueGrads(gr.params)
	return gr, nil
}

// addLoss adds the inputs a and b and the weighted data loss of the head,
// summed over the batch, given the output-layer pre-activations z.
func (gr *graph) addLoss(g *G.ExprGraph, z *G.Node) (loss *G.Node, err error) {
	s := gr.shape
	a, aData := input(g, "a", s.batch, s.outputs)
	gr.a = aData
	switch s.head {
	case Softmax:
		// Categorical cross-entropy −Σ a⊙log softmax(z), a = weight·one-hot.
		logp, err := G.LogSoftMax(z, 1)
		if err != nil {
			return nil, fmt.Errorf("nn: softmax loss: %w", err)
		}
		prod, err := G.HadamardProd(a, logp)
		if err != nil {
			return nil, fmt.Errorf("nn: softmax loss: %w", err)
		}
		if loss, err = G.Sum(prod); err != nil {
			return nil, fmt.Errorf("nn: softmax loss: %w", err)
		}
		return G.Neg(loss)
	case Sigmoid:
		// Binary cross-entropy from logits, softplus(z) − y·z per row,
		// which never takes the log of a rounded-off probability.
		b, bData := input(g, "b", s.batch, 1)
		gr.b = bData
		sp, err := G.Softplus(z)
		if err != nil {
			return nil, fmt.Errorf("nn: sigmoid loss: %w", err)
		}
		wsp, err := G.HadamardProd(a, sp)
		if err != nil {
			return nil, fmt.Errorf("nn: sigmoid loss: %w", err)
		}
		wyz, err := G.HadamardProd(b, z)
		if err != nil {
			return nil, fmt.Errorf("nn: sigmoid loss: %w", err)
		}
		perRow, err := G.Sub(wsp, wyz)
		if err != nil {
			return nil, fmt.Errorf("nn: sigmoid loss: %w", err)
		}
		return G.Sum(perRow)
	default:
		// Squared error on the standardised target.
		b, bData := input(g, "b", s.batch, 1)
		gr.b = bData
		diff, err := G.Sub(z, b)
		if err != nil {
			return nil, fmt.Errorf("nn: squared error: %w", err)
		}
		sq, err := G.Square(diff)
		if err != nil {
			return nil, fmt.Errorf("nn: squared error: %w", err)
		}
		prod, err := G.HadamardProd(a, sq)
		if err != nil {
			return nil, fmt.Errorf("nn: squared error: %w", err)
		}
		return G.Sum(prod)
	}
}

// addPenalties adds l1·Σ|W| and l2·ΣW² over the weight matrices to loss,
// with l1 and l2 as scalar inputs, when the shape has them.
func (gr *graph) addPenalties(g *G.ExprGraph, loss *G.Node) (*G.Node, error) {
	terms := []struct {
		on   bool
		name string
		node **G.Node
		elem func(*G.Node) (*G.Node, error)
	}{
		{gr.shape.l1, "l1", &gr.l1, G.Abs},
		{gr.shape.l2, "l2", &gr.l2, G.Square},
	}
	for _, t := range terms {
		if !t.on {
			continue
		}
		*t.node = G.NewScalar(g, tensor.Float32, G.WithName(t.name), G.WithValue(float32(0)))
		var total *G.Node
		for i := 0; i < len(gr.params); i += 2 {
			e, err := t.elem(gr.params[i])
			if err != nil {
				return nil, fmt.Errorf("nn: %s penalty: %w", t.name, err)
			}
			s, err := G.Sum(e)
			if err != nil {
				return nil, fmt.Errorf("nn: %s penalty: %w", t.name, err)
			}
			if total == nil {
				total = s
			} else if total, err = G.Add(total, s); err != nil {
				return nil, fmt.Errorf("nn: %s penalty: %w", t.name, err)
			}
		}
		scaled, err := G.Mul(*t.node, total)
		if err != nil {
			return nil, fmt.Errorf("nn: %s penalty: %w", t.name, err)
		}
		if loss, err = G.Add(loss, scaled); err != nil {
			return nil, fmt.Errorf("nn: %s penalty: %w", t.name, err)
		}
	}
	return loss, nil
}

// param returns the float32 values of parameter i, which the optimizer
// updates in place.
func (gr *graph) param(i int) []float32 {
	return gr.params[i].Value().Data().([]float32)
}

// setPenalties feeds the penalty weights of cfg.
func (gr *graph) setPenalties(cfg Config) error {
	if gr.l1 != nil {
		if err := G.Let(gr.l1, float32(cfg.L1)); err != nil {
			return fmt.Errorf("nn: setting L1: %w", err)
		}
	}
	if gr.l2 != nil {
		if err := G.Let(gr.l2, float32(cfg.L2)); err != nil {
			return fmt.Errorf("nn: setting L2: %w", err)
		}
	}
	return nil
}

// batchLoss returns the data loss of the last run.
func (gr *graph) batchLoss() float64 {
	return float64((*gr.loss).Data().(float32))
}
