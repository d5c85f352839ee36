/**
 * The report's only styling, inlined in its <style>: readable on screen in light and dark colour
 * schemes, and a print stylesheet (A4, no breaks inside figures and table rows) for PDF.
 */
export const REPORT_CSS = `
:root { color-scheme: light dark; --fg: #1a1b1e; --muted: #495057; --bg: #ffffff; --rule: #ced4da; --accent: #1c5fa8; --bad: #b42318; --good: #1b7a3d; --head: #f1f3f5; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e9ecef; --muted: #adb5bd; --bg: #1a1b1e; --rule: #495057; --accent: #8ab4f8; --bad: #ff8a80; --good: #7ee2a8; --head: #25262b; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.9rem; margin: 0 0 .5rem; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
a { color: var(--accent); }
.meta { color: var(--muted); margin: 0; }
.meta dt { font-weight: 600; display: inline; }
.meta dd { display: inline; margin: 0 1.25rem 0 .25rem; }
figure.chart { margin: 1.25rem 0; }
figure.chart img { max-width: 100%; height: auto; border: 1px solid var(--rule); background: #fff; }
figcaption { color: var(--muted); font-size: .92rem; margin-top: .35rem; }
.source-note { display: block; font-style: italic; }
.table { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--rule); padding: .3rem .55rem; text-align: left; vertical-align: top; }
th { background: var(--head); }
.note, .empty { color: var(--muted); font-size: .9rem; }
.evidence { font-size: .92rem; color: var(--muted); }
.missing-ref { color: var(--bad); }
.result-pass { color: var(--good); font-weight: 600; }
.result-fail { color: var(--bad); font-weight: 600; }
.citation { text-decoration: none; }
blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); color: var(--muted); }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  :root { --fg: #000; --muted: #333; --bg: #fff; --rule: #999; --accent: #000; --head: #eee; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  a { text-decoration: none; }
  h2, h3 { break-after: avoid; }
  figure, tr, .answer { break-inside: avoid; }
  thead { display: table-header-group; }
}
`;
