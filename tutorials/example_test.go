package tutorials

import "fmt"

// Example shows how the test reads a tutorial: each fenced block with its
// info string, what the test does with it, and the expected output.
func Example() {
	doc := "Run the search:\n\n" +
		"```sh\ntunebook search --data datasets/iris.csv --target target\n```\n\n" +
		"<!-- expect: Leaderboard -->\n\n" +
		"A cell:\n\n```go cell\nx := 41\nx + 1\n```\n\n" +
		"Sample output:\n\n```text\n42\n```\n"
	blocks, err := parseBlocks("doc.md", doc)
	if err != nil {
		fmt.Println(err)
		return
	}
	names := map[kind]string{shellBlock: "run with bash", programBlock: "build and run",
		cellBlock: "run in the kernel session", shownBlock: "shown only"}
	for _, b := range blocks {
		k, err := b.kind()
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("line %d: %s, %s, expect %q\n", b.line, b.lang, names[k], b.expect)
	}
	// Output:
	// line 3: sh, run with bash, expect ["Leaderboard"]
	// line 11: go, run in the kernel session, expect []
	// line 18: text, shown only, expect []
}
