package data

import (
	"fmt"
	"strings"
)

// maxListed caps how many column names an error message lists.
const maxListed = 20

// noColumnError builds the ErrNoColumn error for a name that file lacks,
// suggesting close names and listing the available ones.
func noColumnError(file, name string, names []string) error {
	var close []string
	for _, n := range names {
		if isClose(name, n) {
			close = append(close, fmt.Sprintf("%q", n))
		}
	}
	hint := ""
	if len(close) > 0 {
		hint = "; did you mean " + strings.Join(close, " or ") + "?"
	}
	return errorf(ErrNoColumn, "%s: no column %q%s (columns: %s)", file, name, hint, listNames(names))
}

// listNames joins names for a message, eliding all but the first maxListed.
func listNames(names []string) string {
	if len(names) <= maxListed {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s, … and %d more", strings.Join(names[:maxListed], ", "), len(names)-maxListed)
}

// isClose reports whether a looks like a misspelling of b: equal ignoring
// case and surrounding space, or within a small edit distance (one edit
// per four characters, at least one).
func isClose(a, b string) bool {
	la, lb := strings.ToLower(strings.TrimSpace(a)), strings.ToLower(strings.TrimSpace(b))
	if la == lb {
		return true
	}
	limit := max(1, min(len([]rune(la)), len([]rune(lb)))/4)
	return editDistance(la, lb) <= limit
}

// editDistance returns the Levenshtein distance between a and b, counted in
// runes (V. I. Levenshtein, Binary codes capable of correcting deletions,
// insertions and reversals, Soviet Physics Doklady 10(8), 1966), with the
// usual two-row dynamic programme.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
