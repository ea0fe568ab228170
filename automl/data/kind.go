package data

import (
	"fmt"
	"strings"
)

// Kind is the type of a column's values.
type Kind int

// The column kinds. The zero Kind is not a valid kind.
const (
	// Numeric columns hold finite float64 values.
	Numeric Kind = iota + 1
	// Categorical columns hold text levels.
	Categorical
	// Boolean columns hold the tokens true/True/TRUE and false/False/FALSE,
	// stored as 1 and 0.
	Boolean
)

var kindNames = map[Kind]string{Numeric: "numeric", Categorical: "categorical", Boolean: "boolean"}

// String returns the kind's name: "numeric", "categorical" or "boolean".
func (k Kind) String() string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// ParseKind returns the Kind named s (case-insensitive).
func ParseKind(s string) (Kind, error) {
	for k, name := range kindNames {
		if strings.EqualFold(s, name) {
			return k, nil
		}
	}
	return 0, fmt.Errorf("data: unknown column kind %q (want numeric, categorical or boolean)", s)
}

// MarshalText encodes the kind as its name, so that JSON holds "numeric",
// and the zero Kind as "".
func (k Kind) MarshalText() ([]byte, error) {
	if k == 0 {
		return []byte{}, nil
	}
	if _, ok := kindNames[k]; !ok {
		return nil, fmt.Errorf("data: cannot encode invalid %v", k)
	}
	return []byte(k.String()), nil
}

// UnmarshalText decodes a kind written by MarshalText.
func (k *Kind) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*k = 0
		return nil
	}
	v, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}
