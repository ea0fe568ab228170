package notebook_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/tunebook/tunebook/kernel/display"
	"github.com/tunebook/tunebook/notebook"
)

// echoEngine is a toy Engine: each cell displays its source as Markdown and
// its value is the source's length.
type echoEngine struct{ rec *notebook.Recorder }

func (e echoEngine) Execute(_ context.Context, code string) (*notebook.Result, error) {
	e.rec.Display(display.Bundle{Data: map[string]any{"text/markdown": "**" + code + "**"}}, "", false)
	return &notebook.Result{Data: map[string]any{"text/plain": fmt.Sprint(len(code))}}, nil
}

func (echoEngine) Close() error { return nil }

func Example() {
	nb, err := notebook.Parse(strings.NewReader(`{
 "cells": [{"cell_type": "code", "source": ["hello"], "metadata": {}, "outputs": [], "execution_count": null}],
 "metadata": {}, "nbformat": 4, "nbformat_minor": 5
}`))
	if err != nil {
		fmt.Println(err)
		return
	}

	rec := notebook.NewRecorder()
	if err := notebook.Execute(context.Background(), nb, echoEngine{rec}, notebook.Options{Recorder: rec}); err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range nb.Cells[0].Outputs {
		fmt.Println(o.Type, o.Data)
	}

	var page strings.Builder
	if err := notebook.WriteHTML(&page, nb, notebook.HTMLOptions{Title: "Demo"}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Contains(page.String(), "<strong>hello</strong>"))
	// Output:
	// display_data map[text/markdown:**hello**]
	// execute_result map[text/plain:5]
	// true
}
