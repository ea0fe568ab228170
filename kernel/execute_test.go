package kernel

import (
	"slices"
	"strings"
	"testing"

	"github.com/tunebook/tunebook/kernel/wire"
)

func TestExecuteMessageOrder(t *testing.T) {
	_, c := startKernel(t, newFake(t))
	code := "print hello\ndisplay d1 shown\nupdate d1 changed\nclear\nvalue 42"
	reply, iopub := c.execute(code, nil)

	want := []string{
		"status:busy", "execute_input", "stream", "display_data", "update_display_data",
		"clear_output", "execute_result", "status:idle",
	}
	if got := types(iopub); !slices.Equal(got, want) {
		t.Fatalf("IOPub = %v, want %v", got, want)
	}
	r := content(t, reply)
	if r["status"] != "ok" || r["execution_count"] != 1.0 {
		t.Errorf("execute_reply = %v, want status ok, execution_count 1", r)
	}
	if _, ok := r["user_expressions"].(map[string]any); !ok {
		t.Errorf("execute_reply user_expressions = %v, want an object", r["user_expressions"])
	}

	checks := []struct {
		i    int
		key  string
		want any
	}{
		{1, "code", code},
		{1, "execution_count", 1.0},
		{2, "name", "stdout"},
		{2, "text", "hello"},
		{6, "execution_count", 1.0},
	}
	for _, ck := range checks {
		if got := content(t, iopub[ck.i])[ck.key]; got != ck.want {
			t.Errorf("%s[%s] = %v, want %v", iopub[ck.i].Header.MsgType, ck.key, got, ck.want)
		}
	}
	for _, i := range []int{3, 4} {
		tr, _ := content(t, iopub[i])["transient"].(map[string]any)
		if tr["display_id"] != "d1" {
			t.Errorf("%s transient = %v, want display_id d1", iopub[i].Header.MsgType, tr)
		}
	}
	if got := content(t, iopub[6])["data"].(map[string]any)["text/plain"]; got != "42" {
		t.Errorf("execute_result text/plain = %v, want 42", got)
	}
}

func TestExecutionCount(t *testing.T) {
	_, c := startKernel(t, newFake(t))
	steps := []struct {
		extra     map[string]any
		wantCount float64
		wantTypes []string
	}{
		{nil, 1, []string{"status:busy", "execute_input", "stream", "execute_result", "status:idle"}},
		{map[string]any{"store_history": false}, 1, []string{"status:busy", "execute_input", "stream", "execute_result", "status:idle"}},
		{map[string]any{"silent": true}, 1, []string{"status:busy", "status:idle"}},
		{nil, 2, []string{"status:busy", "execute_input", "stream", "execute_result", "status:idle"}},
	}
	for i, st := range steps {
		reply, iopub := c.execute("print out\nvalue v", st.extra)
		if got := content(t, reply)["execution_count"]; got != st.wantCount {
			t.Errorf("step %d %v: execution_count = %v, want %v", i, st.extra, got, st.wantCount)
		}
		if got := types(iopub); !slices.Equal(got, st.wantTypes) {
			t.Errorf("step %d %v: IOPub = %v, want %v", i, st.extra, got, st.wantTypes)
		}
	}
}

func TestExecuteError(t *testing.T) {
	_, c := startKernel(t, newFake(t))
	reply, iopub := c.execute("print before\nfail broken", nil)

	want := []string{"status:busy", "execute_input", "stream", "error", "status:idle"}
	if got := types(iopub); !slices.Equal(got, want) {
		t.Fatalf("IOPub = %v, want %v", got, want)
	}
	r := content(t, reply)
	if r["status"] != "error" || r["ename"] != "TestError" || r["evalue"] != "broken" {
		t.Errorf("execute_reply = %v, want status error, TestError: broken", r)
	}
	if tb, ok := r["traceback"].([]any); !ok || len(tb) != 2 {
		t.Errorf("traceback = %v, want a list of 2 strings", r["traceback"])
	}
	if got := content(t, iopub[3])["ename"]; got != "TestError" {
		t.Errorf("error message ename = %v, want TestError", got)
	}
}

func TestEnginePanicBecomesError(t *testing.T) {
	_, c := startKernel(t, newFake(t))
	reply, _ := c.execute("panic kaboom", nil)
	r := content(t, reply)
	if r["status"] != "error" || !strings.Contains(errorText(r), "kaboom") {
		t.Errorf("execute_reply = %v, want an error naming the panic", r)
	}
	tb, ok := r["traceback"].([]any)
	if !ok || len(tb) == 0 {
		t.Errorf("traceback = %v, want a non-empty list", r["traceback"])
	}
	reply, _ = c.execute("value ok", nil)
	if got := content(t, reply)["status"]; got != "ok" {
		t.Errorf("cell after a panic: status = %v, want ok", got)
	}
}

func TestStopOnErrorAbortsQueued(t *testing.T) {
	for _, stop := range []bool{true, false} {
		_, c := startKernel(t, newFake(t))
		opts := map[string]any{"stop_on_error": stop, "allow_stdin": false}
		first := c.send(shellChannel, "execute_request", withCode(opts, "sleep 200ms\nfail first"))
		second := c.send(shellChannel, "execute_request", withCode(opts, "value second"))

		if got := content(t, c.reply(shellChannel, first))["status"]; got != "error" {
			t.Errorf("stop_on_error=%v: first status = %v, want error", stop, got)
		}
		r := content(t, c.reply(shellChannel, second))
		want := "ok"
		if stop {
			want = "aborted"
		}
		if r["status"] != want {
			t.Errorf("stop_on_error=%v: queued cell status = %v, want %s", stop, r["status"], want)
		}
		iopub := c.iopub(second)
		if stop && !slices.Equal(types(iopub), []string{"status:busy", "status:idle"}) {
			t.Errorf("aborted cell IOPub = %v, want busy then idle only", types(iopub))
		}

		// A request sent after the error is not aborted.
		reply, _ := c.execute("value later", nil)
		if got := content(t, reply)["status"]; got != "ok" {
			t.Errorf("stop_on_error=%v: later cell status = %v, want ok", stop, got)
		}
	}
}

func TestUserExpressions(t *testing.T) {
	_, c := startKernel(t, newFake(t))
	reply, _ := c.execute("value main", map[string]any{
		"user_expressions": map[string]any{"good": "value 7", "bad": "fail nope"},
	})
	ue, _ := content(t, reply)["user_expressions"].(map[string]any)
	good, _ := ue["good"].(map[string]any)
	bad, _ := ue["bad"].(map[string]any)
	if good["status"] != "ok" || good["data"].(map[string]any)["text/plain"] != "7" {
		t.Errorf("user_expressions[good] = %v, want status ok with text/plain 7", good)
	}
	if bad["status"] != "error" || bad["ename"] != "TestError" {
		t.Errorf("user_expressions[bad] = %v, want status error TestError", bad)
	}
}

func TestReset(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	newEngine, made := fakeEngines(release)
	s, c := startKernel(t, newEngine)
	first := s.engine.(*fakeEngine)

	reply, _ := c.execute("reset", nil)
	if got := content(t, reply)["status"]; got != "ok" {
		t.Errorf("reset: status = %v, want ok", got)
	}
	if made.Load() != 2 || !first.closed.Load() {
		t.Errorf("after reset: engines made = %d, first closed = %v; want 2 and true", made.Load(), first.closed.Load())
	}
	reply, _ = c.execute("value again", nil)
	if got := content(t, reply)["status"]; got != "ok" {
		t.Errorf("cell after reset: status = %v, want ok", got)
	}
}

func TestStreamsCoalesceAndKeepParent(t *testing.T) {
	_, c := startKernel(t, newFake(t))
	var code strings.Builder
	for i := range 200 {
		code.WriteString("print x\n")
		if i == 100 {
			code.WriteString("eprint warn\n")
		}
	}
	req := c.send(shellChannel, "execute_request", withCode(nil, code.String()))
	c.reply(shellChannel, req)
	var stdout, stderr string
	var streams int
	for _, m := range c.iopub(req) {
		if m.Header.MsgType != "stream" {
			continue
		}
		streams++
		got := content(t, m)
		if got["name"] == "stdout" {
			stdout += got["text"].(string)
		} else {
			stderr += got["text"].(string)
		}
	}
	if stdout != strings.Repeat("x", 200) || stderr != "warn" {
		t.Errorf("stdout = %q (%d bytes), stderr = %q; want 200 x and warn", stdout, len(stdout), stderr)
	}
	if streams > 10 {
		t.Errorf("%d stream messages for 201 quick writes, want them coalesced", streams)
	}
}

func TestInputRequest(t *testing.T) {
	_, c := startKernel(t, newFake(t))
	req := c.send(shellChannel, "execute_request", withCode(map[string]any{"allow_stdin": true}, "input Name?"))

	ir := c.reply(stdinChannel, req)
	if ir.Header.MsgType != "input_request" || content(t, ir)["prompt"] != "Name?" {
		t.Fatalf("stdin got %s %v, want input_request with prompt Name?", ir.Header.MsgType, content(t, ir))
	}
	answer, err := wire.NewMessage("input_reply", c.session, ir, map[string]any{"value": "Ada"})
	if err != nil {
		t.Fatal(err)
	}
	answer.Identities = nil
	c.sendFrames(stdinChannel, answer.Encode(c.signer))

	reply := c.reply(shellChannel, req)
	var result string
	for _, m := range c.iopub(req) {
		if m.Header.MsgType == "execute_result" {
			result, _ = content(t, m)["data"].(map[string]any)["text/plain"].(string)
		}
	}
	if content(t, reply)["status"] != "ok" || result != "Ada" {
		t.Errorf("status %v, result %q; want ok and Ada", content(t, reply)["status"], result)
	}

	reply, _ = c.execute("input Again?", map[string]any{"allow_stdin": false})
	if r := content(t, reply); r["status"] != "error" || !strings.Contains(errorText(r), "does not accept input") {
		t.Errorf("input with allow_stdin false: %v, want an error saying input is not accepted", r)
	}
}

func TestInputInterrupted(t *testing.T) {
	_, c := startKernel(t, newFake(t))
	req := c.send(shellChannel, "execute_request", withCode(map[string]any{"allow_stdin": true}, "input Wait?"))
	c.reply(stdinChannel, req)
	c.reply(controlChannel, c.send(controlChannel, "interrupt_request", map[string]any{}))
	r := content(t, c.reply(shellChannel, req))
	if r["status"] != "error" || r["ename"] != "KeyboardInterrupt" {
		t.Errorf("interrupted input: %v, want KeyboardInterrupt", r)
	}
}

// withCode returns an execute_request content with code and overrides.
func withCode(extra map[string]any, code string) map[string]any {
	body := map[string]any{
		"code": code, "silent": false, "store_history": true,
		"user_expressions": map[string]any{}, "allow_stdin": false, "stop_on_error": true,
	}
	for k, v := range extra {
		body[k] = v
	}
	return body
}
