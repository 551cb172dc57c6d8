"""The seed report (ITF G11-23, 2013 Q1) rebuilt from the example project file."""

from __future__ import annotations

from pathlib import Path

import pytest

from logframe.domain.periods import Quarter
from logframe.domain.records import ProjectRecord
from logframe.reporting.build import build_report
from logframe.reporting.html import render_html
from logframe.reporting.markdown import render_markdown
from logframe.reporting.model import Figure, ReportModel

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "itf-g11-23" / "project.json"


def _read_example() -> ProjectRecord:
    if not EXAMPLE.is_file():
        pytest.skip(f"the seed's project file is not there yet: {EXAMPLE}")
    projectfile = pytest.importorskip(
        "logframe.interchange.projectfile.read",
        reason="the project-file reader (logframe.interchange.projectfile) is not there yet",
    )
    project: ProjectRecord = projectfile.read_project_file(EXAMPLE)
    return project


@pytest.fixture(scope="module")
def seed() -> ReportModel:
    return build_report(project=_read_example(), quarter=Quarter(year=2013, number=1))


def _outputs(report: ReportModel) -> dict[str, Figure]:
    return {block.result.code: block.percent for block in report.quantitative}


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        ("1.1", "56 %"),
        ("1.2", "49 % (reported 61 %)"),
        ("1.3", "70 %"),
        ("2.1", "77 %"),
        ("2.2", "76 %"),
        ("3.1", "59 % (reported 63 %)"),
    ],
)
def test_output_percentages(seed: ReportModel, code: str, shown: str):
    assert _outputs(seed)[code].display == shown


def test_the_disagreeing_outputs_are_flagged(seed: ReportModel):
    flagged = {code for code, figure in _outputs(seed).items() if figure.mismatch}
    assert flagged == {"1.2", "3.1"}


def test_indicator_3_1_4_is_flagged(seed: ReportModel):
    row = next(r for b in seed.quantitative for r in b.indicators if r.code == "3.1.4")
    assert (row.percent.display, row.percent.mismatch) == ("10 % (reported 5 %)", True)
    assert ("pct-mismatch", "3.1.4") in {(f.rule, f.where) for f in seed.findings}


def test_beneficiaries(seed: ReportModel):
    shown = {row.label.split(" ")[0]: row.percent.display for row in seed.beneficiaries}
    assert (shown["Men"], shown["Women"]) == ("99 %", "69 %")


def test_finance(seed: ReportModel):
    undp = seed.finance.agencies[0]
    total = seed.finance.total
    assert undp.committed_pct.display == "41.9 % (reported 41 %)"
    assert (total.committed.text, total.committed_pct.display) == ("12,824,814.81", "51.6 %")


def test_the_seed_renders(seed: ReportModel):
    html = render_html(seed)
    assert "Institutional Development Support to the Independent High Electoral" in html
    assert "| **Output 1.2** (UNDP)" in render_markdown(seed)


def test_findings_say_where_the_figure_came_from(seed: ReportModel):
    html = render_html(seed)
    assert "Source: itf-g11-23-2013q1-progress-report.txt:76" in html  # 1.1.9's row
    assert "(source: itf-g11-23-2013q1-progress-report.txt:76)" in render_markdown(seed)
