package kernel_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/tunebook/tunebook/kernel"
)

// Install a kernelspec into a prefix, as "tunebook install --prefix DIR"
// does, and list what it wrote.
func ExampleInstall() {
	prefix, err := os.MkdirTemp("", "tunebook-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(prefix)

	dir, err := kernel.Install(kernel.InstallOptions{Prefix: prefix, Executable: "/opt/tunebook/bin/tunebook"})
	if err != nil {
		panic(err)
	}
	rel, _ := filepath.Rel(prefix, dir)
	fmt.Println(filepath.ToSlash(rel))
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		fmt.Println(e.Name())
	}
	// Output:
	// share/jupyter/kernels/tunebook-go
	// kernel.json
	// logo-32x32.png
	// logo-64x64.png
}
