package nn

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"

	G "gorgonia.org/gorgonia"
)

// Streams of the seeded PCG generator, one per use, so that changing the
// dropout rate does not change the initial weights or the batch order.
const (
	streamInit    = 0x9e3779b97f4a7c15
	streamShuffle = 0xbf58476d1ce4e5b9
	streamDropout = 0x94d049bb133111eb
)

// rmspropDecay is the moving-average factor of RMSProp (Hinton's lecture
// and Keras use 0.9).
const rmspropDecay = 0.9

// data32 is the training table as the graph consumes it: float32 features
// and, for Linear, the standardised target.
type data32 struct {
	rows, cols int
	x          []float32
	y, w       []float64
}

func newData32(d Data, m *Model) data32 {
	out := data32{rows: d.Rows, cols: d.Cols, x: make([]float32, len(d.X)), y: d.Y, w: d.Weights}
	for i, v := range d.X {
		out.x[i] = float32(v)
	}
	if m.Head == Linear {
		out.y = make([]float64, len(d.Y))
		for i, v := range d.Y {
			out.y[i] = (v - m.TargetMean) / m.TargetStd
		}
	}
	return out
}

// newModel returns a model of cfg's architecture with zero weights and
// the target scale of train.
func newModel(cfg Config, s shape, train Data) *Model {
	cfg.Hidden = append([]int(nil), cfg.Hidden...)
	m := &Model{Config: cfg, Head: s.head, Inputs: s.inputs, Outputs: s.outputs, TargetStd: 1}
	sizes := s.sizes()
	for l := 0; l+1 < len(sizes); l++ {
		in, out := sizes[l], sizes[l+1]
		m.Layers = append(m.Layers, Layer{In: in, Out: out, W: make([]float64, in*out), B: make([]float64, out)})
	}
	if s.head == Linear {
		m.TargetMean, m.TargetStd = targetScale(train.Y)
	}
	return m
}

// clone returns a deep copy of m.
func (m *Model) clone() *Model {
	c := *m
	c.Layers = make([]Layer, len(m.Layers))
	for i, l := range m.Layers {
		l.W = append([]float64(nil), l.W...)
		l.B = append([]float64(nil), l.B...)
		c.Layers[i] = l
	}
	return &c
}

// start prepares the new graph for training: it draws the initial weights
// from the seed, feeds the penalty weights and returns the optimizer.
//
// Hidden layers with a ReLU-like activation start from He uniform weights,
// U(±√(6/in)) (He et al., "Delving Deep into Rectifiers", ICCV 2015); the
// others and the output layer from Glorot uniform weights, U(±√(6/(in+out)))
// (Glorot and Bengio, AISTATS 2010). Biases start at 0.
func (t *trainer) start() (G.Solver, error) {
	gr := t.gr
	rng := rand.New(rand.NewPCG(t.cfg.Seed, streamInit))
	he := activations[t.cfg.Activation].he
	for l, layer := range t.model.Layers {
		limit := math.Sqrt(6 / float64(layer.In+layer.Out))
		if he && l < len(t.model.Layers)-1 {
			limit = math.Sqrt(6 / float64(layer.In))
		}
		w := gr.param(2 * l)
		for i := range w {
			w[i] = float32((2*rng.Float64() - 1) * limit)
		}
		clear(gr.param(2*l + 1))
	}
	if err := gr.setPenalties(t.cfg); err != nil {
		return nil, err
	}

	lr := G.WithLearnRate(t.cfg.LearningRate)
	switch t.cfg.Optimizer {
	case "sgd":
		if t.cfg.Momentum > 0 {
			return G.NewMomentum(lr, G.WithMomentum(t.cfg.Momentum)), nil
		}
		return G.NewVanillaSolver(lr), nil
	case "rmsprop":
		return G.NewRMSPropSolver(lr, G.WithRho(rmspropDecay)), nil
	default:
		return G.NewAdamSolver(lr), nil
	}
}

// epoch trains one pass over the rows in a new random order and returns
// the mean training loss.
func (t *trainer) epoch(ctx context.Context, e int, solver G.Solver, order []int) (float64, error) {
	t.shuffle.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	batch := t.gr.shape.batch
	var sum float64
	for start := 0; start < len(order); start += batch {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		idx := order[start:min(start+batch, len(order))]
		t.fill(idx)
		if err := t.gr.vm.RunAll(); err != nil {
			return 0, fmt.Errorf("nn: epoch %d: %w", e, err)
		}
		loss := t.gr.batchLoss()
		if !finite(loss) {
			return 0, &divergedError{e, "training loss", loss}
		}
		if err := solver.Step(t.gr.grads); err != nil {
			return 0, fmt.Errorf("nn: epoch %d: optimizer step: %w", e, err)
		}
		t.gr.vm.Reset() // rewind the tape for the next batch
		sum += loss * float64(len(idx))
	}
	return sum / float64(len(order)), nil
}

// fill writes the rows idx into the graph's inputs. Each row's loss weight
// is its sample weight over len(idx); the rows past len(idx) that pad a
// short batch get zero features and zero weight.
func (t *trainer) fill(idx []int) {
	gr, d := t.gr, t.train
	n, k := len(idx), gr.shape.outputs
	for r, i := range idx {
		copy(gr.x[r*d.cols:(r+1)*d.cols], d.x[i*d.cols:(i+1)*d.cols])
		w := 1.0
		if d.w != nil {
			w = d.w[i]
		}
		w /= float64(n)
		switch gr.shape.head {
		case Softmax:
			row := gr.a[r*k : (r+1)*k]
			clear(row)
			row[int(d.y[i])] = float32(w)
		case Sigmoid:
			gr.a[r], gr.b[r] = float32(w), float32(w*d.y[i])
		default:
			gr.a[r], gr.b[r] = float32(w), float32(d.y[i])
		}
	}
	clear(gr.x[n*d.cols:])
	clear(gr.a[n*k:])
	if gr.b != nil {
		clear(gr.b[n:])
	}
	t.fillMasks()
}

// fillMasks draws new inverted-dropout masks: each unit is kept with
// probability 1−p and then scaled by 1/(1−p), so that the expected
// activation equals the one Predict computes without dropout. Each 64-bit
// draw yields four 16-bit uniforms, which resolves p to 1/65536.
func (t *trainer) fillMasks() {
	p := t.cfg.Dropout
	keep := float32(1 / (1 - p))
	threshold := uint64(p * 65536)
	for _, m := range t.gr.masks {
		for i := 0; i < len(m); i += 4 {
			r := t.dropout.Uint64()
			for j := i; j < min(i+4, len(m)); j++ {
				if r&0xffff >= threshold {
					m[j] = keep
				} else {
					m[j] = 0
				}
				r >>= 16
			}
		}
	}
}

// readWeights copies the graph's current float32 weights into t.model.
func (t *trainer) readWeights() {
	for l, layer := range t.model.Layers {
		for i, v := range t.gr.param(2 * l) {
			layer.W[i] = float64(v)
		}
		for i, v := range t.gr.param(2*l + 1) {
			layer.B[i] = float64(v)
		}
	}
}

// evaluate returns the validation scores of t.model, as Predict returns
// them, and the weighted mean validation loss.
func (t *trainer) evaluate() ([]float64, float64) {
	m, v := t.model, t.valid
	z := m.outputs(v.X, v.Rows)
	var sum float64
	for i := 0; i < v.Rows; i++ {
		var loss float64
		switch m.Head {
		case Softmax:
			row := z[i*m.Outputs : (i+1)*m.Outputs]
			loss = logSumExp(row) - row[int(v.Y[i])]
		case Sigmoid:
			loss = softplus(z[i]) - v.Y[i]*z[i]
		default:
			d := z[i] - (v.Y[i]-m.TargetMean)/m.TargetStd
			loss = d * d
		}
		if v.Weights != nil {
			loss *= v.Weights[i]
		}
		sum += loss
	}
	return m.finish(z, v.Rows), sum / float64(v.Rows)
}
