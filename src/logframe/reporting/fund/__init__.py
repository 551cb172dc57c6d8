"""The fund's consolidated report for one quarter (issue 7).

``assemble_fund_report(fund_code, period)`` reads the fund's aggregated rows (SQL, a fixed
number of queries) and builds a ``FundReportModel``; ``render_fund_report(model, fmt)``
writes it as html, docx, xlsx or json.
"""

from __future__ import annotations

from logframe.reporting.fund.assemble import FundReportError, assemble_fund_report
from logframe.reporting.fund.model import FundReportModel

FORMATS = ("html", "docx", "xlsx", "json")


def render_fund_report(model: FundReportModel, fmt: str, lang: str = "en") -> bytes:
    """The report as a document in ``fmt`` (html, docx, xlsx, json), its words in ``lang``."""
    if fmt == "json":
        from logframe.reporting.fund.json import render_json

        return render_json(model)
    if fmt == "html":
        from logframe.reporting.fund.html import render_html

        return render_html(model, lang=lang)
    if fmt == "docx":
        from logframe.reporting.fund.docx import render_docx

        return render_docx(model, lang=lang)
    if fmt == "xlsx":
        from logframe.reporting.fund.xlsx import render_xlsx

        return render_xlsx(model, lang=lang)
    raise ValueError(f"unknown format {fmt!r} (one of: {', '.join(FORMATS)})")


__all__ = [
    "FORMATS",
    "FundReportError",
    "FundReportModel",
    "assemble_fund_report",
    "render_fund_report",
]
