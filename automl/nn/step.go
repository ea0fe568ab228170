package nn

import (
	"context"
	"math"
	"math/rand/v2"
)

// Streams of the seeded PCG generator, one per use, so that changing the
// dropout rate does not change the initial weights or the batch order.
const (
	streamInit    = 0x9e3779b97f4a7c15
	streamShuffle = 0xbf58476d1ce4e5b9
	streamDropout = 0x94d049bb133111eb
)

// data32 is the training table as the network consumes it: float32 features
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

// start draws the initial weights from the seed and returns the
// optimizer.
//
// Every layer starts from the default of PyTorch's nn.Linear: weights and
// biases uniform in ±1/√in, which is He et al.'s uniform initialisation
// with a leaky slope of √5 ("Delving Deep into Rectifiers", ICCV 2015).
// On the benchmark table of bench/train_throughput.sh it reaches the
// validation AUC of the PyTorch reference (0.845 after 5 epochs), where
// plain He and Glorot initial weights, three times as wide, reached 0.836.
func (t *trainer) start() *optimizer {
	rng := rand.New(rand.NewPCG(t.cfg.Seed, streamInit))
	for l, layer := range t.model.Layers {
		limit := 1 / math.Sqrt(float64(layer.In))
		for _, p := range t.nw.params[2*l : 2*l+2] {
			for i := range p {
				p[i] = float32((2*rng.Float64() - 1) * limit)
			}
		}
	}
	return newOptimizer(t.cfg, t.nw.params)
}

// epoch trains one pass over the rows in a new random order and returns
// the mean training loss.
func (t *trainer) epoch(ctx context.Context, e int, opt *optimizer, order []int) (float64, error) {
	t.shuffle.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	batch := t.nw.shape.batch
	var sum float64
	for start := 0; start < len(order); start += batch {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		idx := order[start:min(start+batch, len(order))]
		t.fill(idx)
		loss := t.trainStep(opt)
		if !finite(loss) {
			return 0, &divergedError{e, "training loss", loss}
		}
		sum += loss * float64(len(idx))
	}
	return sum / float64(len(order)), nil
}

// trainStep runs the forward and backward pass of the filled batch,
// updates the parameters with opt and returns the batch's data loss.
func (t *trainer) trainStep(opt *optimizer) float64 {
	t.nw.forward()
	loss := t.nw.lossGrad()
	t.nw.backward()
	opt.step(t.nw.params, t.nw.grads)
	return loss
}

// fill writes the rows idx into the network's inputs. Each row's loss weight
// is its sample weight over len(idx); the rows past len(idx) that pad a
// short batch get zero features and zero weight.
func (t *trainer) fill(idx []int) {
	gr, d := t.nw, t.train
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
// draw yields four 16-bit uniforms, which resolves p to 1/65536; a unit is
// kept when its uniform is at least p·65536.
func (t *trainer) fillMasks() {
	p := t.cfg.Dropout
	keep := float32(1 / (1 - p))
	threshold := int32(p * 65536)
	for _, m := range t.nw.masks {
		words := t.nw.words[:(len(m)+3)/4]
		for i := range words {
			words[i] = t.dropout.Uint64()
		}
		dropout32(m, words, threshold, keep)
	}
}

// readWeights copies the network's current float32 weights into t.model.
func (t *trainer) readWeights() {
	for l, layer := range t.model.Layers {
		for i, v := range t.nw.params[2*l] {
			layer.W[i] = float64(v)
		}
		for i, v := range t.nw.params[2*l+1] {
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
