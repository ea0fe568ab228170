package automl

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/tunebook/tunebook/automl/data"
	"github.com/tunebook/tunebook/automl/linear"
	"github.com/tunebook/tunebook/automl/nn"
	"github.com/tunebook/tunebook/automl/prep"
)

// modelVersion is the version of the saved-model format Save writes.
const modelVersion = 1

// Model is a trained model together with the preprocessing fitted with it,
// ready to predict from raw data frames. It is saved as JSON.
type Model struct {
	Version int `json:"version"`
	// Kind is "network" or "linear".
	Kind     string         `json:"kind"`
	Name     string         `json:"name"`
	Pipeline *prep.Pipeline `json:"pipeline"`
	Network  *nn.Model      `json:"network,omitempty"`
	Linear   *linear.Model  `json:"linear,omitempty"`
	// Metric is the search objective and Validation the model's value of
	// it on the validation rows; Test holds its test-set metrics.
	Metric     string    `json:"metric"`
	Validation float64   `json:"validation"`
	Test       []Measure `json:"test,omitempty"`
	// Threshold is the decision threshold of a binary model, chosen for the
	// highest F1 on the validation rows; Predict labels a row positive when
	// its probability reaches it. 0 means 0.5 (models saved without one).
	Threshold float64   `json:"threshold,omitempty"`
	Created   time.Time `json:"created"`
}

// Predictions holds a model's output for each row of a frame.
type Predictions struct {
	// Labels holds the predicted class of each row (classification), and
	// Classes the class names in the column order of Probabilities.
	Labels  []string
	Classes []string
	// Probabilities holds one row per input row, one value per class.
	Probabilities [][]float64
	// Values holds the predicted values (regression).
	Values []float64
	// Warnings lists what the model met in the data but never saw in
	// training, such as unknown category levels (encoded as none of the
	// known levels).
	Warnings []string
}

// Save writes the model as JSON to path.
func (m *Model) Save(path string) error {
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return fmt.Errorf("automl: encoding model: %w", err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return fmt.Errorf("automl: saving model: %w", err)
	}
	return nil
}

// LoadModel reads a model saved by Save and checks that it is complete.
func LoadModel(path string) (*Model, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("automl: loading model: %w", err)
	}
	var m Model
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("automl: %s is not a tunebook model file (saved by tunebook search --model): %w", path, err)
	}
	if m.Version != modelVersion {
		return nil, fmt.Errorf("automl: model %s: format version %d, want %d", path, m.Version, modelVersion)
	}
	if m.Pipeline == nil {
		return nil, fmt.Errorf("automl: model %s: no preprocessing pipeline", path)
	}
	switch {
	case m.Kind == "network" && m.Network != nil:
		err = m.Network.Validate()
	case m.Kind == "linear" && m.Linear != nil:
		err = m.Linear.Validate()
	default:
		err = fmt.Errorf("kind %q without its weights", m.Kind)
	}
	if err != nil {
		return nil, fmt.Errorf("automl: model %s: %w", path, err)
	}
	return &m, nil
}

// scores runs the model on preprocessed rows.
func (m *Model) scores(x []float64, rows int) []float64 {
	if m.Network != nil {
		return m.Network.Predict(x, rows)
	}
	return m.Linear.Predict(x, rows)
}

// Predict applies the saved preprocessing and the model to every row of f.
// The target column may be absent; every feature column must be present,
// and an error names the first one that is missing or does not match.
func (m *Model) Predict(f *data.Frame) (*Predictions, error) {
	x, rows, _, err := m.Pipeline.Transform(f, nil)
	if err != nil {
		return nil, fmt.Errorf("automl: predicting %s: %w", f.Name, err)
	}
	s := m.scores(x, rows)
	p := &Predictions{Warnings: m.unseenLevels(f)}
	switch m.Pipeline.Task {
	case data.Regression:
		p.Values = s
	case data.Binary:
		p.Classes = m.Pipeline.Labels.Classes
		for _, v := range s {
			p.Probabilities = append(p.Probabilities, []float64{1 - v, v})
		}
	default:
		p.Classes = m.Pipeline.Labels.Classes
		k := len(p.Classes)
		for i := range rows {
			p.Probabilities = append(p.Probabilities, s[i*k:(i+1)*k])
		}
	}
	if m.Pipeline.Task == data.Binary {
		t := m.Threshold
		if t <= 0 {
			t = 0.5
		}
		for _, row := range p.Probabilities {
			p.Labels = append(p.Labels, m.Pipeline.Labels.Decode(boolToInt(row[1] >= t)))
		}
	} else if p.Classes != nil {
		for _, row := range p.Probabilities {
			best := 0
			for j := range row {
				if row[j] > row[best] {
					best = j
				}
			}
			p.Labels = append(p.Labels, m.Pipeline.Labels.Decode(best))
		}
	}
	return p, nil
}

// unseenLevels describes, per categorical column, the values of f that the
// training rows did not have.
func (m *Model) unseenLevels(f *data.Frame) []string {
	var out []string
	for _, ft := range m.Pipeline.Features {
		if ft.Kind != data.Categorical || ft.Other {
			continue
		}
		col, err := f.Column(ft.Column)
		if err != nil {
			continue
		}
		known := make(map[string]bool, len(ft.Levels))
		for _, l := range ft.Levels {
			known[l] = true
		}
		unseen := map[string]int{}
		var first []string
		for i := range col.Len() {
			if v := col.Value(i); !col.Missing[i] && !known[v] {
				if unseen[v] == 0 && len(first) < 3 {
					first = append(first, fmt.Sprintf("%q", v))
				}
				unseen[v]++
			}
		}
		if len(unseen) > 0 {
			out = append(out, fmt.Sprintf("column %q: %d rows hold levels not seen in training (%s), encoded as no known level",
				ft.Column, sumCounts(unseen), strings.Join(first, ", ")))
		}
	}
	return out
}

func sumCounts(m map[string]int) int {
	n := 0
	for _, c := range m {
		n += c
	}
	return n
}

func boolToInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
