package nn

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
)

// ErrInvalidConfig is wrapped by every error Config.Validate returns.
var ErrInvalidConfig = errors.New("nn: invalid config")

// MaxHidden is the largest number of hidden layers a Config may ask for.
const MaxHidden = 4

// Optimizers lists the names Config.Optimizer accepts: Adam (Kingma and Ba,
// "Adam: A Method for Stochastic Optimization", 2015), stochastic gradient
// descent with optional heavy-ball momentum, and RMSProp (Tieleman and
// Hinton, Coursera lecture 6.5, 2012) with decay 0.9.
var Optimizers = []string{"adam", "sgd", "rmsprop"}

// Head is the output layer of a network together with its loss.
type Head int

// The heads a network can have.
const (
	// Sigmoid is one logistic output for binary classification, trained
	// with binary cross-entropy; Predict returns the probability of class 1.
	Sigmoid Head = iota
	// Softmax is one output per class for multiclass classification,
	// trained with categorical cross-entropy; Predict returns probabilities.
	Softmax
	// Linear is one unbounded output for regression, trained with the mean
	// squared error on the standardised target.
	Linear
)

var headNames = [...]string{Sigmoid: "sigmoid", Softmax: "softmax", Linear: "linear"}

// String returns the head's lower-case name, such as "softmax".
func (h Head) String() string {
	if h < 0 || int(h) >= len(headNames) {
		return fmt.Sprintf("Head(%d)", int(h))
	}
	return headNames[h]
}

// MarshalText encodes the head as its name, so that it reads well in JSON.
func (h Head) MarshalText() ([]byte, error) {
	if h < 0 || int(h) >= len(headNames) {
		return nil, fmt.Errorf("nn: unknown head %d", int(h))
	}
	return []byte(headNames[h]), nil
}

// UnmarshalText decodes a head from its name.
func (h *Head) UnmarshalText(text []byte) error {
	for i, name := range headNames {
		if string(text) == name {
			*h = Head(i)
			return nil
		}
	}
	return fmt.Errorf("nn: unknown head %q (want sigmoid, softmax or linear)", text)
}

// Config holds the architecture and training hyperparameters of a network.
// The zero value is not valid: Hidden, Activation, Optimizer, LearningRate,
// BatchSize and Epochs must be set.
type Config struct {
	// Hidden holds the width of each hidden layer, 1 to MaxHidden layers.
	Hidden []int `json:"hidden"`
	// Activation is the hidden-layer activation, one of Activations.
	Activation string `json:"activation"`
	// Dropout is the probability, in [0, 1), of zeroing a hidden unit during
	// training (inverted dropout, Srivastava et al., JMLR 15, 2014). It is
	// never applied by Predict.
	Dropout float64 `json:"dropout,omitempty"`
	// L1 and L2 weight the penalties L1·Σ|w| and L2·Σw² over all weight
	// matrices (not biases) that are added to the training loss.
	L1 float64 `json:"l1,omitempty"`
	L2 float64 `json:"l2,omitempty"`
	// Optimizer is one of Optimizers.
	Optimizer string `json:"optimizer"`
	// LearningRate is the initial step size of the optimizer.
	LearningRate float64 `json:"learning_rate"`
	// Momentum is the heavy-ball momentum of "sgd", in [0, 1); the other
	// optimizers ignore it.
	Momentum float64 `json:"momentum,omitempty"`
	// Schedule changes the learning rate from epoch to epoch.
	Schedule Schedule `json:"schedule"`
	// BatchSize is the number of rows per gradient step. A training set
	// smaller than BatchSize is trained in one batch of all its rows.
	BatchSize int `json:"batch_size"`
	// Epochs is the largest number of passes over the training rows.
	Epochs int `json:"epochs"`
	// Patience stops training after this many epochs without a lower
	// monitored loss (early stopping); 0 turns early stopping off.
	Patience int `json:"patience,omitempty"`
	// Seed fixes the initial weights, the batch order and the dropout masks.
	Seed uint64 `json:"seed"`
}

// Validate reports the first field that is out of range. The error names
// the field and its value and wraps ErrInvalidConfig.
func (c Config) Validate() error {
	if len(c.Hidden) < 1 || len(c.Hidden) > MaxHidden {
		return invalid("Hidden", c.Hidden, fmt.Sprintf("1 to %d layers", MaxHidden))
	}
	for i, w := range c.Hidden {
		if w < 1 {
			return invalid(fmt.Sprintf("Hidden[%d]", i), w, "a width of at least 1")
		}
	}
	if _, ok := activations[c.Activation]; !ok {
		return invalid("Activation", fmt.Sprintf("%q", c.Activation), "one of "+strings.Join(Activations(), ", "))
	}
	if !(c.Dropout >= 0 && c.Dropout < 1) {
		return invalid("Dropout", c.Dropout, "0 <= Dropout < 1")
	}
	if !(c.L1 >= 0 && !math.IsInf(c.L1, 1)) {
		return invalid("L1", c.L1, "a finite value >= 0")
	}
	if !(c.L2 >= 0 && !math.IsInf(c.L2, 1)) {
		return invalid("L2", c.L2, "a finite value >= 0")
	}
	if !slices.Contains(Optimizers, c.Optimizer) {
		return invalid("Optimizer", fmt.Sprintf("%q", c.Optimizer), "one of "+strings.Join(Optimizers, ", "))
	}
	if !(c.LearningRate > 0 && !math.IsInf(c.LearningRate, 1)) {
		return invalid("LearningRate", c.LearningRate, "a finite value > 0")
	}
	if !(c.Momentum >= 0 && c.Momentum < 1) {
		return invalid("Momentum", c.Momentum, "0 <= Momentum < 1")
	}
	if err := c.Schedule.validate(c.LearningRate); err != nil {
		return err
	}
	if c.BatchSize < 1 {
		return invalid("BatchSize", c.BatchSize, "at least 1")
	}
	if c.Epochs < 1 {
		return invalid("Epochs", c.Epochs, "at least 1")
	}
	if c.Patience < 0 {
		return invalid("Patience", c.Patience, "at least 0")
	}
	return nil
}

// invalid formats a Validate error for one field.
func invalid(field string, value any, want string) error {
	return fmt.Errorf("%w: %s = %v, want %s", ErrInvalidConfig, field, value, want)
}
