"""The report's charts as PNG images, for the Word and PDF documents (the web uses Chart.js).

Three charts, each from figures the report model already holds: progress per output; funds
committed and disbursed per agency, as % of its approved budget; and the % disbursed
against the % of the project's time elapsed by the quarter's end. Drawn with matplotlib's
Agg canvas (no pyplot, no global state) in the vendored Vazirmatn font, so Arabic and
Kurdish labels are shaped and the same report gives the same bytes on every machine.
A chart with nothing to show is left out.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from logframe import fonts
from logframe.domain.formatting import format_percent
from logframe.domain.records import ResultLevel
from logframe.reporting.labels import Labels
from logframe.reporting.model import Figure, ReportModel

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure as Canvas

BLUE, SKY, ORANGE, GREY, INK = "#0b4f8a", "#009edb", "#a34400", "#8a99a8", "#1d2731"
WIDTH_IN = 6.3  # 16 cm: the text width of an A4 page with its margins
DPI = 150


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the figure as the report writes it: "41.9 %"


@dataclass(frozen=True)
class Chart:
    name: str  # "progress", "finance", "time"
    title: str
    png: bytes
    width_in: float
    height_in: float


def report_charts(report: ReportModel, t: Labels) -> tuple[Chart, ...]:
    """The report's charts in ``t``'s language, leaving out those with no figures."""
    charts = (_progress(report, t), _finance(report, t), _time(report, t))
    return tuple(chart for chart in charts if chart is not None)


def _progress(report: ReportModel, t: Labels) -> Chart | None:
    bars = [
        _bar(t.result(jp=b.result.level is ResultLevel.JP_OUTPUT, code=b.result.code), b.percent)
        for b in report.quantitative
        if b.percent.computed is not None
    ]
    if not bars:
        return None
    return _bars_chart(
        name="progress",
        title=t.chart_progress,
        axis=t.chart_progress_axis,
        series=(tuple(bars),),
        names=(t.chart_progress_axis,),
        colours=(BLUE,),
        rtl=t.rtl,
        legend=False,
    )


def _finance(report: ReportModel, t: Labels) -> Chart | None:
    agencies = [row for row in report.finance.agencies if row.committed_pct.computed is not None]
    if not agencies:
        return None
    committed = [_bar(row.label, row.committed_pct) for row in agencies]
    disbursed = [_bar(row.label, row.disbursed_pct) for row in agencies]
    return _bars_chart(
        name="finance",
        title=t.chart_finance,
        axis=t.chart_finance_axis,
        series=(tuple(committed), tuple(disbursed)),
        names=(t.committed, t.disbursed),
        colours=(SKY, BLUE),
        rtl=t.rtl,
        legend=True,
        reference=t.approved_budget,
    )


def _time(report: ReportModel, t: Labels) -> Chart | None:
    total = report.finance.total
    elapsed = report.header.elapsed_pct
    bars = [
        *([] if elapsed is None else [Bar(t.time_elapsed, float(elapsed), _pct(elapsed))]),
        *(
            _bar(label, figure)
            for label, figure in (
                (t.committed, total.committed_pct),
                (t.disbursed, total.disbursed_pct),
            )
            if figure.computed is not None
        ),
    ]
    if elapsed is None or len(bars) < 2:
        return None
    return _bars_chart(
        name="time",
        title=t.chart_time,
        axis=t.chart_time_axis,
        series=(tuple(bars),),
        names=(t.chart_time_axis,),
        colours=((GREY, SKY, BLUE),),
        rtl=t.rtl,
        legend=False,
    )


def _bar(label: str, figure: Figure) -> Bar:
    return Bar(label=label, value=float(figure.computed or 0), text=figure.text)


def _pct(value: Decimal) -> str:
    return format_percent(value, 1)


@lru_cache(maxsize=32)
def _bars_chart(
    *,
    name: str,
    title: str,
    axis: str,
    series: tuple[tuple[Bar, ...], ...],
    names: tuple[str, ...],
    colours: tuple[str | tuple[str, ...], ...],
    rtl: bool,
    legend: bool,
    reference: str = "",
) -> Chart:
    """Horizontal bars, one group per label, a bar per series; a dashed line at 100 %.

    Kept for the last few reports drawn: the same figures draw the same bytes, and a
    quarter's Word and PDF documents, or several readers, ask for the same charts.
    """
    rows = len(series[0])
    legend_room = 0.4 if legend else 0.0
    height = 0.62 + legend_room + rows * (0.2 + 0.2 * len(series))
    labels = [b.label for b in series[0]]
    figure, ax = _canvas(height, labels=labels, bottom_in=0.45 + legend_room, rtl=rtl)
    thickness = 0.8 / len(series)
    for index, (bars, label, colour) in enumerate(zip(series, names, colours, strict=True)):
        ys = [row + (index - (len(series) - 1) / 2) * thickness for row in range(rows)]
        ax.barh(ys, [b.value for b in bars], height=thickness * 0.9, color=colour, label=label)
        for y, bar in zip(ys, bars, strict=True):
            ax.annotate(
                bar.text,
                (bar.value, y),
                xytext=(-3 if rtl else 3, 0),
                textcoords="offset points",
                va="center",
                ha="right" if rtl else "left",
                fontsize=7,
                color=INK,
            )
    top = max(100.0, *(b.value for bars in series for b in bars))
    ax.axvline(100, color=ORANGE, linestyle="--", linewidth=0.9, label=reference or None)
    _axes(ax, labels=labels, limit=top * 1.18, axis=axis, rtl=rtl)
    if legend:
        ax.legend(
            loc="lower center",
            bbox_to_anchor=(0.5, 0),
            bbox_transform=figure.transFigure,
            ncol=3,
            frameon=False,
            fontsize=7.5,
        )
    return Chart(name=name, title=title, png=_png(figure), width_in=WIDTH_IN, height_in=height)


def _axes(ax: Axes, *, labels: list[str], limit: float, axis: str, rtl: bool) -> None:
    ax.set_yticks(range(len(labels)), labels, fontsize=7.5)
    ax.set_ylim(len(labels) - 0.5, -0.5)  # the first row at the top
    ax.set_xlim(0, limit)
    ax.set_xlabel(axis, fontsize=7.5, color=INK)
    ax.tick_params(axis="both", labelsize=7, colors=INK, length=2)
    ax.grid(axis="x", color="#dde4ea", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    if rtl:  # bars grow from the right, labels on the right
        ax.invert_xaxis()
        ax.yaxis.tick_right()
        ax.spines["right"].set_visible(True)
        ax.spines["left"].set_visible(False)


def _canvas(
    height: float, *, labels: list[str], bottom_in: float, rtl: bool
) -> tuple[Canvas, Axes]:
    """The figure with fixed margins (measuring the text for a layout costs more than
    drawing it): room for the longest row label on its side, the axis title below."""
    from matplotlib.figure import Figure as Canvas

    _register_fonts()
    figure = Canvas(figsize=(WIDTH_IN, height), dpi=DPI)
    label_in = 0.2 + 0.058 * max(len(label) for label in labels)
    side, other = label_in / WIDTH_IN, 0.15 / WIDTH_IN
    left, right = (other, 1 - side) if rtl else (side, 1 - other)
    figure.subplots_adjust(left=left, right=right, bottom=bottom_in / height, top=1 - 0.1 / height)
    return figure, figure.add_subplot()


@cache
def _register_fonts() -> None:
    from matplotlib import font_manager, rcParams

    for path in (fonts.REGULAR, fonts.BOLD):
        font_manager.fontManager.addfont(str(path))
    rcParams["font.family"] = fonts.FAMILY
    rcParams["svg.hashsalt"] = "logframe"


def _png(figure: Canvas) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()
