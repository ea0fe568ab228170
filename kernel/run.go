package kernel

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"runtime/debug"

	"github.com/tunebook/tunebook/kernel/wire"
)

// Run serves the kernel described by connectionFile until a
// shutdown_request arrives or ctx ends, and returns nil then.
//
// Run takes over the process's standard output and error: file descriptors
// 1 and 2 become pipes whose text reaches the notebook as stream messages
// of the running cell, from fmt.Println in a cell as much as from compiled
// code writing to os.Stdout. The kernel's own log goes to opts.LogPath or
// to the standard error the process started with, as does the trace of a
// fatal crash. SIGINT interrupts the running cell instead of ending the
// process.
func Run(ctx context.Context, connectionFile string, opts Options) error {
	conn, err := wire.ReadConnectionFile(connectionFile)
	if err != nil {
		return err
	}
	logOut, err := openLog(opts.LogPath)
	if err != nil {
		return err
	}
	defer logOut.Close()
	if err := debug.SetCrashOutput(logOut, debug.CrashOptions{}); err != nil {
		return fmt.Errorf("kernel: setting crash output: %w", err)
	}
	logger := slog.New(slog.NewTextHandler(logOut, &slog.HandlerOptions{Level: opts.LogLevel}))

	s, err := newServer(ctx, conn, opts, logger)
	if err != nil {
		return err
	}
	defer s.close()
	if err := redirectStdio(s.streams.stdout.w, s.streams.stderr.w); err != nil {
		return err
	}
	go s.watchSignals(s.ctx)

	logger.Info("kernel started", "connection_file", connectionFile, "session", s.session)
	s.serve()
	logger.Info("kernel stopped")
	return nil
}

// openLog opens the log file at path for appending, or duplicates the
// standard error the process started with when path is "", so that the
// log does not follow file descriptor 2 into the notebook.
func openLog(path string) (*os.File, error) {
	if path != "" {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
		if err != nil {
			return nil, fmt.Errorf("kernel: opening log file: %w", err)
		}
		return f, nil
	}
	return dupStderr()
}
