package space

import "fmt"

// MaxLayers is the largest number of hidden layers in the Default space.
const MaxLayers = 4

// Default returns tunebook's search space for feed-forward networks, in
// this order:
//
//	layers         int 1..4, the number of hidden layers
//	width_1..4     int 8..256 log, units of hidden layer i (i >= 2 only
//	               when layers >= i)
//	activation     relu, tanh, leaky_relu or elu
//	dropout        float 0..0.5, the dropout rate after each hidden layer
//	penalty        none, l1, l2 or l1_l2: which weight penalties apply
//	l1             float 1e-6..1e-2 log, when penalty is l1 or l1_l2
//	l2             float 1e-6..1e-2 log, when penalty is l2 or l1_l2
//	optimizer      adam, sgd or rmsprop
//	momentum       float 0.5..0.99, when optimizer is sgd
//	learning_rate  float 1e-4..1e-1 log
//	schedule       constant, step, exponential, cosine or plateau
//	decay_gamma    float 0.5..0.99, the factor the learning rate is
//	               multiplied by at each decay (per decay_step epochs for
//	               step, per epoch for exponential, per plateau for
//	               plateau), when schedule is one of those
//	decay_step     int 2..20 epochs between decays, when schedule is step
//	batch_size     int, one of 32, 64, 128, 256
//
// The penalty choice makes "no penalty" as likely as either penalty while
// keeping l1 and l2 on a log scale; absent l1 or l2 read as 0 through
// Params.Float. Each call returns a new Space.
func Default() *Space {
	s := New(Int{Name: "layers", Low: 1, High: MaxLayers})
	for i := 1; i <= MaxLayers; i++ {
		w := Int{Name: fmt.Sprintf("width_%d", i), Low: 8, High: 256, Log: true}
		if i > 1 {
			w.When = AtLeast("layers", float64(i))
		}
		s.params = append(s.params, w)
	}
	s.params = append(s.params,
		Categorical{Name: "activation", Choices: []string{"relu", "tanh", "leaky_relu", "elu"}},
		Float{Name: "dropout", Low: 0, High: 0.5},
		Categorical{Name: "penalty", Choices: []string{"none", "l1", "l2", "l1_l2"}},
		Float{Name: "l1", Low: 1e-6, High: 1e-2, Log: true, When: OneOf("penalty", "l1", "l1_l2")},
		Float{Name: "l2", Low: 1e-6, High: 1e-2, Log: true, When: OneOf("penalty", "l2", "l1_l2")},
		Categorical{Name: "optimizer", Choices: []string{"adam", "sgd", "rmsprop"}},
		Float{Name: "momentum", Low: 0.5, High: 0.99, When: OneOf("optimizer", "sgd")},
		Float{Name: "learning_rate", Low: 1e-4, High: 1e-1, Log: true},
		Categorical{Name: "schedule", Choices: []string{"constant", "step", "exponential", "cosine", "plateau"}},
		Float{Name: "decay_gamma", Low: 0.5, High: 0.99, When: OneOf("schedule", "step", "exponential", "plateau")},
		Int{Name: "decay_step", Low: 2, High: 20, When: OneOf("schedule", "step")},
		Int{Name: "batch_size", Values: []int{32, 64, 128, 256}},
	)
	return s
}
