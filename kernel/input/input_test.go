package input

import (
	"errors"
	"testing"
)

func TestRead(t *testing.T) {
	SetReader(nil)
	if _, err := Read("x"); !errors.Is(err, ErrNotAvailable) {
		t.Errorf("Read without reader: error = %v, want ErrNotAvailable", err)
	}

	type call struct {
		prompt   string
		password bool
	}
	var got []call
	SetReader(func(prompt string, password bool) (string, error) {
		got = append(got, call{prompt, password})
		return "answer", nil
	})
	defer SetReader(nil)

	if v, err := Read("name? "); v != "answer" || err != nil {
		t.Errorf("Read = %q, %v; want answer, nil", v, err)
	}
	if v, err := Password("secret? "); v != "answer" || err != nil {
		t.Errorf("Password = %q, %v; want answer, nil", v, err)
	}
	want := []call{{"name? ", false}, {"secret? ", true}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("reader calls = %+v, want %+v", got, want)
	}
}
