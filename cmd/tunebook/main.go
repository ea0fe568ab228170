// Command tunebook searches neural-network architectures and hyperparameters
// for tabular data, writes HTML reports, and runs the Go kernel for Jupyter.
//
// Usage:
//
//	tunebook <command> [flags]
//
// Run "tunebook help" for the list of commands.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
)

// command is one subcommand of the tunebook binary.
type command struct {
	summary string
	run     func(args []string) error
}

// commands holds every subcommand by name; each file registers its own in init.
var commands = map[string]command{}

func register(name, summary string, run func(args []string) error) {
	commands[name] = command{summary: summary, run: run}
}

func main() {
	if len(os.Args) < 2 {
		usage(os.Stderr)
		os.Exit(2)
	}
	name := os.Args[1]
	if name == "help" || name == "-h" || name == "--help" {
		usage(os.Stdout)
		return
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(os.Stderr, "tunebook: unknown command %q\n\n", name)
		usage(os.Stderr)
		os.Exit(2)
	}
	err := cmd.run(os.Args[2:])
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "tunebook %s: %v\n", name, err)
		os.Exit(1)
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "tunebook: AutoML for tabular data and a Go kernel for Jupyter.")
	fmt.Fprintln(w, "\nUsage: tunebook <command> [flags]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-9s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun \"tunebook <command> -h\" for the flags of a command.")
}
