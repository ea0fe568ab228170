package input

import (
	"errors"
	"sync"
)

// ErrNotAvailable is returned when no front end is attached that accepts
// input for the running cell.
var ErrNotAvailable = errors.New("input: the front end does not accept input for this cell")

// Reader asks the user for one line of text, shown after prompt; password
// asks the front end to hide what is typed.
type Reader func(prompt string, password bool) (string, error)

var (
	mu     sync.RWMutex
	reader Reader
)

// SetReader installs r as the reader used by Read and Password; nil removes
// it.
func SetReader(r Reader) {
	mu.Lock()
	reader = r
	mu.Unlock()
}

// Read shows prompt and returns the line the user typed, without its line
// ending. It blocks until the user answers or the cell is interrupted.
func Read(prompt string) (string, error) {
	return read(prompt, false)
}

// Password is like Read but asks the front end to hide the typed text.
func Password(prompt string) (string, error) {
	return read(prompt, true)
}

func read(prompt string, password bool) (string, error) {
	mu.RLock()
	r := reader
	mu.RUnlock()
	if r == nil {
		return "", ErrNotAvailable
	}
	return r(prompt, password)
}
