package main

import (
	"fmt"
	"os"

	"github.com/tunebook/tunebook/automl"
	"github.com/tunebook/tunebook/plots"
)

// assetsFrom chooses where reports get ECharts from: a local file to
// inline, else a URL, else the defaults (environment, then a public CDN).
func assetsFrom(url, jsPath string) (plots.Assets, error) {
	switch {
	case jsPath != "":
		return plots.LoadAssets(jsPath)
	case url != "":
		return plots.Assets{URL: url}, nil
	default:
		return plots.DefaultAssets()
	}
}

func writeReport(path string, res *automl.Result, assets plots.Assets) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err := res.Report("").WriteHTML(f, assets); err != nil {
		f.Close()
		return fmt.Errorf("report %s: %w", path, err)
	}
	return f.Close()
}
