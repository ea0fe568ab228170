package kernel

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestInterruptRunningCell(t *testing.T) {
	_, c := startKernel(t, newFake(t))
	req := c.send(shellChannel, "execute_request", withCode(nil, "print started\nloop"))
	time.Sleep(200 * time.Millisecond)
	if !c.beat(time.Second) {
		t.Error("heartbeat not answered while a cell runs")
	}

	start := time.Now()
	ir := c.send(controlChannel, "interrupt_request", map[string]any{})
	if got := content(t, c.reply(controlChannel, ir))["status"]; got != "ok" {
		t.Errorf("interrupt_reply status = %v, want ok", got)
	}
	r := content(t, c.reply(shellChannel, req))
	if r["status"] != "error" || r["ename"] != "KeyboardInterrupt" {
		t.Errorf("interrupted cell reply = %v, want status error, ename KeyboardInterrupt", r)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("reply %v after the interrupt, want well under 1 s for a cell that stops", d)
	}
	var sawError bool
	for _, m := range c.iopub(req) {
		sawError = sawError || m.Header.MsgType == "error"
	}
	if !sawError {
		t.Error("no error message on IOPub for the interrupted cell")
	}

	reply, _ := c.execute("value alive", nil)
	if got := content(t, reply)["status"]; got != "ok" {
		t.Errorf("cell after interrupt: status = %v, want ok", got)
	}
}

func TestInterruptWithoutCell(t *testing.T) {
	_, c := startKernel(t, newFake(t))
	ir := c.send(controlChannel, "interrupt_request", map[string]any{})
	if got := content(t, c.reply(controlChannel, ir))["status"]; got != "ok" {
		t.Errorf("interrupt_reply with nothing running: status = %v, want ok", got)
	}
	reply, _ := c.execute("value 1", nil)
	if got := content(t, reply)["status"]; got != "ok" {
		t.Errorf("next cell: status = %v, want ok (a stale interrupt must not hit it)", got)
	}
}

func TestStuckCellStillAnswered(t *testing.T) {
	const grace = 300 * time.Millisecond
	_, c := startKernel(t, newFake(t), func(o *Options) { o.InterruptGrace = grace })
	req := c.send(shellChannel, "execute_request", withCode(nil, "stuck"))
	time.Sleep(100 * time.Millisecond)

	start := time.Now()
	c.reply(controlChannel, c.send(controlChannel, "interrupt_request", map[string]any{}))
	r := content(t, c.reply(shellChannel, req))
	if r["status"] != "error" || !strings.Contains(errorText(r), "restart") {
		t.Errorf("stuck cell reply = %v, want an error that says to restart", r)
	}
	if d := time.Since(start); d < grace || d > grace+2*time.Second {
		t.Errorf("stuck cell answered %v after the interrupt, want about %v", d, grace)
	}

	// The engine is still held: later cells fail at once, other requests
	// are answered.
	reply, _ := c.execute("value 1", nil)
	if r := content(t, reply); r["status"] != "error" || r["ename"] != "KernelBusy" {
		t.Errorf("cell while stuck: %v, want KernelBusy error", r)
	}
	ic := c.send(shellChannel, "is_complete_request", map[string]any{"code": "x"})
	if got := content(t, c.reply(shellChannel, ic))["status"]; got != "unknown" {
		t.Errorf("is_complete while stuck: %v, want unknown", got)
	}
	if !c.beat(time.Second) {
		t.Error("heartbeat not answered while stuck")
	}
}

// TestK07KernelSide replays the steps of case k07-interrupt-infinite-loop
// with fake cells that behave like the Go ones towards the kernel: the
// loops and the blocked receive stop when cancelled, the self-deadlock does
// not. The Go cells themselves run in the integration test.
func TestK07KernelSide(t *testing.T) {
	var steps []struct {
		Code           string   `json:"code"`
		InterruptAfter *float64 `json:"interrupt_after_s"`
	}
	var expected struct {
		Cells []struct {
			Status             string   `json:"status"`
			ErrorContainsAny   []string `json:"error_contains_any"`
			MaxSecondsAfterInt float64  `json:"max_seconds_after_interrupt"`
		} `json:"cells"`
	}
	readJSON(t, filepath.Join("testdata", "cases", "k07", "steps.json"), &steps)
	readJSON(t, filepath.Join("testdata", "cases", "k07", "expected.json"), &expected)

	fake := func(code string) string {
		switch {
		case strings.Contains(code, "mu.Lock()"):
			return "stuck"
		case strings.Contains(code, "for {"), strings.Contains(code, "<-ch"):
			return "loop"
		}
		return "value ok"
	}
	// The mutex cell stays stuck and holds the engine; releasing it (as a
	// restart would) lets the last cell run.
	release := make(chan struct{})
	newEngine, _ := fakeEngines(release)
	_, c := startKernel(t, newEngine, func(o *Options) { o.InterruptGrace = time.Second })

	for i, st := range steps {
		want := expected.Cells[i]
		req := c.send(shellChannel, "execute_request", withCode(nil, fake(st.Code)))
		var interruptedAt time.Time
		if st.InterruptAfter != nil {
			time.Sleep(time.Duration(*st.InterruptAfter * float64(time.Second)))
			interruptedAt = time.Now()
			c.reply(controlChannel, c.send(controlChannel, "interrupt_request", map[string]any{}))
		}
		r := content(t, c.reply(shellChannel, req))
		c.iopub(req)
		if !c.beat(time.Second) {
			t.Errorf("cell %d: heartbeat not answered", i+1)
		}

		if r["status"] != want.Status {
			t.Errorf("cell %d %q: status = %v, want %s", i+1, st.Code, r["status"], want.Status)
		}
		if want.Status == "error" && !containsAny(errorText(r), want.ErrorContainsAny) {
			t.Errorf("cell %d: error %q, want one containing any of %q", i+1, errorText(r), want.ErrorContainsAny)
		}
		if !interruptedAt.IsZero() && time.Since(interruptedAt).Seconds() > want.MaxSecondsAfterInt {
			t.Errorf("cell %d: reply %v after the interrupt, want at most %vs", i+1, time.Since(interruptedAt), want.MaxSecondsAfterInt)
		}
		if strings.Contains(st.Code, "mu.Lock()") {
			close(release)
			time.Sleep(50 * time.Millisecond)
		}
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
