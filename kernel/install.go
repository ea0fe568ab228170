package kernel

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
)

// DefaultKernelName is the kernelspec name Install uses by default.
const DefaultKernelName = "tunebook-go"

// InstallOptions says where and how Install writes the kernelspec.
type InstallOptions struct {
	// Name is the kernelspec's directory name; "" means DefaultKernelName.
	Name string
	// User installs for the current user: $JUPYTER_DATA_DIR/kernels, or
	// ~/.local/share/jupyter/kernels (~/Library/Jupyter/kernels on macOS).
	User bool
	// Prefix installs into PREFIX/share/jupyter/kernels, for example a
	// virtual environment's prefix. It takes precedence over User.
	Prefix string
	// Executable is the tunebook binary the kernelspec runs; "" means the
	// running executable. It is made absolute.
	Executable string
	// DisplayName is the name front ends show; "" means "Go (tunebook)".
	DisplayName string
}

// kernelNamePattern is the set of names jupyter_client accepts.
var kernelNamePattern = regexp.MustCompile(`^[a-zA-Z0-9._-]+$`)

// kernelSpec is the content of kernel.json.
type kernelSpec struct {
	Argv          []string       `json:"argv"`
	DisplayName   string         `json:"display_name"`
	Language      string         `json:"language"`
	InterruptMode string         `json:"interrupt_mode"`
	Metadata      map[string]any `json:"metadata"`
}

// Install writes a kernelspec directory with kernel.json and 32×32 and
// 64×64 logos, and returns its path. Without User or Prefix it installs
// system-wide like "jupyter kernelspec install": /usr/local/share/jupyter/
// kernels on Unix, which usually needs root. An existing kernelspec of the
// same name is overwritten.
//
// kernel.json starts "EXECUTABLE kernel --connection-file
// {connection_file}" and asks for interrupt_mode "message": interrupts
// arrive as interrupt_request on the control channel (the kernel also
// handles SIGINT).
func Install(opts InstallOptions) (string, error) {
	if opts.Name == "" {
		opts.Name = DefaultKernelName
	}
	if !kernelNamePattern.MatchString(opts.Name) {
		return "", fmt.Errorf("kernel: install: kernel name %q: use only letters, digits, '.', '_' and '-'", opts.Name)
	}
	if opts.DisplayName == "" {
		opts.DisplayName = "Go (tunebook)"
	}
	exe, err := executable(opts.Executable)
	if err != nil {
		return "", err
	}
	root, err := kernelsDir(opts)
	if err != nil {
		return "", err
	}

	dir := filepath.Join(root, opts.Name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("kernel: install: %w", err)
	}
	spec := kernelSpec{
		Argv:          []string{exe, "kernel", "--connection-file", "{connection_file}"},
		DisplayName:   opts.DisplayName,
		Language:      "go",
		InterruptMode: "message",
		Metadata:      map[string]any{"debugger": false},
	}
	data, err := json.MarshalIndent(spec, "", "  ")
	if err != nil {
		return "", fmt.Errorf("kernel: install: encoding kernel.json: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "kernel.json"), append(data, '\n'), 0o644); err != nil {
		return "", fmt.Errorf("kernel: install: %w", err)
	}
	for _, size := range []int{32, 64} {
		path := filepath.Join(dir, fmt.Sprintf("logo-%dx%d.png", size, size))
		if err := writeLogo(path, size); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// executable returns path made absolute, or the running executable.
func executable(path string) (string, error) {
	if path == "" {
		exe, err := os.Executable()
		if err != nil {
			return "", fmt.Errorf("kernel: install: finding the tunebook executable: %w", err)
		}
		path = exe
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("kernel: install: executable %s: %w", path, err)
	}
	return abs, nil
}

// kernelsDir returns the kernels directory that opts select, following
// jupyter_core's paths.
func kernelsDir(opts InstallOptions) (string, error) {
	switch {
	case opts.Prefix != "":
		return filepath.Join(opts.Prefix, "share", "jupyter", "kernels"), nil
	case opts.User:
		if d := os.Getenv("JUPYTER_DATA_DIR"); d != "" {
			return filepath.Join(d, "kernels"), nil
		}
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("kernel: install --user: %w", err)
		}
		switch runtime.GOOS {
		case "darwin":
			return filepath.Join(home, "Library", "Jupyter", "kernels"), nil
		case "windows":
			return filepath.Join(os.Getenv("APPDATA"), "jupyter", "kernels"), nil
		}
		if xdg := os.Getenv("XDG_DATA_HOME"); xdg != "" {
			return filepath.Join(xdg, "jupyter", "kernels"), nil
		}
		return filepath.Join(home, ".local", "share", "jupyter", "kernels"), nil
	case runtime.GOOS == "windows":
		return filepath.Join(os.Getenv("PROGRAMDATA"), "jupyter", "kernels"), nil
	default:
		return "/usr/local/share/jupyter/kernels", nil
	}
}
