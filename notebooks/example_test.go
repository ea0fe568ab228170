package notebooks_test

import (
	"fmt"

	"github.com/tunebook/tunebook/notebooks"
)

func ExampleBuild() {
	src := "# Hello\n\nA first cell:\n\n```go\nx := 40 + 2\nx\n```\n\nThat was Go.\n"
	nb, err := notebooks.Build("00-hello", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("title:", nb.Metadata["title"])
	for _, c := range nb.Cells {
		fmt.Printf("%s %s %q\n", c.ID, c.Type, c.Source)
	}
	// Output:
	// title: Hello
	// nb00-01 markdown "# Hello\n\nA first cell:"
	// nb00-02 code "x := 40 + 2\nx"
	// nb00-03 markdown "That was Go."
}
