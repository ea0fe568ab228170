// Package notebooks holds tunebook's example notebooks and the code that
// builds them from their sources.
//
// Each notebook is written as Markdown in src/NN-name.md: fenced code
// blocks marked go become code cells, and the prose between them becomes
// Markdown cells. [Build] turns such a source into a notebook without
// outputs; the generator in internal/gen writes NN-name.ipynb next to this
// file and can execute it with "tunebook run", which embeds the outputs
// (text, tables and ECharts charts) that are committed with the notebook.
// README.md says how to regenerate them.
//
// The tests execute every notebook twice, with "tunebook run" and with
// Jupyter's nbconvert on the installed kernel, and open the HTML exports of
// some of them in headless Chromium to check that every chart draws
// without network access.
package notebooks
