package kernel

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tunebook/tunebook/kernel/wire"
)

// Options configures a kernel.
type Options struct {
	// NewEngine makes the engine that runs cells. It is called at start and
	// again after a cell asks for a reset. Required.
	NewEngine func(EngineConfig) (Engine, error)
	// Version is reported as implementation_version in kernel_info_reply.
	Version string
	// LogPath is the file Run appends its log to; "" logs to the standard
	// error the process started with (never to the notebook).
	LogPath string
	// LogLevel is the lowest level logged; the zero value is slog.LevelInfo.
	LogLevel slog.Level
	// InterruptGrace is how long a cell may take to stop after an
	// interrupt before the kernel replies without it; 0 means 2 s.
	InterruptGrace time.Duration
}

// defaultInterruptGrace leaves a stuck cell's reply well inside the 5 s a
// front end waits after an interrupt.
const defaultInterruptGrace = 2 * time.Second

// shellQueueSize bounds the shell requests waiting behind a running cell.
const shellQueueSize = 1024

// shutdownLinger lets the IOPub queue send the last messages before the
// sockets close; zmq4's PUB socket has no flush.
const shutdownLinger = 200 * time.Millisecond

// server is one running kernel.
type server struct {
	conn    wire.Connection
	signer  *wire.Signer
	session string
	opts    Options
	log     *slog.Logger
	socks   *sockets
	streams *streams
	cells   interrupter
	out     outputTarget
	stdin   stdinWaiter

	ctx  context.Context
	stop context.CancelFunc

	// engine is used by the shell goroutine and, while a cell runs, by
	// that cell's goroutine, which holds engineMu.
	engine   Engine
	engineMu sync.Mutex

	// Fields below belong to the shell goroutine.
	count        int
	history      history
	abortThrough uint64

	received atomic.Uint64 // shell requests received so far
}

// queued is a shell request with its arrival number.
type queued struct {
	msg *wire.Message
	seq uint64
}

// newServer binds the sockets of conn, starts the stream pumps and makes
// the engine. Ports of 0 in conn are replaced by the ports bound.
func newServer(ctx context.Context, conn wire.Connection, opts Options, logger *slog.Logger) (*server, error) {
	if opts.NewEngine == nil {
		return nil, errors.New("kernel: Options.NewEngine is nil")
	}
	if opts.InterruptGrace <= 0 {
		opts.InterruptGrace = defaultInterruptGrace
	}
	signer, err := conn.Signer()
	if err != nil {
		return nil, fmt.Errorf("kernel: %w", err)
	}

	s := &server{conn: conn, signer: signer, session: wire.NewID(), opts: opts, log: logger}
	s.ctx, s.stop = context.WithCancel(ctx)

	// The sockets outlive s.ctx so that the last replies get out; serve
	// closes them.
	zlog := slog.NewLogLogger(logger.Handler(), slog.LevelWarn)
	if s.socks, err = openSockets(context.Background(), &s.conn, zlog); err != nil {
		s.stop()
		return nil, err
	}
	if s.streams, err = newStreams(s.publishStream, logger); err != nil {
		s.socks.close()
		s.stop()
		return nil, err
	}
	if s.engine, err = opts.NewEngine(s.engineConfig()); err != nil {
		s.close()
		s.streams.close()
		return nil, fmt.Errorf("kernel: starting engine: %w", err)
	}
	return s, nil
}

func (s *server) engineConfig() EngineConfig {
	return EngineConfig{
		Stdout:    s.streams.stdout.w,
		Stderr:    s.streams.stderr.w,
		Logger:    s.log,
		Publisher: (*publisher)(s),
		Input:     s.readInput,
	}
}

// serve answers requests until ctx ends or a shutdown_request arrives.
func (s *server) serve() {
	s.publish(nil, "status", map[string]string{"execution_state": "starting"})

	shell := make(chan queued, shellQueueSize)
	var wg sync.WaitGroup
	wg.Go(func() { s.socks.heartbeat(s.ctx, s.log) })
	wg.Go(func() {
		s.receive(shellChannel, func(m *wire.Message) {
			select {
			case shell <- queued{m, s.received.Add(1)}:
			case <-s.ctx.Done():
			}
		})
	})
	wg.Go(func() { s.receive(controlChannel, func(m *wire.Message) { s.dispatch(controlChannel, m, 0) }) })
	wg.Go(func() { s.receive(stdinChannel, s.stdin.deliver) })
	wg.Go(func() {
		for {
			select {
			case q := <-shell:
				s.dispatch(shellChannel, q.msg, q.seq)
			case <-s.ctx.Done():
				return
			}
		}
	})

	<-s.ctx.Done()
	time.Sleep(shutdownLinger)
	s.socks.close()
	wg.Wait()
}

// receive reads messages from channel c, drops those that fail to decode
// or verify, and passes the rest to handle, until the server stops.
func (s *server) receive(c channel, handle func(*wire.Message)) {
	sock := s.socks.socket(c)
	for {
		zm, err := sock.Recv()
		if s.ctx.Err() != nil {
			return
		}
		if err != nil {
			s.log.Debug("receive", "channel", c, "err", err)
			continue
		}
		m, err := wire.Decode(zm.Frames, s.signer)
		if err != nil {
			s.log.Warn("dropping message", "channel", c, "err", err)
			continue
		}
		s.log.Debug("received", "channel", c, "type", m.Header.MsgType, "id", m.Header.MsgID)
		handle(m)
	}
}

// dispatch handles one request between busy and idle status messages. A
// panic in a handler is logged, never fatal.
func (s *server) dispatch(c channel, m *wire.Message, seq uint64) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("panic handling message", "channel", c, "type", m.Header.MsgType,
				"panic", r, "stack", string(debug.Stack()))
		}
	}()
	s.publish(m, "status", map[string]string{"execution_state": "busy"})
	defer s.publish(m, "status", map[string]string{"execution_state": "idle"})

	if c == shellChannel && m.Header.MsgType == "execute_request" && seq <= s.abortThrough {
		s.replyAborted(c, m)
		return
	}
	h, ok := s.handler(c, m.Header.MsgType)
	if !ok {
		s.log.Warn("unknown message type", "channel", c, "type", m.Header.MsgType)
		return
	}
	h(c, m)
}

// handler returns the handler for msgType on channel c.
func (s *server) handler(c channel, msgType string) (func(channel, *wire.Message), bool) {
	switch msgType {
	case "kernel_info_request":
		return s.handleKernelInfo, true
	case "shutdown_request":
		return s.handleShutdown, true
	case "interrupt_request":
		return s.handleInterrupt, true
	}
	if c != shellChannel {
		return nil, false
	}
	switch msgType {
	case "execute_request":
		return s.handleExecute, true
	case "complete_request":
		return s.handleComplete, true
	case "inspect_request":
		return s.handleInspect, true
	case "is_complete_request":
		return s.handleIsComplete, true
	case "history_request":
		return s.handleHistory, true
	case "comm_info_request":
		return s.handleCommInfo, true
	case "comm_open":
		return s.handleCommOpen, true
	case "comm_msg", "comm_close":
		return s.handleCommIgnored, true
	}
	return nil, false
}

// reply sends a reply of msgType to request m on the channel it came in on.
func (s *server) reply(c channel, m *wire.Message, msgType string, content any) {
	s.sendTo(c, m, msgType, content)
}

// replyAborted answers a request skipped after an error, as ipykernel does.
func (s *server) replyAborted(c channel, m *wire.Message) {
	s.log.Info("aborting queued request", "type", m.Header.MsgType, "id", m.Header.MsgID)
	s.reply(c, m, replyType(m.Header.MsgType), map[string]string{"status": "aborted"})
}

// publish broadcasts a message of msgType on IOPub with parent m (nil for
// none).
func (s *server) publish(parent *wire.Message, msgType string, content any) {
	s.sendTo(iopubChannel, parent, msgType, content)
}

func (s *server) sendTo(c channel, parent *wire.Message, msgType string, content any) {
	msg, err := wire.NewMessage(msgType, s.session, parent, content)
	if err != nil {
		s.log.Error("building message", "type", msgType, "err", err)
		return
	}
	if c == iopubChannel {
		msg.Identities = [][]byte{[]byte("kernel." + s.session + "." + msgType)}
	}
	if err := s.socks.send(c, msg.Encode(s.signer)); err != nil {
		s.log.Warn("sending message", "type", msgType, "err", err)
	}
}

// close releases the engine and the sockets. The stream pipes stay open:
// in a kernel process file descriptors 1 and 2 point at them until exit.
func (s *server) close() {
	s.stop()
	if s.engine != nil && s.engineMu.TryLock() {
		if err := s.engine.Close(); err != nil {
			s.log.Warn("closing engine", "err", err)
		}
		s.engineMu.Unlock()
	}
	s.socks.close()
}

// replyType maps "x_request" to "x_reply".
func replyType(requestType string) string {
	const suffix = "_request"
	if len(requestType) > len(suffix) && requestType[len(requestType)-len(suffix):] == suffix {
		return requestType[:len(requestType)-len(suffix)] + "_reply"
	}
	return requestType + "_reply"
}
