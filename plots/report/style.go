package report

// stylesheet is the page's CSS: a dark header band, a row of summary cards,
// white section panels, a two-column chart grid that collapses to one column
// on narrow screens, and print rules that keep charts whole.
const stylesheet = `:root {
  --ink: #0f172a; --muted: #64748b; --line: #e2e8f0; --panel: #ffffff;
  --page: #f1f5f9; --accent: #2563eb; --band: #0f172a;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--page); color: var(--ink);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
.wrap, main { max-width: 1240px; margin: 0 auto; padding: 0 24px; }
header { background: var(--band); color: #f8fafc; padding: 28px 0 22px; }
header h1 { margin: 0; font-size: 26px; font-weight: 650; letter-spacing: -0.01em; }
header .subtitle { margin: 6px 0 0; color: #cbd5e1; }
header nav { margin-top: 16px; display: flex; flex-wrap: wrap; gap: 6px; }
header nav a {
  color: #e2e8f0; text-decoration: none; font-size: 13px; padding: 3px 10px;
  border: 1px solid #334155; border-radius: 999px;
}
header nav a:hover { background: #1e293b; }
main { padding-top: 22px; padding-bottom: 8px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 14px; margin-bottom: 22px; }
.card {
  background: var(--panel); border: 1px solid var(--line); border-radius: 10px;
  padding: 14px 16px; border-top: 3px solid var(--accent);
}
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em; }
.card .value { font-size: 24px; font-weight: 650; margin-top: 2px; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.card .detail { color: var(--muted); font-size: 13px; margin-top: 2px; }
section {
  background: var(--panel); border: 1px solid var(--line); border-radius: 10px;
  padding: 18px 22px 20px; margin-bottom: 22px;
}
section h2 { margin: 0 0 12px; font-size: 18px; font-weight: 650; }
section p { margin: 0 0 10px; max-width: 80ch; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(460px, 100%), 1fr)); gap: 16px; margin: 6px 0 12px; }
figure.chart { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 10px 8px 4px; min-width: 0; }
.table { overflow-x: auto; margin: 6px 0 12px; }
.table table { width: 100%; font-size: 14px; }
.table th { white-space: nowrap; }
.table tbody tr:nth-child(even) { background: #f8fafc; }
.table tbody tr:hover { background: #eff6ff; }
dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 4px 0 12px; font-size: 14px; }
dl.kv dt { color: var(--muted); }
dl.kv dd { margin: 0; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
footer { max-width: 1240px; margin: 0 auto; padding: 4px 24px 28px; color: var(--muted); font-size: 12px; }
@media (max-width: 560px) {
  .wrap, main, footer { padding-left: 12px; padding-right: 12px; }
  section { padding: 14px 14px 16px; }
  .charts { grid-template-columns: 1fr; }
  header h1 { font-size: 22px; }
}
@media print {
  body { background: #fff; }
  header { background: #fff; color: var(--ink); border-bottom: 2px solid var(--ink); }
  header .subtitle { color: var(--muted); }
  header nav { display: none; }
  section, figure.chart { break-inside: avoid; }
}
`
