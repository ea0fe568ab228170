package kernel

import (
	"regexp"
	"slices"
	"strings"
)

// historySession is the session number reported for this kernel's cells;
// only the running session is kept.
const historySession = 1

// history keeps the cells run in this session for history_request.
type history struct {
	entries []historyEntry
}

type historyEntry struct {
	line          int
	input, output string
}

// historyRequest is the content of a history_request.
type historyRequest struct {
	Output         bool   `json:"output"`
	Raw            bool   `json:"raw"`
	HistAccessType string `json:"hist_access_type"`
	Session        int    `json:"session"`
	Start          int    `json:"start"`
	Stop           int    `json:"stop"`
	N              int    `json:"n"`
	Pattern        string `json:"pattern"`
	Unique         bool   `json:"unique"`
}

func (h *history) add(line int, input, output string) {
	h.entries = append(h.entries, historyEntry{line, input, output})
}

// query answers a history_request: "tail" returns the last n cells,
// "range" the cells of a session numbered start <= line < stop (stop 0: to
// the end; session 0 or 1: this session), and "search" the cells matching
// a glob pattern with * and ?, the last n of them when n > 0, and each
// input once when unique. Items are [session, line, input], or
// [session, line, [input, output]] when output is requested.
func (h *history) query(r historyRequest) []any {
	var sel []historyEntry
	switch r.HistAccessType {
	case "tail":
		sel = lastN(h.entries, r.N)
	case "range":
		if r.Session != 0 && r.Session != historySession {
			break
		}
		for _, e := range h.entries {
			if e.line >= r.Start && (r.Stop <= 0 || e.line < r.Stop) {
				sel = append(sel, e)
			}
		}
	case "search":
		sel = h.search(r.Pattern, r.Unique)
		if r.N > 0 {
			sel = lastN(sel, r.N)
		}
	}

	items := make([]any, 0, len(sel))
	for _, e := range sel {
		var in any = e.input
		if r.Output {
			var out any
			if e.output != "" {
				out = e.output
			}
			in = []any{e.input, out}
		}
		items = append(items, []any{historySession, e.line, in})
	}
	return items
}

// search returns the cells whose input matches pattern, oldest first;
// with unique, only the latest cell of each input.
func (h *history) search(pattern string, unique bool) []historyEntry {
	re := globRegexp(pattern)
	seen := map[string]bool{}
	var sel []historyEntry
	for i := len(h.entries) - 1; i >= 0; i-- {
		e := h.entries[i]
		if !re.MatchString(e.input) || (unique && seen[e.input]) {
			continue
		}
		seen[e.input] = true
		sel = append(sel, e)
	}
	slices.Reverse(sel)
	return sel
}

// globRegexp compiles a glob with * (any text) and ? (one character) into
// an anchored regular expression; an empty pattern matches everything.
func globRegexp(glob string) *regexp.Regexp {
	if glob == "" {
		glob = "*"
	}
	var b strings.Builder
	b.WriteString(`(?s)^`)
	for _, r := range glob {
		switch r {
		case '*':
			b.WriteString(`.*`)
		case '?':
			b.WriteString(`.`)
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString(`$`)
	return regexp.MustCompile(b.String())
}

func lastN(entries []historyEntry, n int) []historyEntry {
	if n <= 0 {
		return nil
	}
	if n > len(entries) {
		n = len(entries)
	}
	return entries[len(entries)-n:]
}
