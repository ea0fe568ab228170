package notebook

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestCaptureStreamsKeepsOrder(t *testing.T) {
	rec := NewRecorder()
	stdout, stderr, err := rec.CaptureStreams()
	if err != nil {
		t.Fatal(err)
	}
	eng := newFakeEngine(rec)
	eng.stdout, eng.stderr = stdout, stderr
	defer eng.Close()

	long := strings.Repeat("é", 50_000) // 100 kB: more than a pipe buffer, 2-byte runes
	nb := codeNotebook(
		"print a\nshow X\nprint b\nprint c\nshow Y\neprint e",
		"print "+long+"\nprint end",
		"print before clear\nclear\neprint after",
	)
	if err := Execute(context.Background(), nb, eng, Options{Recorder: rec}); err != nil {
		t.Fatal(err)
	}
	if err := rec.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	want := [][]string{
		{`stdout "a\n"`, `display "X"`, `stdout "b\nc\n"`, `display "Y"`, `stderr "e\n"`},
		{fmt.Sprintf("stdout %q", long+"\nend\n")},
		{`stderr "after\n"`},
	}
	for i, c := range nb.Cells {
		if got := summary(c); !slices.Equal(got, want[i]) {
			t.Errorf("cell %d outputs: got %.200q, want %.200q", i+1, got, want[i])
		}
	}
}

func TestSplitPoints(t *testing.T) {
	tests := []struct {
		data                 string
		wantMarker, wantRune int
	}{
		{"abc", 0, 0},
		{"abc\x00tune", 5, 0},
		{"abc" + syncMarker[:len(syncMarker)-1], len(syncMarker) - 1, 0},
		{"ab\xc3", 0, 1},
		{"ab\xe2\x82", 0, 2},
		{"ab\xe2\x82\xac", 0, 0},
	}
	for _, tt := range tests {
		if got := partialMarker([]byte(tt.data)); got != tt.wantMarker {
			t.Errorf("partialMarker(%q): got %d, want %d", tt.data, got, tt.wantMarker)
		}
		if got := incompleteRune([]byte(tt.data)); got != tt.wantRune {
			t.Errorf("incompleteRune(%q): got %d, want %d", tt.data, got, tt.wantRune)
		}
	}
}
