package kernel

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"

	"github.com/tunebook/tunebook/kernel/wire"
)

// replyTimeout bounds every wait for a message in these tests.
const replyTimeout = 10 * time.Second

// testClient is a Jupyter front end speaking zmq4 to an in-process kernel,
// like jupyter_client: DEALER sockets sharing one identity for shell,
// control and stdin, SUB for IOPub and REQ for the heartbeat.
type testClient struct {
	t       testing.TB
	signer  *wire.Signer
	session string
	socks   map[channel]zmq4.Socket
	hb      zmq4.Socket
	in      map[channel]chan *wire.Message
}

// startKernel runs a kernel with a fake engine made by newEngine and
// returns it with a connected client. Options may adjust opts.
func startKernel(t testing.TB, newEngine func(EngineConfig) (Engine, error), adjust ...func(*Options)) (*server, *testClient) {
	t.Helper()
	conn := wire.Connection{Transport: "tcp", IP: "127.0.0.1", SignatureScheme: "hmac-sha256", Key: wire.NewID()}
	return startKernelOn(t, conn, newEngine, adjust...)
}

// startKernelOn is startKernel with the sockets of conn.
func startKernelOn(t testing.TB, conn wire.Connection, newEngine func(EngineConfig) (Engine, error), adjust ...func(*Options)) (*server, *testClient) {
	t.Helper()
	opts := Options{NewEngine: newEngine, Version: "test"}
	for _, f := range adjust {
		f(&opts)
	}
	logger := slog.New(slog.NewTextHandler(testLogWriter(t), &slog.HandlerOptions{Level: slog.LevelDebug}))
	s, err := newServer(context.Background(), conn, opts, logger)
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan struct{})
	go func() {
		defer close(served)
		s.serve()
	}()
	t.Cleanup(func() {
		s.stop()
		<-served
		s.close()
		s.streams.close()
	})
	return s, dial(t, s.conn)
}

// testLogWriter sends the kernel's log to the test log when -v is given.
func testLogWriter(t testing.TB) io.Writer {
	if testing.Verbose() {
		return os.Stderr
	}
	return io.Discard
}

// dial connects a client to the kernel of conn and waits until IOPub
// delivers, as jupyter_client's wait_for_ready does.
func dial(t testing.TB, conn wire.Connection) *testClient {
	t.Helper()
	signer, err := conn.Signer()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	session := wire.NewID()
	id := zmq4.WithID(zmq4.SocketIdentity(session))
	c := &testClient{
		t: t, signer: signer, session: session,
		socks: map[channel]zmq4.Socket{
			shellChannel:   zmq4.NewDealer(ctx, id),
			controlChannel: zmq4.NewDealer(ctx, id),
			stdinChannel:   zmq4.NewDealer(ctx, id),
			iopubChannel:   zmq4.NewSub(ctx),
		},
		hb: zmq4.NewReq(ctx),
		in: map[channel]chan *wire.Message{},
	}
	ports := map[channel]int{
		shellChannel: conn.ShellPort, controlChannel: conn.ControlPort,
		stdinChannel: conn.StdinPort, iopubChannel: conn.IOPubPort,
	}
	for ch, sock := range c.socks {
		if err := sock.Dial(conn.Endpoint(ports[ch])); err != nil {
			t.Fatalf("dialing %s: %v", ch, err)
		}
		c.in[ch] = make(chan *wire.Message, 4096)
		go c.read(ch, sock)
	}
	if err := c.socks[iopubChannel].SetOption(zmq4.OptionSubscribe, ""); err != nil {
		t.Fatal(err)
	}
	if err := c.hb.Dial(conn.Endpoint(conn.HBPort)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, sock := range c.socks {
			sock.Close()
		}
		c.hb.Close()
	})
	c.waitReady()
	return c
}

func (c *testClient) read(ch channel, sock zmq4.Socket) {
	for {
		zm, err := sock.Recv()
		if err != nil {
			return
		}
		m, err := wire.Decode(zm.Frames, c.signer)
		if err != nil {
			c.t.Errorf("client on %s: %v", ch, err)
			return
		}
		c.in[ch] <- m
	}
}

// waitReady repeats kernel_info_request until its reply and an IOPub
// message arrive, then drains IOPub.
func (c *testClient) waitReady() {
	deadline := time.Now().Add(replyTimeout)
	for time.Now().Before(deadline) {
		req := c.send(shellChannel, "kernel_info_request", map[string]any{})
		if c.tryReply(shellChannel, req, time.Second) == nil {
			continue
		}
		select {
		case <-c.in[iopubChannel]:
			time.Sleep(50 * time.Millisecond)
			c.drainIOPub()
			return
		case <-time.After(200 * time.Millisecond):
		}
	}
	c.t.Fatal("kernel not ready: no kernel_info_reply with IOPub traffic")
}

func (c *testClient) drainIOPub() {
	for {
		select {
		case <-c.in[iopubChannel]:
		default:
			return
		}
	}
}

// newRequest builds a request of msgType from this client's session.
func (c *testClient) newRequest(msgType string, content any) *wire.Message {
	m, err := wire.NewMessage(msgType, c.session, nil, content)
	if err != nil {
		c.t.Fatal(err)
	}
	m.Header.Username = "tester"
	return m
}

// send signs and sends a request on ch and returns it.
func (c *testClient) send(ch channel, msgType string, content any) *wire.Message {
	m := c.newRequest(msgType, content)
	c.sendFrames(ch, m.Encode(c.signer))
	return m
}

func (c *testClient) sendFrames(ch channel, frames [][]byte) {
	if err := c.socks[ch].Send(zmq4.NewMsgFrom(frames...)); err != nil {
		c.t.Fatalf("sending on %s: %v", ch, err)
	}
}

// reply waits for the reply to req on ch.
func (c *testClient) reply(ch channel, req *wire.Message) *wire.Message {
	c.t.Helper()
	m := c.tryReply(ch, req, replyTimeout)
	if m == nil {
		c.t.Fatalf("no reply to %s on %s within %v", req.Header.MsgType, ch, replyTimeout)
	}
	return m
}

// tryReply waits up to d for the reply to req on ch, nil if none came.
// Messages with another parent are skipped.
func (c *testClient) tryReply(ch channel, req *wire.Message, d time.Duration) *wire.Message {
	timeout := time.After(d)
	for {
		select {
		case m := <-c.in[ch]:
			if parentID(m) == req.Header.MsgID {
				return m
			}
		case <-timeout:
			return nil
		}
	}
}

// iopub returns the IOPub messages whose parent is req, from its busy
// status up to and including its idle status.
func (c *testClient) iopub(req *wire.Message) []*wire.Message {
	c.t.Helper()
	var got []*wire.Message
	timeout := time.After(replyTimeout)
	for {
		select {
		case m := <-c.in[iopubChannel]:
			if parentID(m) != req.Header.MsgID {
				continue
			}
			got = append(got, m)
			if m.Header.MsgType == "status" && content(c.t, m)["execution_state"] == "idle" {
				return got
			}
		case <-timeout:
			c.t.Fatalf("no idle status for %s within %v; got %s", req.Header.MsgType, replyTimeout, types(got))
			return nil
		}
	}
}

// execute sends an execute_request with content overrides and returns its
// reply and IOPub messages.
func (c *testClient) execute(code string, extra map[string]any) (*wire.Message, []*wire.Message) {
	c.t.Helper()
	body := map[string]any{
		"code": code, "silent": false, "store_history": true,
		"user_expressions": map[string]any{}, "allow_stdin": false, "stop_on_error": true,
	}
	for k, v := range extra {
		body[k] = v
	}
	req := c.send(shellChannel, "execute_request", body)
	return c.reply(shellChannel, req), c.iopub(req)
}

// beat sends one heartbeat and reports whether it came back within d.
func (c *testClient) beat(d time.Duration) bool {
	done := make(chan bool, 1)
	go func() {
		if err := c.hb.Send(zmq4.NewMsgString("ping")); err != nil {
			done <- false
			return
		}
		m, err := c.hb.Recv()
		done <- err == nil && string(m.Bytes()) == "ping"
	}()
	select {
	case ok := <-done:
		return ok
	case <-time.After(d):
		return false
	}
}

func parentID(m *wire.Message) string {
	var h wire.Header
	if err := json.Unmarshal(m.ParentHeader, &h); err != nil {
		return ""
	}
	return h.MsgID
}

// content decodes the content of m into a map.
func content(t testing.TB, m *wire.Message) map[string]any {
	t.Helper()
	var v map[string]any
	if err := m.DecodeContent(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// types lists the message types of ms, for failure messages.
func types(ms []*wire.Message) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Header.MsgType
		if m.Header.MsgType == "status" {
			var c struct {
				State string `json:"execution_state"`
			}
			if m.DecodeContent(&c) == nil {
				out[i] += ":" + c.State
			}
		}
	}
	return out
}
