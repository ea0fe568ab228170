package plots

import (
	"encoding/json"
	"regexp"
	"testing"
)

// optionOf returns the chart's option decoded into generic JSON values.
func optionOf(t *testing.T, c *Chart) map[string]any {
	t.Helper()
	raw, err := c.MarshalOption()
	if err != nil {
		t.Fatalf("MarshalOption: %v", err)
	}
	var option map[string]any
	if err := json.Unmarshal(raw, &option); err != nil {
		t.Fatalf("the option is not JSON: %v\n%s", err, raw)
	}
	return option
}

// seriesOf returns the option's series.
func seriesOf(t *testing.T, option map[string]any) []map[string]any {
	t.Helper()
	list, _ := option["series"].([]any)
	out := make([]map[string]any, len(list))
	for i, s := range list {
		out[i], _ = s.(map[string]any)
	}
	return out
}

// valuesOf returns the values of a series' data items, unwrapping
// {"value": v} objects.
func valuesOf(series map[string]any) []any {
	data, _ := series["data"].([]any)
	out := make([]any, len(data))
	for i, d := range data {
		if m, ok := d.(map[string]any); ok {
			out[i] = m["value"]
		} else {
			out[i] = d
		}
	}
	return out
}

// subtitleOf returns the option's subtitle.
func subtitleOf(option map[string]any) string {
	title, _ := option["title"].(map[string]any)
	s, _ := title["subtext"].(string)
	return s
}

var elementID = regexp.MustCompile(`<div class="tunebook-chart" id="([^"]+)"`)

// idsOf returns the chart container ids in an HTML fragment or page.
func idsOf(html string) []string {
	var ids []string
	for _, m := range elementID.FindAllStringSubmatch(html, -1) {
		ids = append(ids, m[1])
	}
	return ids
}
