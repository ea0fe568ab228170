package browser_test

import (
	"fmt"
	"strings"

	"github.com/tunebook/tunebook/internal/browser"
)

// A browser test renders a page with Render, then inspects elements of the
// DOM, here whether ECharts drew into a chart's container.
func ExampleStartTag() {
	dom := `<body><div id="chart-1" _echarts_instance_="ec_17"><canvas></canvas></div></body>`

	tag := browser.StartTag(dom, "chart-1")
	fmt.Println(tag)
	fmt.Println(strings.Contains(tag, "_echarts_instance_"))
	// Output:
	// <div id="chart-1" _echarts_instance_="ec_17">
	// true
}
