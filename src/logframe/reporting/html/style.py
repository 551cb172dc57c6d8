"""The report's stylesheets: the standalone A4 page, and the report itself.

``REPORT_CSS`` styles only what is inside ``.report``, so a web page that embeds
``render_html_body`` can put it in its own <head> without restyling the page around it.
``PAGE_CSS`` is for the standalone file: the A4 page, the sheet on screen, print colours.
"""

from __future__ import annotations

PAGE_CSS = """
@page { size: A4; margin: 16mm 15mm 18mm; }
@page { @bottom-right { content: "Page " counter(page) " of " counter(pages);
  font: 7.5pt "Liberation Sans", Arial, sans-serif; color: #5b6b7a; } }
html { background: #eef1f4; }
body { margin: 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
main.report { max-width: 210mm; margin: 8mm auto; padding: 14mm 15mm 16mm; background: #fff;
  box-shadow: 0 1px 4px rgba(0, 0, 0, .12); }
@media print {
  html { background: none; }
  main.report { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  .report a { color: inherit; text-decoration: none; }
}
"""

REPORT_CSS = """
.report { --ink: #1d2731; --muted: #5b6b7a; --rule: #c9d4de; --blue: #0b4f8a;
  --un: #009edb; --band: #e7f0f8; --band-strong: #cfe0ef; --warn: #a34400;
  --warn-bg: #fff3e3; --error: #b3261e; color: var(--ink);
  font: 9.5pt/1.45 "Noto Sans", "Liberation Sans", "Helvetica Neue", Arial, sans-serif; }
.report * { box-sizing: border-box; }
.report .masthead { border-top: 5px solid var(--un); padding-top: 4mm; margin-bottom: 6mm; }
.report .masthead .fund { margin: 0; color: var(--blue); font-weight: 700; font-size: 11pt;
  letter-spacing: .02em; text-transform: uppercase; }
.report .masthead h1 { margin: 1.5mm 0 1mm; font-size: 18pt; line-height: 1.2; }
.report .masthead .period { margin: 0; color: var(--muted); font-size: 10.5pt; }
.report .state { display: inline-block; margin-left: 2mm; padding: 0 2mm; border-radius: 2px;
  border: 1px solid var(--warn); color: var(--warn); font-size: 8pt; font-weight: 700;
  text-transform: uppercase; letter-spacing: .05em; vertical-align: middle; }
.report h2 { margin: 8mm 0 2.5mm; padding-bottom: 1mm; border-bottom: 1.5px solid var(--blue);
  color: var(--blue); font-size: 12.5pt; break-after: avoid; page-break-after: avoid; }
.report h3 { margin: 4mm 0 1.5mm; font-size: 10.5pt; color: var(--ink); break-after: avoid;
  page-break-after: avoid; }
.report p { margin: 0 0 2mm; }
.report ul, .report ol { margin: 0 0 2mm; padding-left: 5mm; }
.report table { width: 100%; border-collapse: collapse; margin: 0 0 2mm; font-size: 8.5pt; }
.report thead { display: table-header-group; }
.report tr { break-inside: avoid; page-break-inside: avoid; }
.report th, .report td { padding: 1.4mm 2mm; border: 1px solid var(--rule);
  vertical-align: top; text-align: left; }
.report thead th { background: var(--blue); color: #fff; font-weight: 600;
  vertical-align: bottom; border-color: #3d73a3; }
.report thead th.num { text-align: right; }
.report thead th.group { text-align: center; border-bottom: 1px solid rgba(255, 255, 255, .5); }
.report .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.report .fig { text-align: right; }
.report .date { white-space: nowrap; }
.report table.finance th, .report table.finance td { padding: 1.2mm 1.5mm; }
.report .facts th { width: 27%; background: var(--band); color: var(--blue); font-weight: 600; }
.report .facts td > :last-child { margin-bottom: 0; }
.report .facts tr { break-inside: auto; page-break-inside: auto; }
.report .facts .cost, .report .facts .dates { display: flex; flex-wrap: wrap; gap: 1mm 7mm;
  margin: 0; padding: 0; list-style: none; }
.report .facts .cost { flex-direction: column; }
.report .facts .dates span, .report .facts .cost span { color: var(--muted); }
.report .lead { font-weight: 600; }
.report .lead-note { color: var(--muted); font-weight: 400; }
.report .outputs-list { list-style: none; padding: 0; }
.report .outputs-list li { margin-bottom: 1mm; }
.report .outputs-list .jp { font-weight: 600; margin-top: 1.5mm; }
.report .outputs-list .sub { padding-left: 5mm; }
.report .code { font-weight: 600; color: var(--blue); white-space: nowrap; }
.report .resp { display: inline-block; padding: 0 1.5mm; border-radius: 2px; background: #fff;
  border: 1px solid var(--rule); color: var(--muted); font-size: 7.5pt; font-weight: 600; }
.report tr.total th, .report tr.total td { font-weight: 700; border-top: 2px solid var(--blue);
  background: var(--band); }
.report tr.jp-output th, .report tr.jp-output td { background: var(--band-strong);
  font-weight: 700; }
.report tr.output th, .report tr.output td { background: var(--band); font-weight: 600; }
.report tr.output .text { font-weight: 400; }
.report tr.indicator td:first-child { padding-left: 5mm; }
.report .comment { display: block; color: var(--muted); font-size: 7.5pt; margin-top: .5mm; }
.report .note { color: var(--muted); white-space: normal; text-align: left; }
.report sup.fn { font-size: 6.5pt; line-height: 0; margin-left: .3mm; }
.report sup.fn a { color: var(--blue); text-decoration: none; }
.report td.mismatch, .report .facts .mismatch { background: var(--warn-bg); }
.report .flag { display: inline-block; min-width: 3.6mm; margin-right: 1mm; padding: 0 .6mm;
  border-radius: 2px; background: var(--warn); color: #fff; font-size: 7pt; font-weight: 700;
  line-height: 1.4; text-align: center; }
.report .reported { display: block; color: var(--warn); font-size: 7.5pt; font-weight: 400; }
.report .facts .reported { display: inline; margin-left: 1mm; }
.report .legend { margin: 0 0 3mm; color: var(--muted); font-size: 7.5pt; }
.report .rich > :last-child { margin-bottom: 0; }
.report .narrative { margin-bottom: 3mm; }
.report .content-note { font-size: 8.5pt; font-style: italic; color: var(--muted); }
.report .footnotes { font-size: 8pt; color: var(--muted); padding-left: 6mm; }
.report .findings-summary { margin-bottom: 2mm; break-after: avoid; page-break-after: avoid; }
.report .severity { display: inline-block; padding: 0 1.5mm; border-radius: 2px; color: #fff;
  font-size: 7pt; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; }
.report .severity.error { background: var(--error); }
.report .severity.warning { background: var(--warn); }
.report .severity.info { background: var(--muted); }
.report .empty { color: var(--muted); font-style: italic; }
.report .colophon { margin-top: 8mm; padding-top: 2mm; border-top: 1px solid var(--rule);
  color: var(--muted); font-size: 7.5pt; }
.report .provenance { display: block; margin-top: 2pt; color: #6b7480; font-size: 8pt; }
"""

# The columns' widths, in % of their table: classes, not ``style`` attributes, so that a
# Content-Security-Policy without 'unsafe-inline' keeps them (``elements.col``).
COLUMN_WIDTHS = (8, 9, 10, 11, 12, 14, 15, 20, 23, 30, 34, 36, 44, 52, 58)
REPORT_CSS += "".join(f".report col.w{n} {{ width: {n}%; }}\n" for n in COLUMN_WIDTHS)

RTL_CSS = """
.report[dir="rtl"] { font-family: "Vazirmatn", "Noto Naskh Arabic", "Noto Sans Arabic",
  "DejaVu Sans", sans-serif; line-height: 1.6; }
.report[dir="rtl"] th, .report[dir="rtl"] td { text-align: right; }
.report[dir="rtl"] .num, .report[dir="rtl"] .fig, .report[dir="rtl"] thead th.num {
  text-align: left; }
.report[dir="rtl"] thead th.group { text-align: center; }
.report[dir="rtl"] ul, .report[dir="rtl"] ol { padding-left: 0; padding-right: 5mm; }
.report[dir="rtl"] .outputs-list { padding-right: 0; }
.report[dir="rtl"] .outputs-list .sub { padding-left: 0; padding-right: 5mm; }
.report[dir="rtl"] tr.indicator td:first-child { padding-left: 2mm; padding-right: 5mm; }
.report[dir="rtl"] .state { margin-left: 0; margin-right: 2mm; }
.report[dir="rtl"] .flag { margin-right: 0; margin-left: 1mm; }
.report[dir="rtl"] .footnotes { padding-left: 0; padding-right: 6mm; }
.report[dir="rtl"] .masthead .fund { letter-spacing: 0; }
.report bdi { direction: ltr; }
.report[dir="rtl"] [dir="ltr"] { text-align: left; }
.report[dir="rtl"] .text[dir="ltr"] { display: block; }
.report[dir="rtl"] li[dir="ltr"] { margin-left: 5mm; }
"""
