"""The indicator table as CSV: one row per indicator, and no formula a spreadsheet would run."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from logframe.reporting.indicator_table import COLUMNS, render_indicator_csv


def _rows(project):
    text = render_indicator_csv(project=project, period=project.periods[0])
    return list(csv.DictReader(io.StringIO(text)))


def test_one_row_per_indicator_with_the_documented_columns(project):
    rows = _rows(project)
    assert list(rows[0]) == list(COLUMNS)
    assert len(rows) == sum(len(r.indicators) for r in project.walk_results())


def test_text_that_would_run_as_a_formula_is_neutralised(project):
    first = project.results[0]
    output = first.children[0] if first.children else first
    evil = replace(output.indicators[0], text='=HYPERLINK("http://evil.example","x")')
    output = replace(output, indicators=(evil, *output.indicators[1:]))
    tree = replace(first, children=(output, *first.children[1:])) if first.children else output
    rows = _rows(replace(project, results=(tree, *project.results[1:])))
    cell = next(r["indicator_text"] for r in rows if r["indicator"] == evil.code)
    assert cell == "'" + evil.text
