package automl

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/tunebook/tunebook/automl/nn"
	"github.com/tunebook/tunebook/automl/space"
)

// networkParams lists the parameters networkConfig reads.
var networkParams = []string{
	"layers", "width_1", "width_2", "width_3", "width_4", "activation", "dropout", "penalty", "l1", "l2",
	"optimizer", "momentum", "learning_rate", "schedule", "decay_gamma", "decay_step", "batch_size",
}

// checkSpace rejects, before any training, a space whose parameters the
// networks cannot use: unknown names (a misspelt one would be searched and
// ignored) and values outside what nn accepts. Errors name the parameter.
func checkSpace(sp *space.Space) error {
	var errs []error
	bad := func(name, format string, args ...any) {
		errs = append(errs, fmt.Errorf("parameter %q: %s", name, fmt.Sprintf(format, args...)))
	}
	for _, p := range sp.Params() {
		var name string
		switch p := p.(type) {
		case space.Int:
			name = p.Name
			lo, hi := p.Low, p.High
			if len(p.Values) > 0 {
				lo, hi = slices.Min(p.Values), slices.Max(p.Values)
			}
			checkIntRange(p.Name, lo, hi, bad)
		case space.Float:
			name = p.Name
			checkFloatRange(p.Name, p.Low, p.High, bad)
		case space.Categorical:
			name = p.Name
			checkChoices(p.Name, p.Choices, bad)
		}
		if !slices.Contains(networkParams, name) {
			bad(name, "unknown to the networks (known: %s)", strings.Join(networkParams, ", "))
		}
	}
	return errors.Join(errs...)
}

func checkIntRange(name string, lo, hi int, bad func(string, string, ...any)) {
	switch {
	case name == "layers" && (lo < 1 || hi > nn.MaxHidden):
		bad(name, "%d..%d, want within 1..%d", lo, hi, nn.MaxHidden)
	case (strings.HasPrefix(name, "width_") || name == "batch_size" || name == "decay_step") && lo < 1:
		bad(name, "lowest value %d, want at least 1", lo)
	}
}

func checkFloatRange(name string, lo, hi float64, bad func(string, string, ...any)) {
	switch name {
	case "dropout":
		if lo < 0 || hi >= 1 {
			bad(name, "%g..%g, want within [0, 1)", lo, hi)
		}
	case "momentum", "decay_gamma":
		if lo < 0 || hi > 1 {
			bad(name, "%g..%g, want within [0, 1]", lo, hi)
		}
	case "learning_rate":
		if lo <= 0 {
			bad(name, "lowest value %g, want above 0", lo)
		}
	case "l1", "l2":
		if lo < 0 {
			bad(name, "lowest value %g, want at least 0", lo)
		}
	}
}

func checkChoices(name string, choices []string, bad func(string, string, ...any)) {
	allowed := map[string][]string{
		"activation": nn.Activations(),
		"optimizer":  nn.Optimizers,
		"schedule":   nn.ScheduleKinds,
		"penalty":    {"none", "l1", "l2", "l1_l2"},
	}[name]
	for _, c := range choices {
		if allowed != nil && !slices.Contains(allowed, c) {
			bad(name, "choice %q, want one of %s", c, strings.Join(allowed, ", "))
		}
	}
}
