package kernel

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tunebook/tunebook/kernel/wire"
)

func TestKernelInfoOnEachChannel(t *testing.T) {
	_, c := startKernel(t, newFake(t))
	for _, ch := range []channel{shellChannel, controlChannel} {
		req := c.send(ch, "kernel_info_request", map[string]any{})
		reply := c.reply(ch, req)
		got := content(t, reply)

		if reply.Header.MsgType != "kernel_info_reply" {
			t.Errorf("%s: reply type = %s, want kernel_info_reply", ch, reply.Header.MsgType)
		}
		if got["status"] != "ok" || got["protocol_version"] != "5.3" || got["implementation"] != "tunebook" {
			t.Errorf("%s: reply = %v, want status ok, protocol 5.3, implementation tunebook", ch, got)
		}
		li, _ := got["language_info"].(map[string]any)
		for key, want := range map[string]string{
			"name": "go", "mimetype": "text/x-go", "file_extension": ".go",
			"codemirror_mode": "go", "pygments_lexer": "go",
		} {
			if li[key] != want {
				t.Errorf("%s: language_info[%s] = %v, want %q", ch, key, li[key], want)
			}
		}
		if reply.Header.Version != "5.3" || reply.Header.Session == c.session {
			t.Errorf("%s: reply header = %+v, want version 5.3 and the kernel's own session", ch, reply.Header)
		}
		if got := types(c.iopub(req)); !slices.Equal(got, []string{"status:busy", "status:idle"}) {
			t.Errorf("%s: IOPub = %v, want busy then idle", ch, got)
		}
	}
}

func TestBadSignatureDropped(t *testing.T) {
	_, c := startKernel(t, newFake(t))
	forged := c.newRequest("execute_request", map[string]any{"code": "print forged"})
	wrong, err := wire.NewSigner("hmac-sha256", "not-the-key")
	if err != nil {
		t.Fatal(err)
	}
	c.sendFrames(shellChannel, forged.Encode(wrong))

	unsigned := c.newRequest("kernel_info_request", map[string]any{})
	frames := unsigned.Encode(c.signer)
	frames[1] = nil
	c.sendFrames(shellChannel, frames)

	// The next signed request is answered, and nothing at all came back
	// for the two bad ones: no reply, no status, no output.
	ok := c.send(shellChannel, "kernel_info_request", map[string]any{})
	c.reply(shellChannel, ok)
	c.iopub(ok)
	for _, bad := range []*wire.Message{forged, unsigned} {
		if m := c.tryReply(shellChannel, bad, 100*time.Millisecond); m != nil {
			t.Errorf("reply %s to a badly signed %s, want none", m.Header.MsgType, bad.Header.MsgType)
		}
	}
	select {
	case m := <-c.in[iopubChannel]:
		t.Errorf("IOPub %s after a badly signed request, want nothing", m.Header.MsgType)
	case <-time.After(100 * time.Millisecond):
	}
}

func TestBadContentAnswered(t *testing.T) {
	_, c := startKernel(t, newFake(t))
	for _, msgType := range []string{"execute_request", "complete_request", "history_request"} {
		req := c.newRequest(msgType, nil)
		req.Content = []byte(`["not", "an", "object"]`)
		c.sendFrames(shellChannel, req.Encode(c.signer))
		r := content(t, c.reply(shellChannel, req))
		if r["status"] != "error" || r["ename"] != "ProtocolError" {
			t.Errorf("%s with bad content: reply %v, want status error, ProtocolError", msgType, r)
		}
		c.iopub(req)
	}
}

func TestUnknownRequestStillBusyIdle(t *testing.T) {
	_, c := startKernel(t, newFake(t))
	req := c.send(shellChannel, "debug_request", map[string]any{})
	if got := types(c.iopub(req)); !slices.Equal(got, []string{"status:busy", "status:idle"}) {
		t.Errorf("IOPub = %v, want busy then idle", got)
	}
	if m := c.tryReply(shellChannel, req, 100*time.Millisecond); m != nil {
		t.Errorf("reply %s to an unknown request, want none", m.Header.MsgType)
	}
}

func TestPanicInHandlerSurvives(t *testing.T) {
	_, c := startKernel(t, newFake(t))
	req := c.send(shellChannel, "complete_request", map[string]any{"code": "boom", "cursor_pos": 4})
	if got := types(c.iopub(req)); !slices.Equal(got, []string{"status:busy", "status:idle"}) {
		t.Errorf("IOPub around a panicking handler = %v, want busy then idle", got)
	}
	reply, _ := c.execute("value 2", nil)
	if got := content(t, reply)["status"]; got != "ok" {
		t.Errorf("execute after a handler panic: status = %v, want ok", got)
	}
}

func TestHeartbeat(t *testing.T) {
	_, c := startKernel(t, newFake(t))
	for i := range 3 {
		if !c.beat(time.Second) {
			t.Fatalf("heartbeat %d not echoed", i)
		}
	}
}

func TestShutdown(t *testing.T) {
	for _, restart := range []bool{false, true} {
		s, c := startKernel(t, newFake(t))
		req := c.send(controlChannel, "shutdown_request", map[string]any{"restart": restart})
		reply := content(t, c.reply(controlChannel, req))
		if reply["status"] != "ok" || reply["restart"] != restart {
			t.Errorf("shutdown_reply = %v, want status ok, restart %v", reply, restart)
		}
		var broadcast bool
		for _, m := range c.iopub(req) {
			broadcast = broadcast || m.Header.MsgType == "shutdown_reply"
		}
		if !broadcast {
			t.Errorf("restart=%v: no shutdown_reply on IOPub", restart)
		}
		select {
		case <-s.ctx.Done():
		case <-time.After(replyTimeout):
			t.Fatalf("restart=%v: kernel still running after shutdown_request", restart)
		}
	}
}

func TestIdentitiesRouteReplies(t *testing.T) {
	s, a := startKernel(t, newFake(t))
	b := dial(t, s.conn)

	ra := a.send(shellChannel, "kernel_info_request", map[string]any{})
	rb := b.send(shellChannel, "kernel_info_request", map[string]any{})
	a.reply(shellChannel, ra)
	b.reply(shellChannel, rb)
	if m := a.tryReply(shellChannel, rb, 100*time.Millisecond); m != nil {
		t.Error("client a received the reply meant for client b")
	}
}

func TestIPCTransport(t *testing.T) {
	conn := wire.Connection{
		Transport: "ipc", IP: filepath.Join(t.TempDir(), "kernel"),
		ShellPort: 1, IOPubPort: 2, StdinPort: 3, ControlPort: 4, HBPort: 5,
	}
	_, c := startKernelOn(t, conn, newFake(t))
	reply, iopub := c.execute("print over ipc\nvalue 1", nil)
	if got := content(t, reply)["status"]; got != "ok" {
		t.Errorf("execute over ipc: status = %v, want ok", got)
	}
	if got := types(iopub); len(got) != 5 {
		t.Errorf("IOPub over ipc = %v, want busy, input, stream, result, idle", got)
	}
	if !c.beat(time.Second) {
		t.Error("heartbeat over ipc not answered")
	}
}

func TestReplyType(t *testing.T) {
	tests := map[string]string{
		"execute_request":  "execute_reply",
		"complete_request": "complete_reply",
		"odd":              "odd_reply",
	}
	for in, want := range tests {
		if got := replyType(in); got != want {
			t.Errorf("replyType(%q) = %q, want %q", in, got, want)
		}
	}
}

// newFake returns a fake engine factory whose stuck cells are released when
// the test ends.
func newFake(t testing.TB) func(EngineConfig) (Engine, error) {
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	f, _ := fakeEngines(release)
	return f
}

// errorText joins ename, evalue and traceback of an error content.
func errorText(c map[string]any) string {
	var b strings.Builder
	b.WriteString(c["ename"].(string) + ": " + c["evalue"].(string))
	tb, _ := c["traceback"].([]any)
	for _, line := range tb {
		b.WriteString("\n" + line.(string))
	}
	return b.String()
}
