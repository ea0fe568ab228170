package data

import (
	"errors"
	"fmt"
)

// Sentinel errors returned (wrapped with the file, row and column) by this
// package. Test for them with errors.Is.
var (
	// ErrEmpty reports an input with no header row.
	ErrEmpty = errors.New("data: empty input")
	// ErrNoRows reports an input with a header row but no data rows.
	ErrNoRows = errors.New("data: no data rows")
	// ErrRagged reports a data row whose field count differs from the header's.
	ErrRagged = errors.New("data: wrong number of fields")
	// ErrColumnName reports an empty or duplicated column name in the header.
	ErrColumnName = errors.New("data: bad column name")
	// ErrSyntax reports malformed CSV, such as a stray or unclosed quote.
	ErrSyntax = errors.New("data: malformed CSV")
	// ErrEncoding reports an input that is not UTF-8 text.
	ErrEncoding = errors.New("data: unsupported text encoding")
	// ErrValue reports a value that does not fit its column's declared kind.
	ErrValue = errors.New("data: value does not fit the column kind")
	// ErrNoColumn reports a column name that the frame does not have.
	ErrNoColumn = errors.New("data: no such column")
	// ErrNoValues reports a column whose values are all missing.
	ErrNoValues = errors.New("data: column has no values")
	// ErrSingleClass reports a target column that holds only one class.
	ErrSingleClass = errors.New("data: target has a single class")
	// ErrTask reports an unknown task name or a task that does not fit the
	// target column.
	ErrTask = errors.New("data: bad task")
)

// contextError is an error with a full, readable message that still unwraps
// to one of the sentinel errors above (and, optionally, to a cause).
type contextError struct {
	msg   string
	kind  error
	cause error
}

// Error returns the full message.
func (e *contextError) Error() string { return e.msg }

// Unwrap returns the sentinel and the cause, so that errors.Is matches both.
func (e *contextError) Unwrap() []error {
	if e.cause == nil {
		return []error{e.kind}
	}
	return []error{e.kind, e.cause}
}

// errorf formats a message prefixed with "data: " that unwraps to kind.
func errorf(kind error, format string, args ...any) error {
	return &contextError{msg: "data: " + fmt.Sprintf(format, args...), kind: kind}
}

// wrapf is errorf with a cause that errors.Is and errors.As also match.
func wrapf(kind, cause error, format string, args ...any) error {
	return &contextError{msg: "data: " + fmt.Sprintf(format, args...), kind: kind, cause: cause}
}
