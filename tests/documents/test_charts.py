"""The charts: PNG images, the same bytes for the same report, left out when empty."""

from __future__ import annotations

import io
from dataclasses import replace

from PIL import Image

from logframe.reporting.charts import _bars_chart, report_charts
from logframe.reporting.labels import AR, EN
from logframe.reporting.model import ReportModel


def test_three_charts_of_the_seed(seed: ReportModel):
    charts = report_charts(seed, EN)
    assert [c.name for c in charts] == ["progress", "finance", "time"]
    assert [c.title for c in charts] == [EN.chart_progress, EN.chart_finance, EN.chart_time]
    for chart in charts:
        image = Image.open(io.BytesIO(chart.png))
        assert image.format == "PNG"
        assert image.width > 800
        assert sum(1 for n in image.convert("L").histogram() if n) > 10  # drawn, not blank


def test_the_same_report_gives_the_same_bytes(seed: ReportModel):
    first = [c.png for c in report_charts(seed, AR)]
    _bars_chart.cache_clear()  # drawn again, not taken from the cache
    assert first == [c.png for c in report_charts(seed, AR)]
    assert first != [c.png for c in report_charts(seed, EN)]  # the labels are in the image


def test_a_chart_with_nothing_to_show_is_left_out(seed: ReportModel):
    bare = replace(seed, quantitative=())
    assert [c.name for c in report_charts(bare, EN)] == ["finance", "time"]
    no_time = replace(seed, header=replace(seed.header, elapsed_pct=None))
    assert [c.name for c in report_charts(no_time, EN)] == ["progress", "finance"]
