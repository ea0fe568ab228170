package data_test

import (
	"fmt"
	"strings"

	"github.com/tunebook/tunebook/automl/data"
)

func Example() {
	const csv = "\xEF\xBB\xBF\"name\",glucose,outcome\r\n" +
		"ann,148,pos\r\n" +
		"\r\n" +
		"\"Bo, Jr.\",NA,neg\r\n" +
		"cy,85,neg\r\n"
	f, err := data.Read(strings.NewReader(csv), "patients.csv", data.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	glucose, _ := f.Column("glucose")
	fmt.Println(f.Names(), f.Rows, glucose.Kind, glucose.Missing)

	target, _ := f.Column("outcome")
	task, _ := data.InferTask(target)
	fmt.Println(task, target.Levels())

	_, err = data.Read(strings.NewReader("a,b\n1,2\n3\n"), "bad.csv", data.Options{})
	fmt.Println(err)
	// Output:
	// [name glucose outcome] 3 numeric [false true false]
	// binary [neg pos]
	// data: bad.csv: row 2 (line 3) has 1 fields, want 2 as in the header
}
