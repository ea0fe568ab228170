//go:build !amd64 || purego

package nn

// Without the assembly forms, the loops of a training step are their
// plain-Go forms in vec.go.

func relu32(z, a []float32)     { reluGo(z, a) }
func reluGrad32(z, g []float32) { reluGradGo(z, g) }
func mul32(dst, x, y []float32) { mulGo(dst, x, y) }

func dropout32(m []float32, words []uint64, threshold int32, keep float32) {
	dropoutGo(m, words, threshold, keep)
}

func adam32(p, g, m, v []float32, rate, c1, c2 float32) { adamGo(p, g, m, v, rate, c1, c2) }
