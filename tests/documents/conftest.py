"""Fixtures of the document tests: the seed's report model, and each document rendered once
per test session (a PDF takes seconds), opened by the library that reads that format."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from logframe.domain.periods import Quarter
from logframe.interchange.projectfile.read import read_project_file
from logframe.reporting.build import build_report
from logframe.reporting.model import ReportModel

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "itf-g11-23" / "project.json"
CREATED = datetime(2013, 4, 15, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="session")
def created() -> datetime:
    """The creation time written into the documents' properties."""
    return CREATED


@pytest.fixture(scope="session")
def seed() -> ReportModel:
    project = read_project_file(EXAMPLE)
    return build_report(project=project, quarter=Quarter(year=2013, number=1))


@pytest.fixture(scope="session")
def codes(seed: ReportModel) -> list[str]:
    return [row.code for block in seed.quantitative for row in block.indicators]


@pytest.fixture(scope="session")
def pdf_files(seed: ReportModel, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seed's report as PDF in English and in Arabic, written once."""
    from logframe.reporting.pdf import render_pdf

    folder = tmp_path_factory.mktemp("pdf")
    files = {}
    for lang in ("en", "ar"):
        path = folder / f"report-{lang}.pdf"
        path.write_bytes(render_pdf(seed, lang, created=CREATED))
        files[lang] = path
    return files
