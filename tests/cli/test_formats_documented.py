"""Every export format of ``logframe report`` and every CSV column is documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from logframe.reporting.assemble import FORMATS
from logframe.reporting.indicator_table import COLUMNS

DOCS = Path(__file__).resolve().parents[2] / "docs"
FORMATS_DOC = (DOCS / "file-formats.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_report_format_is_documented(fmt: str):
    assert f"`logframe report --format {fmt}`" in FORMATS_DOC


@pytest.mark.parametrize("column", COLUMNS)
def test_csv_column_is_documented(column: str):
    assert f"| `{column}` |" in FORMATS_DOC
