package nn

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// ScheduleKinds lists the names Schedule.Kind accepts; the empty string
// means "constant".
var ScheduleKinds = []string{"constant", "step", "exponential", "cosine", "plateau"}

// Schedule changes the learning rate between epochs. With base rate η₀ and
// epochs counted from 1, the rate of epoch e is
//
//   - constant:    η₀
//   - step:        η₀·Gamma^⌊(e−1)/StepSize⌋
//   - exponential: η₀·Gamma^(e−1)
//   - cosine:      MinLR + (η₀−MinLR)·(1+cos(π(e−1)/Epochs))/2, the
//     annealing of Loshchilov and Hutter ("SGDR", ICLR 2017) without restarts,
//     which reaches MinLR just after the last epoch
//   - plateau:     η₀, multiplied by Gamma whenever the monitored loss has
//     not decreased for more than Patience epochs in a row (PyTorch's
//     ReduceLROnPlateau with threshold 0 and no cooldown)
//
// and no rate falls below MinLR. The schedule acts on the live optimizer, so
// Adam and momentum state carry over from epoch to epoch.
type Schedule struct {
	// Kind is one of ScheduleKinds.
	Kind string `json:"kind,omitempty"`
	// StepSize is the number of epochs between decays of "step".
	StepSize int `json:"step_size,omitempty"`
	// Gamma is the decay factor of "step", "exponential" and "plateau".
	Gamma float64 `json:"gamma,omitempty"`
	// Patience is the number of epochs without improvement that "plateau"
	// tolerates before it decays the rate.
	Patience int `json:"patience,omitempty"`
	// MinLR is the floor of every schedule and the rate "cosine" anneals
	// towards.
	MinLR float64 `json:"min_lr,omitempty"`
}

// validate checks the fields the schedule's kind uses, given the base rate.
func (s Schedule) validate(base float64) error {
	if s.Kind != "" && !slices.Contains(ScheduleKinds, s.Kind) {
		return invalid("Schedule.Kind", fmt.Sprintf("%q", s.Kind), "one of "+strings.Join(ScheduleKinds, ", "))
	}
	if s.Kind == "" || s.Kind == "constant" {
		return nil
	}
	if !(s.MinLR >= 0 && s.MinLR <= base) {
		return invalid("Schedule.MinLR", s.MinLR, fmt.Sprintf("0 <= MinLR <= LearningRate (%g)", base))
	}
	switch s.Kind {
	case "step":
		if s.StepSize < 1 {
			return invalid("Schedule.StepSize", s.StepSize, "at least 1")
		}
		fallthrough
	case "exponential", "plateau":
		if !(s.Gamma > 0 && s.Gamma < 1) {
			return invalid("Schedule.Gamma", s.Gamma, "0 < Gamma < 1")
		}
	}
	if s.Kind == "plateau" && s.Patience < 0 {
		return invalid("Schedule.Patience", s.Patience, "at least 0")
	}
	return nil
}

// scheduler yields the learning rate of each epoch of one training run.
type scheduler struct {
	s      Schedule
	base   float64
	epochs int

	// Plateau state: the current rate, the lowest loss seen and the number
	// of epochs since it was seen.
	lr   float64
	best float64
	bad  int
}

func newScheduler(s Schedule, base float64, epochs int) *scheduler {
	return &scheduler{s: s, base: base, epochs: epochs, lr: base, best: math.Inf(1)}
}

// rate returns the learning rate of epoch e, counted from 1.
func (sc *scheduler) rate(e int) float64 {
	s := sc.s
	var lr float64
	switch s.Kind {
	case "step":
		lr = sc.base * math.Pow(s.Gamma, float64((e-1)/s.StepSize))
	case "exponential":
		lr = sc.base * math.Pow(s.Gamma, float64(e-1))
	case "cosine":
		lr = s.MinLR + (sc.base-s.MinLR)*(1+math.Cos(math.Pi*float64(e-1)/float64(sc.epochs)))/2
	case "plateau":
		lr = sc.lr
	default:
		return sc.base
	}
	return math.Max(lr, s.MinLR)
}

// observe records the monitored loss at the end of an epoch; only "plateau"
// uses it. A NaN loss counts as no improvement.
func (sc *scheduler) observe(loss float64) {
	if sc.s.Kind != "plateau" {
		return
	}
	if loss < sc.best {
		sc.best, sc.bad = loss, 0
		return
	}
	sc.bad++
	if sc.bad > sc.s.Patience {
		sc.lr = math.Max(sc.lr*sc.s.Gamma, sc.s.MinLR)
		sc.bad = 0
	}
}
