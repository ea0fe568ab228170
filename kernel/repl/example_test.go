package repl_test

import (
	"context"
	"fmt"

	"github.com/tunebook/tunebook/kernel/repl"
)

func Example() {
	s, err := repl.New(repl.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	ctx := context.Background()

	// One cell mixing an import, a type, statements and a final value.
	res, err := s.Execute(ctx, "import \"fmt\"\ntype Point struct{ X, Y int }\np := Point{1, 2}\nfmt.Printf(\"%T\\n\", p)\np")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Data["text/plain"])

	// Later cells see the earlier state; errors point into the cell.
	_, err = s.Execute(ctx, "q := p\nq.Z")
	fmt.Println(err)
	// Output:
	// main.Point
	// {1 2}
	// CompileError: 2:1: undefined selector: Z
}
