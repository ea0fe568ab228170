package kernel

import (
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestInstall(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("JUPYTER_DATA_DIR", filepath.Join(tmp, "data"))
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", filepath.Join(tmp, "home"))
	exe := filepath.Join(tmp, "bin", "tunebook")

	tests := []struct {
		name    string
		opts    InstallOptions
		wantDir string
	}{
		{"prefix", InstallOptions{Prefix: filepath.Join(tmp, "venv"), Executable: exe},
			filepath.Join(tmp, "venv", "share", "jupyter", "kernels", "tunebook-go")},
		{"prefix wins over user", InstallOptions{Prefix: filepath.Join(tmp, "p2"), User: true, Executable: exe, Name: "go"},
			filepath.Join(tmp, "p2", "share", "jupyter", "kernels", "go")},
		{"user with JUPYTER_DATA_DIR", InstallOptions{User: true, Executable: exe, Name: "gotest"},
			filepath.Join(tmp, "data", "kernels", "gotest")},
	}
	for _, tt := range tests {
		dir, err := Install(tt.opts)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if dir != tt.wantDir {
			t.Errorf("%s: dir = %s, want %s", tt.name, dir, tt.wantDir)
		}

		var spec kernelSpec
		data, err := os.ReadFile(filepath.Join(dir, "kernel.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &spec); err != nil {
			t.Fatal(err)
		}
		wantArgv := []string{exe, "kernel", "--connection-file", "{connection_file}"}
		if !slices.Equal(spec.Argv, wantArgv) || spec.Language != "go" ||
			spec.InterruptMode != "message" || spec.DisplayName != "Go (tunebook)" {
			t.Errorf("%s: kernel.json = %+v, want argv %q, language go, interrupt_mode message", tt.name, spec, wantArgv)
		}
		for _, size := range []int{32, 64} {
			checkLogo(t, filepath.Join(dir, fmt.Sprintf("logo-%dx%d.png", size, size)), size)
		}
	}
}

func TestInstallUserDefault(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("JUPYTER_DATA_DIR", "")
	t.Setenv("XDG_DATA_HOME", "")
	dir, err := Install(InstallOptions{User: true, Executable: "tunebook"})
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(home, ".local", "share", "jupyter", "kernels", DefaultKernelName)
	if dir != want {
		t.Errorf("dir = %s, want %s", dir, want)
	}
	data, err := os.ReadFile(filepath.Join(dir, "kernel.json"))
	if err != nil {
		t.Fatal(err)
	}
	var spec kernelSpec
	if err := json.Unmarshal(data, &spec); err != nil {
		t.Fatal(err)
	}
	if !filepath.IsAbs(spec.Argv[0]) {
		t.Errorf("argv[0] = %q, want an absolute path", spec.Argv[0])
	}
}

func TestInstallBadName(t *testing.T) {
	_, err := Install(InstallOptions{Prefix: t.TempDir(), Name: "no spaces/here"})
	if err == nil || !strings.Contains(err.Error(), "no spaces/here") {
		t.Errorf("error = %v, want one naming the bad kernel name", err)
	}
}

func checkLogo(t *testing.T, path string, size int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if b := img.Bounds(); b.Dx() != size || b.Dy() != size {
		t.Errorf("%s: %dx%d, want %dx%d", path, b.Dx(), b.Dy(), size, size)
	}
	// The corner is transparent, the centre opaque.
	if _, _, _, a := img.At(0, 0).RGBA(); a != 0 {
		t.Errorf("%s: corner alpha = %d, want 0", path, a)
	}
	if _, _, _, a := img.At(size/2, size/2).RGBA(); a != 0xffff {
		t.Errorf("%s: centre alpha = %d, want opaque", path, a)
	}
}
