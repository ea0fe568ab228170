package symbols_test

import (
	"fmt"

	"github.com/tunebook/tunebook/kernel/symbols"
)

func ExampleLookup() {
	doc, ok := symbols.Lookup("gonum.org/v1/gonum/mat", "NewDense")
	fmt.Println(ok)
	fmt.Println(doc.Signature)
	_, ok = symbols.Symbols["gonum.org/v1/gonum/mat/mat"]["NewDense"]
	fmt.Println(ok)
	// Output:
	// true
	// func NewDense(r, c int, data []float64) *Dense
	// true
}
