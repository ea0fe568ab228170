package display_test

import (
	"fmt"

	"github.com/tunebook/tunebook/kernel/display"
)

// Score has an HTML representation, so notebooks show it as a table.
type Score struct{ Name string }

func (s Score) HTML() string { return "<b>" + s.Name + "</b>" }

func Example() {
	b, rich := display.MIMEOf(Score{"auc"})
	fmt.Println(rich, b.Data["text/html"])

	// Without a kernel, outputs are printed as text.
	display.Markdown("**done**")
	// Output:
	// true <b>auc</b>
	// **done**
}
