// Package plots draws the charts of tunebook with Apache ECharts through
// go-echarts v2: ROC and precision-recall curves, loss curves, confusion
// matrices, precision/recall/F1 against the decision threshold, the history
// of a hyperparameter search, hyperparameter importance, and regression
// diagnostics. DataTable renders leaderboards as HTML tables.
//
// Every builder takes plain slices and returns a *Chart. Wrap turns any
// go-echarts chart into one too, which is how notebook cells display their
// own go-echarts charts. A Chart renders as:
//
//   - MarshalOption: the ECharts option as JSON;
//   - HTML: a fragment for a notebook output or a report, with a fresh
//     element id on every call and a loader that fetches ECharts once per
//     page, also under RequireJS (nbconvert and classic Notebook pages);
//   - MIME: a Jupyter display bundle.
//
// Two faults of go-echarts v2.6.7 in notebooks are handled here. Rendering
// one chart twice reused its element id and declared the same top-level
// `let` twice, leaving the second output blank (case p01); HTML uses fresh
// ids and declares no globals. Non-finite numbers made encoding/json fail,
// which go-echarts swallowed, leaving an empty option (case p02); the option
// is sanitised instead, NaN and ±Inf becoming null or ECharts' "-" and the
// subtitle saying how many values were omitted.
//
// Assets says where pages get the library: a URL (by default echarts 5.6.0 on
// jsDelivr) or the contents of echarts.min.js for offline pages. The
// environment variables TUNEBOOK_ECHARTS_URL and TUNEBOOK_ECHARTS_JS set the
// defaults (see DefaultAssets).
//
// All text in a chart (titles, legend and axis names) travels as JSON with
// <, > and & escaped, and table cells are HTML-escaped, so names from data
// cannot break the page.
package plots
