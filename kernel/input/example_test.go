package input_test

import (
	"fmt"

	"github.com/tunebook/tunebook/kernel/input"
)

func ExampleRead() {
	// The kernel installs a reader that asks the front end; this one answers
	// every prompt itself.
	input.SetReader(func(prompt string, password bool) (string, error) {
		return "Ada", nil
	})
	defer input.SetReader(nil)

	name, err := input.Read("Your name: ")
	if err != nil {
		panic(err)
	}
	fmt.Println("Hello,", name)
	// Output: Hello, Ada
}
