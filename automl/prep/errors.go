package prep

import "fmt"

// kindError is an error with a full, readable message that unwraps to a
// sentinel error (of this package or of package data), so that errors.Is
// matches it without the sentinel's text repeating in the message.
type kindError struct {
	msg  string
	kind error
}

// Error returns the full message.
func (e *kindError) Error() string { return e.msg }

// Unwrap returns the sentinel error.
func (e *kindError) Unwrap() error { return e.kind }

// errorf formats a message prefixed with "prep: " that unwraps to kind.
func errorf(kind error, format string, args ...any) error {
	return &kindError{msg: "prep: " + fmt.Sprintf(format, args...), kind: kind}
}
