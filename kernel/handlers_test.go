package kernel

import (
	"encoding/json"
	"slices"
	"testing"
	"time"
)

func TestComplete(t *testing.T) {
	_, c := startKernel(t, newFake(t))
	tests := []struct {
		code               string
		cursor             int // code points
		wantMatches        []string
		wantStart, wantEnd float64
	}{
		{"pri", 3, []string{"print", "println", "printf"}, 0, 3},
		{"x := pr", 7, []string{"print", "println", "printf"}, 5, 7},
		// Two-byte runes before the cursor: offsets stay in code points.
		{"é ü ün", 6, []string{"ünïcode"}, 4, 6},
		{"zzz", 3, []string{}, 3, 3},
	}
	for _, tt := range tests {
		req := c.send(shellChannel, "complete_request", map[string]any{"code": tt.code, "cursor_pos": tt.cursor})
		r := content(t, c.reply(shellChannel, req))
		var matches []string
		for _, m := range r["matches"].([]any) {
			matches = append(matches, m.(string))
		}
		if matches == nil {
			matches = []string{}
		}
		if r["status"] != "ok" || !slices.Equal(matches, tt.wantMatches) ||
			r["cursor_start"] != tt.wantStart || r["cursor_end"] != tt.wantEnd {
			t.Errorf("complete %q at %d = %v [%v, %v], want %v [%v, %v]", tt.code, tt.cursor,
				matches, r["cursor_start"], r["cursor_end"], tt.wantMatches, tt.wantStart, tt.wantEnd)
		}
	}
}

func TestInspectAndIsComplete(t *testing.T) {
	_, c := startKernel(t, newFake(t))

	r := content(t, c.reply(shellChannel, c.send(shellChannel, "inspect_request",
		map[string]any{"code": "println", "cursor_pos": 3, "detail_level": 1})))
	if r["status"] != "ok" || r["found"] != true || r["data"].(map[string]any)["text/plain"] != "print (detail 1)" {
		t.Errorf("inspect println = %v, want found with text/plain", r)
	}
	r = content(t, c.reply(shellChannel, c.send(shellChannel, "inspect_request",
		map[string]any{"code": "nothing", "cursor_pos": 0, "detail_level": 0})))
	if r["found"] != false || len(r["data"].(map[string]any)) != 0 {
		t.Errorf("inspect nothing = %v, want found false and empty data", r)
	}

	tests := []struct {
		code, wantStatus string
		wantIndent       any
	}{
		{"x := 1", "complete", nil},
		{"func f() {", "incomplete", "\t"},
		{"}", "invalid", nil},
	}
	for _, tt := range tests {
		r := content(t, c.reply(shellChannel, c.send(shellChannel, "is_complete_request", map[string]any{"code": tt.code})))
		if r["status"] != tt.wantStatus || r["indent"] != tt.wantIndent {
			t.Errorf("is_complete %q = %v, want status %s indent %q", tt.code, r, tt.wantStatus, tt.wantIndent)
		}
	}
}

func TestHistoryRequest(t *testing.T) {
	_, c := startKernel(t, newFake(t))
	for _, code := range []string{"value a", "value b", "fail c", "value a"} {
		c.execute(code, nil)
	}
	c.execute("value hidden", map[string]any{"store_history": false})

	tests := []struct {
		name    string
		request map[string]any
		want    string
	}{
		{"tail", map[string]any{"hist_access_type": "tail", "n": 2, "output": false, "raw": true},
			`[[1,3,"fail c"],[1,4,"value a"]]`},
		{"tail with output", map[string]any{"hist_access_type": "tail", "n": 2, "output": true, "raw": true},
			`[[1,3,["fail c",null]],[1,4,["value a","a"]]]`},
		{"range", map[string]any{"hist_access_type": "range", "session": 0, "start": 2, "stop": 4, "raw": true},
			`[[1,2,"value b"],[1,3,"fail c"]]`},
		{"range of another session", map[string]any{"hist_access_type": "range", "session": -1, "start": 1, "stop": 0},
			`[]`},
		{"search unique", map[string]any{"hist_access_type": "search", "pattern": "value *", "unique": true},
			`[[1,2,"value b"],[1,4,"value a"]]`},
		{"search last n", map[string]any{"hist_access_type": "search", "pattern": "*a", "n": 1},
			`[[1,4,"value a"]]`},
	}
	for _, tt := range tests {
		r := content(t, c.reply(shellChannel, c.send(shellChannel, "history_request", tt.request)))
		got, err := json.Marshal(r["history"])
		if err != nil {
			t.Fatal(err)
		}
		if r["status"] != "ok" || string(got) != tt.want {
			t.Errorf("%s: history = %s (status %v), want %s", tt.name, got, r["status"], tt.want)
		}
	}
}

func TestComms(t *testing.T) {
	_, c := startKernel(t, newFake(t))

	r := content(t, c.reply(shellChannel, c.send(shellChannel, "comm_info_request", map[string]any{})))
	if r["status"] != "ok" || len(r["comms"].(map[string]any)) != 0 {
		t.Errorf("comm_info_reply = %v, want ok with no comms", r)
	}

	open := c.send(shellChannel, "comm_open", map[string]any{"comm_id": "c-1", "target_name": "jupyter.widget", "data": map[string]any{}})
	iopub := c.iopub(open)
	if got := types(iopub); !slices.Equal(got, []string{"status:busy", "comm_close", "status:idle"}) {
		t.Fatalf("IOPub after comm_open = %v, want busy, comm_close, idle", got)
	}
	if got := content(t, iopub[1])["comm_id"]; got != "c-1" {
		t.Errorf("comm_close comm_id = %v, want c-1", got)
	}

	for _, msgType := range []string{"comm_msg", "comm_close"} {
		req := c.send(shellChannel, msgType, map[string]any{"comm_id": "c-1", "data": map[string]any{}})
		if got := types(c.iopub(req)); !slices.Equal(got, []string{"status:busy", "status:idle"}) {
			t.Errorf("IOPub after %s = %v, want busy then idle", msgType, got)
		}
		if m := c.tryReply(shellChannel, req, 50*time.Millisecond); m != nil {
			t.Errorf("%s got a reply %s, want none", msgType, m.Header.MsgType)
		}
	}
}
