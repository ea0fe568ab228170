package main

import (
	"errors"
	"flag"
	"fmt"

	"github.com/tunebook/tunebook/kernel"
)

func init() {
	register("install", "install the Jupyter kernelspec of the Go kernel", runInstall)
}

// runInstall implements "tunebook install [--user | --prefix DIR] [--name NAME]".
func runInstall(args []string) error {
	fs := flag.NewFlagSet("install", flag.ContinueOnError)
	user := fs.Bool("user", false, "install for the current user ($JUPYTER_DATA_DIR or ~/.local/share/jupyter)")
	prefix := fs.String("prefix", "", "install into `dir`/share/jupyter/kernels (e.g. a virtual environment)")
	name := fs.String("name", kernel.DefaultKernelName, "kernelspec `name`")
	displayName := fs.String("display-name", "Go (tunebook)", "`name` shown by Jupyter")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: tunebook install [--user | --prefix DIR] [--name NAME] [--display-name NAME]")
		fmt.Fprintln(fs.Output(), "\nWrites the kernelspec that lets Jupyter run Go cells with this binary.")
		fmt.Fprintln(fs.Output(), "Without --user or --prefix it installs system-wide (/usr/local/share/jupyter/kernels).")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if *user && *prefix != "" {
		return errors.New("--user and --prefix exclude each other")
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}

	dir, err := kernel.Install(kernel.InstallOptions{
		Name: *name, User: *user, Prefix: *prefix, DisplayName: *displayName,
	})
	if err != nil {
		return err
	}
	fmt.Printf("Installed kernelspec %s in %s\n", *name, dir)
	return nil
}
