//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package kernel

import (
	"fmt"
	"os"
	"syscall"
)

// dupStderr returns a new file for the process's current standard error.
func dupStderr() (*os.File, error) {
	fd, err := syscall.Dup(2)
	if err != nil {
		return nil, fmt.Errorf("kernel: duplicating standard error: %w", err)
	}
	syscall.CloseOnExec(fd)
	return os.NewFile(uintptr(fd), "stderr"), nil
}

// redirectStdio points file descriptors 1 and 2 at stdout and stderr.
func redirectStdio(stdout, stderr *os.File) error {
	if err := dupOnto(int(stdout.Fd()), 1); err != nil {
		return fmt.Errorf("kernel: redirecting standard output: %w", err)
	}
	if err := dupOnto(int(stderr.Fd()), 2); err != nil {
		return fmt.Errorf("kernel: redirecting standard error: %w", err)
	}
	return nil
}
