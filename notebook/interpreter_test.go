package notebook_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/tunebook/tunebook/kernel/display"
	"github.com/tunebook/tunebook/kernel/repl"
	"github.com/tunebook/tunebook/notebook"
)

// session adapts the kernel's interpreter session to notebook.Engine, as
// the tunebook run command does.
type session struct{ *repl.Session }

func (s session) Execute(ctx context.Context, code string) (*notebook.Result, error) {
	r, err := s.Session.Execute(ctx, code)
	var ce *repl.CellError
	switch {
	case errors.As(err, &ce):
		return nil, &notebook.CellError{Name: ce.Name, Value: ce.Value, Traceback: ce.Traceback}
	case err != nil || r == nil:
		return nil, err
	}
	return &notebook.Result{Data: r.Data, Metadata: r.Metadata}, nil
}

// TestExecuteWithInterpreter runs a notebook through the kernel's real
// interpreter session, with its streams captured through pipes and its
// displays published to the Recorder.
func TestExecuteWithInterpreter(t *testing.T) {
	nb, err := notebook.Read("testdata/interpreter.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	rec := notebook.NewRecorder()
	stdout, stderr, err := rec.CaptureStreams()
	if err != nil {
		t.Fatal(err)
	}
	s, err := repl.New(repl.Options{Stdout: stdout, Stderr: stderr})
	if err != nil {
		t.Fatal(err)
	}
	display.SetPublisher(rec)
	defer display.SetPublisher(nil)

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	execErr := notebook.Execute(ctx, nb, session{s}, notebook.Options{Recorder: rec, ContinueOnError: true})
	if err := errors.Join(s.Close(), rec.Close()); err != nil {
		t.Fatal(err)
	}

	var f *notebook.CellFailure
	if !errors.As(execErr, &f) || f.Cell != 3 || f.FirstLine != "var m map[string]int" || f.Err.Name != "panic" {
		t.Errorf("Execute error = %v, want a panic in code cell 3 (%q)", execErr, "var m map[string]int")
	}
	want := [][]string{
		nil,
		{"stream stdout x is 21\n", "execute_result 42"},
		{"stream stdout before\n", "display_data <b>hi</b>", "stream stdout after\n"},
		{"error panic"},
		{"execute_result 22"},
	}
	for i, c := range nb.Cells {
		var got []string
		for _, o := range c.Outputs {
			switch o.Type {
			case notebook.StreamOutput:
				got = append(got, "stream "+o.Name+" "+o.Text)
			case notebook.DisplayData:
				got = append(got, "display_data "+o.Data["text/html"].(string))
			case notebook.ExecuteResult:
				got = append(got, "execute_result "+o.Data["text/plain"].(string))
			case notebook.ErrorOutput:
				got = append(got, "error "+o.EName)
			}
		}
		if !slices.Equal(got, want[i]) {
			t.Errorf("cell %d outputs: got %q, want %q", i+1, got, want[i])
		}
	}
}
