// Package tutorials holds tunebook's tutorials (the Markdown files in this
// directory, listed in README.md) and the test that runs them.
//
// The package has no API. Its test extracts the fenced code blocks of every
// tutorial and runs them: ```sh blocks with bash in a directory that looks
// like a fresh clone and a freshly built tunebook on PATH, ```go blocks as
// programs built inside the module, and ```go cell blocks as notebook cells
// in one session of the kernel's interpreter (package kernel/repl). An HTML
// comment <!-- expect: TEXT --> after a block requires TEXT in its output.
// README.md documents the fences.
package tutorials
