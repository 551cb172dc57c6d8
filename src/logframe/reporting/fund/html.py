"""The fund report as one self-contained HTML document (its chart inline, no assets)."""

from __future__ import annotations

import base64
from html import escape

from logframe.reporting.fund.chart import trend_png
from logframe.reporting.fund.model import FundReportModel
from logframe.reporting.fund.tables import Table, fund_tables, summary_lines
from logframe.reporting.fund.words import RTL, translator

STYLE = """
body{font-family:"Noto Sans","Vazirmatn",Arial,sans-serif;color:#1d2731;margin:2em auto;
max-width:72em;padding:0 1em;line-height:1.4}
h1{color:#0b4f8a;margin-bottom:.2em}h2{color:#0b4f8a;border-bottom:2px solid #dde3ea;
padding-bottom:.2em;margin-top:2em}.lede{color:#4a5866}.note{color:#4a5866;font-size:.9em}
table{border-collapse:collapse;width:100%;font-size:.9em}th,td{padding:.3em .5em;
border-bottom:1px solid #dde3ea;text-align:start;vertical-align:top}
th{background:#f2f5f8}.num{text-align:end;white-space:nowrap}tfoot td{font-weight:bold;
border-top:2px solid #8a99a8}dl.summary{display:grid;grid-template-columns:max-content auto;
gap:.2em 1.5em}dl.summary dt{color:#4a5866}dl.summary dd{margin:0;font-weight:bold}
img.chart{max-width:100%}
"""


def render_html(model: FundReportModel, *, lang: str = "en") -> bytes:
    _ = translator(lang)
    title = _("{fund}: consolidated report, {quarter}").format(
        fund=model.fund_name, quarter=model.quarter
    )
    parts = [
        f'<!doctype html><html lang="{escape(lang)}" dir="{"rtl" if lang in RTL else "ltr"}">',
        f'<head><meta charset="utf-8"><title>{escape(title)}</title>',
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        '<p class="lede">'
        + escape(
            _("Fund {code} · quarter ending {end} · amounts in {currency}").format(
                code=model.fund_code, end=model.quarter_end.isoformat(), currency=model.currency
            )
        )
        + "</p>",
        '<dl class="summary">',
        *(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in summary_lines(model, _)),
        "</dl>",
    ]
    png = trend_png(model, _)
    for table in fund_tables(model, _):
        parts.append(_table(table))
        if table.key == "trend" and png:
            data = base64.b64encode(png).decode("ascii")
            parts.append(
                f'<img class="chart" alt="{escape(_("Committed and disbursed per quarter"))}"'
                f' src="data:image/png;base64,{data}">'
            )
    parts.append("</body></html>\n")
    return "\n".join(parts).encode("utf-8")


def _table(table: Table) -> str:
    numeric = [any(row[n].kind != "text" for row in table.rows) for n in range(len(table.headers))]
    head = "".join(
        f'<th scope="col"{" class=num" if numeric[n] else ""}>{escape(h)}</th>'
        for n, h in enumerate(table.headers)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{' class=num' if cell.kind != 'text' else ''}>{escape(cell.text)}</td>"
            for cell in row
        )
        + "</tr>"
        for row in table.rows
    )
    foot = ""
    if table.total:
        foot = (
            "<tfoot><tr>"
            + "".join(
                f"<td{' class=num' if cell.kind != 'text' else ''}>{escape(cell.text)}</td>"
                for cell in table.total
            )
            + "</tr></tfoot>"
        )
    empty = "" if table.rows else f'<tr><td colspan="{len(table.headers)}">—</td></tr>'
    return (
        f'<section id="{table.key}"><h2>{escape(table.title)}</h2>'
        f'<p class="note">{escape(table.note)}</p>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}{empty}</tbody>{foot}</table>"
        "</section>"
    )
