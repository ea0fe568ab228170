//go:build !(linux || darwin || dragonfly || freebsd || netbsd || openbsd)

package kernel

import (
	"errors"
	"os"
)

// errNoStdio says why Run cannot capture output on this system.
var errNoStdio = errors.New("kernel: capturing standard output needs a Unix system")

func dupStderr() (*os.File, error) { return nil, errNoStdio }

func redirectStdio(stdout, stderr *os.File) error { return errNoStdio }
