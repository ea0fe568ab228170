package search

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
)

// parzen is a one-dimensional Parzen estimator on [low, high]: a weighted
// mixture of Gaussians truncated to the interval, one per observation plus
// a broad prior component centred on the interval (Bergstra, Bardenet,
// Bengio and Kégl, "Algorithms for Hyper-Parameter Optimization", NeurIPS
// 2011, section 4).
type parzen struct {
	low, high float64
	mus       []float64
	sigmas    []float64
	cum       []float64 // cumulative normalized weights, for sampling
	// Per component, for logPDF: the log of its weight over its mass
	// inside [low, high] and its normalizing constant, and 1/(2σ²).
	logScale, halfPrecision []float64
	terms                   []float64 // scratch space of logPDF
}

// newParzen builds the estimator of observations obs with weights w (one
// each) on [low, high], with a prior component of weight prior, centred on
// the interval with the interval's width as its spread. Each observation's
// spread is the larger distance to its neighbours in sorted order (the
// interval's ends count as neighbours, except that the outermost
// observations look only inwards), clipped to [(high-low)/min(100, n+1),
// high-low] so that a few close observations do not collapse the density.
func newParzen(obs, w []float64, low, high, prior float64) parzen {
	width := high - low
	mid := low + width/2
	mus := append(slices.Clone(obs), mid)
	ws := append(slices.Clone(w), prior)
	sigmas := make([]float64, len(mus))
	order := make([]int, len(mus))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Or(cmp.Compare(mus[a], mus[b]), cmp.Compare(a, b)) })
	minSigma := width / math.Min(100, float64(len(obs)+2))
	for r, i := range order {
		left, right := low, high
		if r > 0 {
			left = mus[order[r-1]]
		}
		if r < len(order)-1 {
			right = mus[order[r+1]]
		}
		s := math.Max(mus[i]-left, right-mus[i])
		switch {
		case len(order) >= 2 && r == 0:
			s = right - mus[i]
		case len(order) >= 2 && r == len(order)-1:
			s = mus[i] - left
		}
		sigmas[i] = math.Min(math.Max(s, minSigma), width)
	}
	sigmas[len(sigmas)-1] = width // the prior

	p := parzen{low: low, high: high, mus: mus, sigmas: sigmas, terms: make([]float64, len(mus))}
	total := 0.0
	for _, x := range ws {
		total += x
	}
	acc := 0.0
	for i, x := range ws {
		acc += x / total
		p.cum = append(p.cum, acc)
		a, b := (low-mus[i])/sigmas[i], (high-mus[i])/sigmas[i]
		logMass := math.Log(math.Max(stdNormalCDF(b)-stdNormalCDF(a), 1e-300))
		p.logScale = append(p.logScale,
			math.Log(x/total)-math.Log(sigmas[i]*math.Sqrt(2*math.Pi))-logMass)
		p.halfPrecision = append(p.halfPrecision, 0.5/(sigmas[i]*sigmas[i]))
	}
	return p
}

// sample draws one value: a component by weight, then a point of that
// truncated Gaussian by inverting its distribution function.
func (p parzen) sample(rng *rand.Rand) float64 {
	k := pick(p.cum, rng.Float64())
	mu, sigma := p.mus[k], p.sigmas[k]
	lo, hi := stdNormalCDF((p.low-mu)/sigma), stdNormalCDF((p.high-mu)/sigma)
	u := lo + rng.Float64()*(hi-lo)
	x := mu + sigma*stdNormalQuantile(u)
	return math.Min(math.Max(x, p.low), p.high)
}

// logPDF returns the log density of the mixture at x. It uses the
// estimator's scratch space, so one estimator must not be used from two
// goroutines at once.
func (p parzen) logPDF(x float64) float64 {
	for i, mu := range p.mus {
		d := x - mu
		p.terms[i] = p.logScale[i] - d*d*p.halfPrecision[i]
	}
	return logSumExp(p.terms)
}

// categoricalEstimator is the categorical counterpart of parzen: each
// choice's probability is its weighted count among the observations plus
// an equal share of the prior weight (Bergstra et al. 2011, section 4).
type categoricalEstimator struct {
	logP []float64
	cum  []float64
}

// newCategorical builds the estimator of observed choice indexes obs with
// weights w over k choices.
func newCategorical(obs []int, w []float64, k int, prior float64) categoricalEstimator {
	mass := make([]float64, k)
	total := prior
	for i := range mass {
		mass[i] = prior / float64(k)
	}
	for i, c := range obs {
		mass[c] += w[i]
		total += w[i]
	}
	var e categoricalEstimator
	acc := 0.0
	for _, m := range mass {
		e.logP = append(e.logP, math.Log(m/total))
		acc += m / total
		e.cum = append(e.cum, acc)
	}
	return e
}

func (e categoricalEstimator) sample(rng *rand.Rand) int {
	return pick(e.cum, rng.Float64())
}

// pick returns the first index whose cumulative weight exceeds u (the last
// index when rounding leaves u above them all).
func pick(cum []float64, u float64) int {
	for i, c := range cum {
		if u < c {
			return i
		}
	}
	return len(cum) - 1
}

func stdNormalCDF(z float64) float64 {
	return 0.5 * math.Erfc(-z/math.Sqrt2)
}

func stdNormalQuantile(u float64) float64 {
	return -math.Sqrt2 * math.Erfcinv(2*u)
}

func logSumExp(xs []float64) float64 {
	m := math.Inf(-1)
	for _, x := range xs {
		if x > m {
			m = x
		}
	}
	if math.IsInf(m, -1) {
		return m
	}
	// Terms below m-40 add less than 1e-17 each to a sum of at least 1.
	sum := 0.0
	for _, x := range xs {
		if x-m > -40 {
			sum += math.Exp(x - m)
		}
	}
	return m + math.Log(sum)
}
