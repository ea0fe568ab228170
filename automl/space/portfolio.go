package space

// portfolio holds configurations of feed-forward networks that do well on
// many tabular data sets, in the parameters of Default, most broadly useful
// first. Starting a search from a few such configurations (a warm start)
// follows Feurer, Springenberg and Hutter, "Initializing Bayesian
// Hyperparameter Optimization via Meta-Learning" (AAAI 2015) and the
// portfolio of Auto-PyTorch Tabular (Zimmer, Lindauer and Hutter, IEEE
// TPAMI 43(9), 2021). The entries are hand-picked from common practice for
// MLPs on tabular data, not meta-learned: a few ReLU or ELU layers of 64 to
// 256 units, Adam at 1e-3 to 3e-3, light dropout and weight decay,
// moderate batches.
var portfolio = []Params{
	// Two layers, the most common winner.
	{"layers": 2, "width_1": 128, "width_2": 64, "activation": "relu", "dropout": 0.1,
		"penalty": "l2", "l2": 1e-5, "optimizer": "adam", "learning_rate": 1e-3,
		"schedule": "constant", "batch_size": 128},
	// One wide layer.
	{"layers": 1, "width_1": 256, "activation": "relu", "dropout": 0.1, "penalty": "none",
		"optimizer": "adam", "learning_rate": 3e-3, "schedule": "constant", "batch_size": 128},
	// A small, fast network for small data.
	{"layers": 1, "width_1": 32, "activation": "relu", "dropout": 0.0, "penalty": "none",
		"optimizer": "adam", "learning_rate": 3e-3, "schedule": "constant", "batch_size": 64},
	// Three ELU layers with a learning rate halved on plateaus.
	{"layers": 3, "width_1": 256, "width_2": 128, "width_3": 64, "activation": "elu",
		"dropout": 0.2, "penalty": "l2", "l2": 1e-5, "optimizer": "adam", "learning_rate": 2e-3,
		"schedule": "plateau", "decay_gamma": 0.5, "batch_size": 128},
}

// Portfolio returns the points of s among a small portfolio of network
// configurations known to work well on tabular data (two or three ReLU or
// ELU layers of 64 to 256 units with Adam at 1e-3 to 3e-3, light dropout
// and L2; one wide layer; one small network), most broadly useful first,
// for a search to try before it explores (a warm start). Each entry is
// written in the parameters of Default and fitted to s: parameters s does
// not have, or that are inactive in s, are left out (the network then uses
// its default for them); an entry is skipped when a parameter active in s
// is missing from it or has a value s does not allow (say three layers
// when s allows at most two). Every returned point satisfies s.Contains.
// The result may be empty.
func (s *Space) Portfolio() []Params {
	var out []Params
	for _, entry := range portfolio {
		if p, ok := s.fit(entry); ok {
			out = append(out, p)
		}
	}
	return out
}

// fit returns entry restricted to the parameters active in s, and whether
// it is a point of s.
func (s *Space) fit(entry Params) (Params, bool) {
	p := Params{}
	for _, q := range s.params {
		if !Active(q, p) {
			continue
		}
		v, ok := entry[q.key()]
		if !ok || q.admits(v) != "" {
			return nil, false
		}
		p[q.key()] = v
	}
	return p, s.Contains(p) == nil
}
