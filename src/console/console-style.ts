// The console's stylesheet, served as /console/assets/console.css. Plain CSS for a laptop and a phone: the menu
// scrolls sideways on a narrow screen, tables scroll inside their card, forms stack.
export const consoleStyle = `
:root { --ink:#1d2433; --muted:#5f6b7a; --line:#d9dee5; --bg:#f4f6f9; --card:#fff; --brand:#b3261e; --accent:#1f5fbf;
  --ok:#2e7d32; --warn:#c77700; --bad:#c62828; --pending:#9aa5b1; font-family: system-ui, "Segoe UI", Roboto,
  "Noto Sans", Arial, sans-serif; color: var(--ink); }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); font-size: 15px; line-height: 1.45; }
a { color: var(--accent); }
.top { display:flex; flex-wrap:wrap; gap:.5rem 1rem; align-items:center; justify-content:space-between;
  padding:.6rem 1rem; background:var(--brand); color:#fff; }
.top a { color:#fff; text-decoration:none; }
.brand { font-weight:700; font-size:1.1rem; }
.brand span { font-weight:400; opacity:.85; margin-left:.3rem; }
.who { display:flex; flex-wrap:wrap; gap:.25rem .75rem; align-items:center; font-size:.9rem; }
.who .muted { color:#ffe3e0; }
.who .link { color:#fff; }
.sections { display:flex; gap:.25rem; overflow-x:auto; background:#fff; border-bottom:1px solid var(--line);
  padding:0 .5rem; white-space:nowrap; }
.sections a { padding:.65rem .75rem; text-decoration:none; color:var(--ink); border-bottom:3px solid transparent; }
.sections a[aria-current="page"] { border-color:var(--brand); font-weight:600; }
main { max-width:1200px; margin:0 auto; padding:1rem; }
h1 { font-size:1.4rem; margin:.2rem 0; }
h2 { font-size:1.15rem; margin:1.2rem 0 .5rem; }
h3 { font-size:1rem; margin:.8rem 0 .4rem; }
.muted { color:var(--muted); }
.heading { display:flex; flex-wrap:wrap; gap:.75rem; justify-content:space-between; align-items:flex-end;
  margin-bottom:1rem; }
.actions { display:flex; flex-wrap:wrap; gap:.5rem; }
.card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:1rem; margin-bottom:1rem;
  overflow-x:auto; }
.card.narrow { max-width:460px; margin:2rem auto; }
.grid { display:grid; gap:1rem; grid-template-columns:repeat(auto-fit, minmax(280px, 1fr)); }
.stat { font-size:1.8rem; font-weight:700; }
table { border-collapse:collapse; width:100%; }
th, td { text-align:left; padding:.45rem .5rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-weight:600; background:#fafbfc; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
tr.overdue td { background:#fff4e5; }
.badge { display:inline-block; padding:.05rem .5rem; border-radius:999px; font-size:.8rem; background:#e8edf3;
  white-space:nowrap; }
.badge.ok { background:#e3f3e4; color:var(--ok); }
.badge.warn { background:#fff0d6; color:#8a5200; }
.badge.bad { background:#fde4e4; color:var(--bad); }
form.stack { display:grid; gap:.75rem; }
form.inline { display:inline; }
form.filters { display:flex; flex-wrap:wrap; gap:.5rem; align-items:flex-end; margin-bottom:1rem; }
label { display:grid; gap:.2rem; font-weight:600; font-size:.92rem; }
label input, label select, label textarea { font-weight:400; }
label.check { display:flex; gap:.4rem; align-items:center; font-weight:400; }
input, select, textarea { font:inherit; padding:.45rem .55rem; border:1px solid #b9c2cc; border-radius:6px;
  background:#fff; min-width:0; width:100%; }
textarea { min-height:8rem; resize:vertical; }
input[type="checkbox"], input[type="radio"] { width:auto; }
[aria-invalid="true"] { border-color:var(--bad); outline:1px solid var(--bad); }
.field-error { color:var(--bad); font-weight:400; font-size:.85rem; }
.form-error { color:var(--bad); background:#fde4e4; border-radius:6px; padding:.5rem .75rem; }
.form-error:empty { display:none; }
button, .button { font:inherit; padding:.45rem .9rem; border-radius:6px; border:1px solid var(--accent);
  background:var(--accent); color:#fff; cursor:pointer; text-decoration:none; display:inline-block; }
button.secondary, .button.secondary { background:#fff; color:var(--accent); }
button.danger { background:var(--bad); border-color:var(--bad); }
button.link { background:none; border:none; padding:0; text-decoration:underline; color:var(--accent); }
button[disabled] { opacity:.6; cursor:progress; }
/* The hidden attribute wins over the display the rules above give buttons and links. */
[hidden] { display:none !important; }
#flash:empty { display:none; }
#flash { background:#e3f3e4; color:var(--ok); border-radius:6px; padding:.5rem .75rem; margin-bottom:1rem; }
#flash.error { background:#fde4e4; color:var(--bad); }
.pager { display:flex; justify-content:space-between; align-items:center; margin-top:.75rem; }
.chart { margin:0 0 .75rem; }
.chart svg { width:100%; height:auto; max-width:760px; display:block; }
.chart-label, .chart-value, .chart-axis { font-size:13px; fill:var(--ink); }
.chart-axis { fill:var(--muted); font-size:11px; }
.chart-track { fill:#eef1f5; }
.chart-bar { fill:var(--accent); }
.chart-bar.warn { fill:var(--warn); }
.chart-grid { stroke:var(--line); }
.chart-data summary { cursor:pointer; color:var(--muted); font-size:.85rem; }
.progress svg { height:22px; max-width:none; }
.part.done { fill:var(--ok); } .part.failed { fill:var(--bad); } .part.pending { fill:var(--pending); }
.part.skipped { fill:var(--warn); } .part.sending { fill:var(--accent); }
.legend { display:flex; flex-wrap:wrap; gap:.25rem 1rem; font-size:.88rem; margin-top:.35rem; }
.key::before { content:""; display:inline-block; width:.7rem; height:.7rem; border-radius:2px; margin-right:.3rem;
  background:var(--pending); vertical-align:-1px; }
.key.done::before { background:var(--ok); } .key.failed::before { background:var(--bad); }
.key.skipped::before { background:var(--warn); } .key.sending::before { background:var(--accent); }
.download-status { font-size:.88rem; color:var(--muted); margin-left:.5rem; }
progress { width:12rem; vertical-align:middle; }
pre.text { white-space:pre-wrap; font-family:inherit; margin:0; }
.bar-chart .narrow { display:none; }
.chart.stacked svg { max-width:460px; }
.chart.stacked .chart-label { font-size:13px; }
@media (max-width: 640px) {
  .bar-chart .wide { display:none; }
  .bar-chart .narrow { display:block; }
}
@media (max-width: 640px) {
  main { padding:.6rem; }
  .heading { align-items:flex-start; }
  th, td { padding:.35rem .3rem; }
}
`;
