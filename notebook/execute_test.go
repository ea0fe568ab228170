package notebook

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestExecute(t *testing.T) {
	tests := []struct {
		name      string
		cells     []string
		keepGoing bool
		want      [][]string // summary of each cell's outputs
		counts    []int      // execution count of each cell
		wantErr   string     // substring of the error, "" for none
	}{
		{
			name:   "streams merge by name and keep their order",
			cells:  []string{"print a\nprint b\neprint x\neprint y\nprint c"},
			want:   [][]string{{`stdout "a\nb\n"`, `stderr "x\ny\n"`, `stdout "c\n"`}},
			counts: []int{1},
		},
		{
			name:  "execution counts skip blank cells and results carry them",
			cells: []string{"value one", "  \n", "value three"},
			want: [][]string{
				{`result[1] "one"`}, nil, {`result[2] "three"`},
			},
			counts: []int{1, 0, 2},
		},
		{
			name:   "update replaces the display in place, also in an earlier cell",
			cells:  []string{"show#p 0%\nprint after", "update#p 50%\nupdate#p 100%\nshow done"},
			want:   [][]string{{`display "100%"`, `stdout "after\n"`}, {`display "done"`}},
			counts: []int{1, 2},
		},
		{
			name:   "display with a known id updates it and shows again",
			cells:  []string{"show#p first\nshow#p second"},
			want:   [][]string{{`display "second"`, `display "second"`}},
			counts: []int{1},
		},
		{
			name:   "update of an unknown id is ignored",
			cells:  []string{"update#nope x\nprint ok"},
			want:   [][]string{{`stdout "ok\n"`}},
			counts: []int{1},
		},
		{
			name:   "clear_output empties the cell now",
			cells:  []string{"print gone\nshow#p gone\nclear\nprint kept\nupdate#p orphan"},
			want:   [][]string{{`stdout "kept\n"`}},
			counts: []int{1},
		},
		{
			name:   "clear_output with wait clears before the next output",
			cells:  []string{"show frame 1\nclear-wait\nshow frame 2\nclear-wait"},
			want:   [][]string{{`display "frame 2"`}},
			counts: []int{1},
		},
		{
			name:    "stops at the first failing cell",
			cells:   []string{"print one", "print two\npanic boom", "print three"},
			want:    [][]string{{`stdout "one\n"`}, {`stdout "two\n"`, "error panic: boom"}, nil},
			counts:  []int{1, 2, 0},
			wantErr: `notebook: code cell 2 ("print two"): panic: boom`,
		},
		{
			name:      "continue on error runs every cell and reports all failures",
			cells:     []string{"panic first", "fail plain error", "value ok"},
			keepGoing: true,
			want: [][]string{
				{"error panic: first"}, {"error Error: plain error"}, {`result[3] "ok"`},
			},
			counts:  []int{1, 2, 3},
			wantErr: `code cell 2 ("fail plain error"): Error: plain error`,
		},
		{
			name:      "a timed-out cell gets a TimeoutError",
			cells:     []string{"print before\nblock", "value next"},
			keepGoing: true,
			want: [][]string{
				{`stdout "before\n"`, "error TimeoutError: the cell did not finish within 50ms"},
				{`result[2] "next"`},
			},
			counts:  []int{1, 2},
			wantErr: "TimeoutError",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nb := codeNotebook(tt.cells...)
			rec := NewRecorder()
			eng := newFakeEngine(rec)
			defer eng.Close()
			opts := Options{Recorder: rec, ContinueOnError: tt.keepGoing, Timeout: 50 * time.Millisecond}
			err := Execute(context.Background(), nb, eng, opts)

			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("Execute: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("Execute error = %v, want one containing %q", err, tt.wantErr)
			}
			for i, c := range nb.Cells {
				if got := summary(c); !slices.Equal(got, tt.want[i]) {
					t.Errorf("cell %d outputs: got %q, want %q", i+1, got, tt.want[i])
				}
				if c.ExecutionCount != tt.counts[i] {
					t.Errorf("cell %d execution count: got %d, want %d", i+1, c.ExecutionCount, tt.counts[i])
				}
			}
		})
	}
}

func TestExecuteFailureNamesTheCell(t *testing.T) {
	nb := New()
	nb.Cells = []*Cell{
		{Type: MarkdownCell, Source: "# Title"},
		{Type: CodeCell, Source: "\n\nprint ok"},
		{Type: CodeCell, Source: "\n  panic broken  \nprint unreachable"},
	}
	rec := NewRecorder()
	eng := newFakeEngine(rec)
	defer eng.Close()
	err := Execute(context.Background(), nb, eng, Options{Recorder: rec})

	var f *CellFailure
	if !errors.As(err, &f) {
		t.Fatalf("Execute error = %v, want a *CellFailure", err)
	}
	if f.Cell != 2 || f.FirstLine != "panic broken" || f.Err.Name != "panic" || f.Err.Value != "broken" {
		t.Errorf("failure: got cell %d, line %q, error %v; want cell 2, line %q, panic: broken",
			f.Cell, f.FirstLine, f.Err, "panic broken")
	}
	var ce *CellError
	if !errors.As(err, &ce) {
		t.Errorf("errors.As(*CellError) failed on %v", err)
	}
}

func TestExecuteReplacesOldOutputsAndSetsKernel(t *testing.T) {
	nb, err := Read("testdata/cases/p04/input.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	nb.Cells = nb.Cells[:2]
	nb.Cells[0].Source = "value fresh"
	nb.Cells[1].Source = "panic stop"
	eng := newFakeEngine(nil)
	defer eng.Close()
	if err := Execute(context.Background(), nb, eng, Options{}); err == nil {
		t.Fatal("Execute: got no error, want the panic of cell 2")
	}

	if got, want := summary(nb.Cells[0]), []string{`result[1] "fresh"`}; !slices.Equal(got, want) {
		t.Errorf("cell 1 outputs: got %q, want %q", got, want)
	}
	ks, _ := nb.Metadata["kernelspec"].(map[string]any)
	if ks["name"] != KernelName || ks["language"] != "go" {
		t.Errorf("kernelspec: got %v, want name %q and language go", ks, KernelName)
	}
	li, _ := nb.Metadata["language_info"].(map[string]any)
	if li["name"] != "go" {
		t.Errorf("language_info: got %v, want name go", li)
	}
}

func TestExecuteStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	nb := codeNotebook("block", "value never")
	eng := newFakeEngine(nil)
	defer eng.Close()
	time.AfterFunc(20*time.Millisecond, cancel)

	err := Execute(ctx, nb, eng, Options{ContinueOnError: true})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Execute error = %v, want context.Canceled", err)
	}
	if got, want := summary(nb.Cells[0]), []string{"error KeyboardInterrupt: execution interrupted: context canceled"}; !slices.Equal(got, want) {
		t.Errorf("cell 1 outputs: got %q, want %q", got, want)
	}
	if eng.runs() != 1 {
		t.Errorf("cells run: got %d, want 1", eng.runs())
	}
}

func TestExecuteGivesUpOnStuckEngine(t *testing.T) {
	defer func(g time.Duration) { stopGrace = g }(stopGrace)
	stopGrace = 20 * time.Millisecond
	nb := codeNotebook("hang", "value never")
	eng := newFakeEngine(nil)
	defer eng.Close()

	err := Execute(context.Background(), nb, eng, Options{Timeout: 10 * time.Millisecond, ContinueOnError: true})
	if !errors.Is(err, ErrStuck) {
		t.Fatalf("Execute error = %v, want ErrStuck", err)
	}
	if eng.runs() != 1 {
		t.Errorf("cells run: got %d, want 1", eng.runs())
	}
}
