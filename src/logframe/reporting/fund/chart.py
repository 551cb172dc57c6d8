"""The fund's trend as a PNG for the documents (the web page draws it with Chart.js):
committed and disbursed as % of the approved budgets of the agencies reporting, per quarter.

Drawn with matplotlib's Agg canvas (no pyplot, no global state); ``None`` with fewer than
one quarter to show.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from logframe.reporting.fund.model import FundReportModel

WIDTH_IN, HEIGHT_IN, DPI = 6.3, 2.8, 150
BLUE, SKY = "#0b4f8a", "#009edb"


def trend_png(model: FundReportModel, _: Callable[[str], str]) -> bytes | None:
    points = [p for p in model.trend if p.money.committed_pct is not None]
    if not points:
        return None
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    FigureCanvasAgg(figure)
    ax = figure.add_subplot()
    labels = [p.quarter for p in points]
    committed = [float(p.money.committed_pct or 0) for p in points]
    disbursed = [float(p.money.disbursed_pct or 0) for p in points]
    # xgettext:no-python-format
    ax.plot(labels, committed, marker="o", color=BLUE, label=_("Committed, % of approved"))
    # xgettext:no-python-format
    ax.plot(labels, disbursed, marker="s", color=SKY, label=_("Disbursed, % of approved"))
    ax.set_ylim(0, max(100.0, *committed, *disbursed) * 1.05)
    ax.set_ylabel("%")
    ax.grid(axis="y", color="#dde3ea")
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    ax.legend(loc="upper left", frameon=False, fontsize=8)
    ax.tick_params(labelsize=8)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()
