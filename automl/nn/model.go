package nn

import (
	"fmt"
	"math"
)

// predictChunk is the number of rows Predict pushes through the layers at
// a time, which bounds its scratch memory.
const predictChunk = 256

// Layer is one fully connected layer, out = in·W + B.
type Layer struct {
	In  int `json:"in"`
	Out int `json:"out"`
	// W holds In×Out weights, row-major: W[i*Out+j] joins input i to
	// output j.
	W []float64 `json:"w"`
	// B holds Out biases.
	B []float64 `json:"b"`
}

// Model is a trained network. It holds only exported fields, so it
// round-trips through encoding/json, and it predicts in pure Go (float64)
// without gorgonia.
type Model struct {
	// Config is the configuration the model was trained with.
	Config Config `json:"config"`
	// Head is the output layer the model was trained with.
	Head Head `json:"head"`
	// Inputs is the number of feature columns; Outputs the number of
	// network outputs (1, or the number of classes for Softmax).
	Inputs  int `json:"inputs"`
	Outputs int `json:"outputs"`
	// Layers holds the hidden layers and then the output layer.
	Layers []Layer `json:"layers"`
	// BestEpoch is the epoch, counted from 1, whose weights the model holds.
	BestEpoch int `json:"best_epoch"`
	// TargetMean and TargetStd undo the standardisation of a Linear
	// model's target: prediction = output·TargetStd + TargetMean. They are
	// 0 and 1 for the other heads.
	TargetMean float64 `json:"target_mean"`
	TargetStd  float64 `json:"target_std"`
}

// Validate reports whether the model's fields fit together, for example
// after decoding it from JSON.
func (m *Model) Validate() error {
	if _, ok := activations[m.Config.Activation]; !ok {
		return fmt.Errorf("nn: model: unknown activation %q", m.Config.Activation)
	}
	if m.Head < Sigmoid || m.Head > Linear {
		return fmt.Errorf("nn: model: unknown head %d", int(m.Head))
	}
	if len(m.Layers) == 0 {
		return fmt.Errorf("nn: model: no layers")
	}
	in := m.Inputs
	for i, l := range m.Layers {
		if l.In != in || l.Out < 1 || len(l.W) != l.In*l.Out || len(l.B) != l.Out {
			return fmt.Errorf("nn: model: layer %d: %d×%d with %d weights and %d biases does not follow a layer of width %d",
				i, l.In, l.Out, len(l.W), len(l.B), in)
		}
		in = l.Out
	}
	if in != m.Outputs {
		return fmt.Errorf("nn: model: last layer has %d outputs, want %d", in, m.Outputs)
	}
	if !(m.TargetStd > 0) {
		return fmt.Errorf("nn: model: target scale %v is not positive", m.TargetStd)
	}
	return nil
}

// Predict returns the model's scores for rows rows of X (row-major, Inputs
// columns), rows×Outputs values row-major: the probability of class 1 for
// Sigmoid, class probabilities that sum to 1 for Softmax, and predictions
// in the target's units for Linear. Dropout is not applied, so Predict is
// deterministic. A NaN feature makes its row's scores NaN. Predict panics
// if len(X) != rows×Inputs.
func (m *Model) Predict(X []float64, rows int) []float64 {
	return m.finish(m.outputs(X, rows), rows)
}

// finish turns the output-layer values out of rows rows into scores, in
// place, and returns out.
func (m *Model) finish(out []float64, rows int) []float64 {
	switch m.Head {
	case Sigmoid:
		for i, z := range out {
			out[i] = sigmoid(z)
		}
	case Softmax:
		for r := 0; r < rows; r++ {
			softmaxInPlace(out[r*m.Outputs : (r+1)*m.Outputs])
		}
	default:
		for i, z := range out {
			out[i] = z*m.TargetStd + m.TargetMean
		}
	}
	return out
}

// outputs returns the pre-activations of the output layer (logits, or the
// standardised regression target) for rows rows of X.
func (m *Model) outputs(X []float64, rows int) []float64 {
	if len(X) != rows*m.Inputs {
		panic(fmt.Sprintf("nn: Predict: %d values for %d rows × %d inputs", len(X), rows, m.Inputs))
	}
	act := activations[m.Config.Activation]
	width := m.Inputs
	for _, l := range m.Layers {
		width = max(width, l.Out)
	}
	bufA := make([]float64, predictChunk*width)
	bufB := make([]float64, predictChunk*width)
	wt := make([]float64, width*kernelCols64)
	out := make([]float64, rows*m.Outputs)

	for start := 0; start < rows; start += predictChunk {
		n := min(predictChunk, rows-start)
		in := X[start*m.Inputs : (start+n)*m.Inputs]
		for li, l := range m.Layers {
			dst := bufA[:n*l.Out]
			if li == len(m.Layers)-1 {
				dst = out[start*m.Outputs : (start+n)*m.Outputs]
			}
			l.forward(in, dst, n, wt)
			if li < len(m.Layers)-1 {
				act.apply(dst)
			}
			in = dst
			bufA, bufB = bufB, bufA
		}
	}
	return out
}

// forward writes in·W + B for n rows of in into out. A layer with fewer
// outputs than the kernel's block width goes through dot products with
// the rows of Wᵀ, which it writes into wt.
func (l Layer) forward(in, out []float64, n int, wt []float64) {
	for r := range n {
		copy(out[r*l.Out:(r+1)*l.Out], l.B)
	}
	if l.Out < kernelCols64 {
		transpose(l.In, l.Out, l.W, wt)
		gemmNT(n, l.Out, l.In, in, l.In, wt, l.In, out, l.Out, true)
		return
	}
	gemm(n, l.Out, l.In, in, l.In, 1, l.W, l.Out, out, l.Out, true)
}

// softmaxInPlace replaces z by softmax(z), shifting by the maximum first so
// that no exponential overflows.
func softmaxInPlace(z []float64) {
	hi := math.Inf(-1)
	for _, v := range z {
		hi = math.Max(hi, v)
	}
	var sum float64
	for i, v := range z {
		z[i] = math.Exp(v - hi)
		sum += z[i]
	}
	for i := range z {
		z[i] /= sum
	}
}

// logSumExp returns log Σ exp(zᵢ) without overflow.
func logSumExp(z []float64) float64 {
	hi := math.Inf(-1)
	for _, v := range z {
		hi = math.Max(hi, v)
	}
	var sum float64
	for _, v := range z {
		sum += math.Exp(v - hi)
	}
	return hi + math.Log(sum)
}
