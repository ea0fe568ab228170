package nn

import "math"

// shape describes a network being trained: its layer sizes, batch size,
// head, activation and optional terms.
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

// network is the float32 training state of one network: its parameters,
// their gradients and the buffers of one batch, all allocated once, so
// that a training step allocates nothing. A step is fill (by the trainer),
// forward, lossGrad, backward and an optimizer update.
type network struct {
	shape shape
	fn    activation

	// params holds W₁, b₁, W₂, b₂, …; W is in×out and b is 1×out,
	// row-major. grads holds the gradients of the last batch's loss in
	// the same layout.
	params, grads [][]float32

	// x is the batch of features, batch×inputs.
	x []float32
	// a and b carry the targets and the per-row loss weights (each row's
	// sample weight over the number of real rows in the batch):
	//   Sigmoid: a = weight, b = weight·y (both batch×1)
	//   Linear:  a = weight, b = standardised y
	//   Softmax: a = weight·one-hot(y) (batch×classes), b unused
	a, b []float32
	// masks holds one batch×width inverted-dropout mask per hidden layer
	// when the network has dropout, and words the random bits of one.
	masks [][]float32
	words []uint64
	// l1 and l2 are the penalty weights.
	l1, l2 float32

	// z holds every layer's pre-activations, act every hidden layer's
	// activations, and h the hidden layers' outputs: act times the
	// dropout mask, or act itself without dropout.
	z, act, h [][]float32
	// dz is the gradient of the loss with respect to the output layer's
	// pre-activations; back holds two batch×width buffers for the
	// gradients of the hidden layers; wt holds a transposed weight matrix.
	dz   []float32
	back [2][]float32
	wt   []float32
}

// newNetwork allocates a network of shape s with zero parameters.
func newNetwork(s shape, cfg Config) *network {
	nw := &network{shape: s, fn: activations[s.activation], l1: float32(cfg.L1), l2: float32(cfg.L2)}
	sizes := s.sizes()
	widest := 0
	for l := 0; l+1 < len(sizes); l++ {
		in, out := sizes[l], sizes[l+1]
		widest = max(widest, in, out)
		nw.params = append(nw.params, make([]float32, in*out), make([]float32, out))
		nw.grads = append(nw.grads, make([]float32, in*out), make([]float32, out))
		nw.z = append(nw.z, make([]float32, s.batch*out))
		if l+2 == len(sizes) {
			break
		}
		act := make([]float32, s.batch*out)
		nw.act = append(nw.act, act)
		if s.dropout {
			nw.masks = append(nw.masks, make([]float32, s.batch*out))
			nw.h = append(nw.h, make([]float32, s.batch*out))
		} else {
			nw.h = append(nw.h, act)
		}
	}
	if s.dropout {
		nw.words = make([]uint64, (s.batch*widest+3)/4)
	}
	nw.x = make([]float32, s.batch*s.inputs)
	nw.a = make([]float32, s.batch*s.outputs)
	if s.head != Softmax {
		nw.b = make([]float32, s.batch)
	}
	nw.dz = make([]float32, s.batch*s.outputs)
	nw.back = [2][]float32{make([]float32, s.batch*widest), make([]float32, s.batch*widest)}
	nw.wt = make([]float32, widest*widest)
	return nw
}

// layers returns the number of weight layers, hidden and output.
func (nw *network) layers() int { return len(nw.z) }

// input returns the input of layer l and its width.
func (nw *network) input(l int) ([]float32, int) {
	if l == 0 {
		return nw.x, nw.shape.inputs
	}
	return nw.h[l-1], len(nw.params[2*l-1])
}

// forward computes the pre-activations of every layer for the batch in x,
// with dropout on the hidden layers.
func (nw *network) forward() {
	n := nw.shape.batch
	for l := range nw.layers() {
		in, width := nw.input(l)
		w, b, z := nw.params[2*l], nw.params[2*l+1], nw.z[l]
		out := len(b)
		for r := range n {
			copy(z[r*out:(r+1)*out], b)
		}
		if out < kernelCols {
			// Few outputs: dot products with the rows of Wᵀ.
			transpose(width, out, w, nw.wt)
			gemmNT(n, out, width, in, width, nw.wt, width, z, out, true)
		} else {
			gemm(n, out, width, in, width, 1, w, out, z, out, true)
		}
		if l == nw.layers()-1 {
			break
		}
		nw.fn.forward(z, nw.act[l])
		if nw.masks != nil {
			mul32(nw.h[l], nw.act[l], nw.masks[l])
		}
	}
}

// lossGrad returns the data loss of the batch, summed over its rows with
// the weights in a, from the output pre-activations of the last forward,
// and writes its gradient with respect to them into dz.
func (nw *network) lossGrad() float64 {
	z, dz, k := nw.z[nw.layers()-1], nw.dz, nw.shape.outputs
	var sum float64
	for r := range nw.shape.batch {
		switch nw.shape.head {
		case Softmax:
			// Categorical cross-entropy −Σ a·log softmax(z), a = weight·one-hot.
			row, a := z[r*k:(r+1)*k], nw.a[r*k:(r+1)*k]
			lse := logSumExp32(row)
			var weight float64
			for c, v := range row {
				sum -= float64(a[c]) * (float64(v) - lse)
				weight += float64(a[c])
			}
			for c, v := range row {
				dz[r*k+c] = float32(weight*math.Exp(float64(v)-lse) - float64(a[c]))
			}
		case Sigmoid:
			// Binary cross-entropy from logits, softplus(z) − y·z per row,
			// which never takes the log of a rounded-off probability.
			v, a, b := float64(z[r]), float64(nw.a[r]), float64(nw.b[r])
			sum += a*softplus(v) - b*v
			dz[r] = float32(a*sigmoid(v) - b)
		default:
			// Squared error on the standardised target.
			d, a := float64(z[r])-float64(nw.b[r]), float64(nw.a[r])
			sum += a * d * d
			dz[r] = float32(2 * a * d)
		}
	}
	return sum
}

// backward writes into grads the gradients of the loss, penalties
// included, from dz and the buffers of the last forward.
func (nw *network) backward() {
	n := nw.shape.batch
	g := nw.dz
	for l := nw.layers() - 1; l >= 0; l-- {
		in, width := nw.input(l)
		out := len(nw.params[2*l+1])
		nw.weightGrad(l, in, width, g, out)
		// The bias gradient, the column sums of g, as the product of a
		// row of ones (a stride of 0 over one 1) with g.
		gemm(1, out, n, ones, 0, 0, g, out, nw.grads[2*l+1], out, false)
		if l == 0 {
			break
		}

		// The gradient with respect to the layer's input, g·Wᵀ, then
		// through the dropout mask and the activation below it.
		dh := nw.back[l%2][:n*width]
		transpose(width, out, nw.params[2*l], nw.wt)
		gemm(n, width, out, g, out, 1, nw.wt, width, dh, width, false)
		if nw.masks != nil {
			mul32(dh, dh, nw.masks[l-1])
		}
		nw.fn.backward(nw.z[l-1], nw.act[l-1], dh)
		g = dh
	}
	nw.addPenaltyGrads()
}

// weightGrad writes inᵀ·g, the gradient of layer l's weights, into its
// gradient. When the layer has fewer outputs than the kernel's block
// width but more inputs, it computes the transpose gᵀ·in instead, which
// the kernel covers better, and transposes it back.
func (nw *network) weightGrad(l int, in []float32, width int, g []float32, out int) {
	n, dw := nw.shape.batch, nw.grads[2*l]
	if (out%kernelCols)*width <= (width%kernelCols)*out {
		gemm(width, out, n, in, 1, width, g, out, dw, out, false)
		return
	}
	gemm(out, width, n, g, 1, out, in, width, nw.wt, width, false)
	transpose(out, width, nw.wt, dw)
}

// addPenaltyGrads adds the gradients of l1·Σ|W| and l2·ΣW² over the weight
// matrices (not the biases).
func (nw *network) addPenaltyGrads() {
	if nw.l1 == 0 && nw.l2 == 0 {
		return
	}
	l1, l2 := nw.l1, 2*nw.l2
	for i := 0; i < len(nw.params); i += 2 {
		g := nw.grads[i]
		for j, w := range nw.params[i] {
			d := l2 * w
			if w > 0 {
				d += l1
			} else if w < 0 {
				d -= l1
			}
			g[j] += d
		}
	}
}

// ones is the row of ones, read with a stride of 0, whose product with a
// layer's gradient gives its bias gradient.
var ones = []float32{1}

// logSumExp32 returns log Σ exp(zᵢ) in float64 without overflow.
func logSumExp32(z []float32) float64 {
	hi := math.Inf(-1)
	for _, v := range z {
		hi = max(hi, float64(v))
	}
	var sum float64
	for _, v := range z {
		sum += math.Exp(float64(v) - hi)
	}
	return hi + math.Log(sum)
}
