"""``logframe fund-report``: each format written whole and readable by its own library;
a bad fund, period or quarter is one line, exit 2, and no file."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from logframe.cli.main import main

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_projects(loaded_project, seed_copy):  # type: ignore[no-untyped-def]
    seed_copy("G11-24", sector="Health")
    return loaded_project.fund.code


def run(*args: str) -> int:
    return main(["fund-report", *args])


def test_json(two_projects, tmp_path: Path, capsys):
    out = tmp_path / "fund.json"
    assert run(two_projects, "--period", "2013Q1", "--format", "json", "--out", str(out)) == 0
    assert "2 projects (json, en)" in capsys.readouterr().out
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["schema"] == "logframe-fund-report/1"
    assert document["total"]["approved"] == "49723982"
    assert [p["number"] for p in document["projects"]] == ["G11-23", "G11-24"]
    assert document["behind"] == ["G11-23", "G11-24"]


def test_html(two_projects, tmp_path: Path):
    out = tmp_path / "fund.html"
    assert run(two_projects, "--period", "2013Q1", "--out", str(out)) == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert "49,723,982.00" in html  # the approved budgets, in the fund's formatting
    assert "51.6 %" in html
    assert "data:image/png;base64," in html  # the trend chart, inline


def test_docx(two_projects, tmp_path: Path):
    from docx import Document

    out = tmp_path / "fund.docx"
    assert run(two_projects, "--period", "2013Q1", "--format", "docx", "--out", str(out)) == 0
    document = Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Funds by sector" in headings
    assert "Projects behind schedule" in headings
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert {"Governance", "Health", "G11-23", "G11-24", "51.6 %", "49,723,982.00"} <= cells
    assert document.inline_shapes  # the trend chart


def test_xlsx(two_projects, tmp_path: Path):
    from openpyxl import load_workbook

    out = tmp_path / "fund.xlsx"
    assert run(two_projects, "--period", "2013Q1", "--format", "xlsx", "--out", str(out)) == 0
    book = load_workbook(io.BytesIO(out.read_bytes()))
    assert "Funds by sector" in book.sheetnames
    sheet = book["Funds by sector"]
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert [r[0] for r in rows] == ["Governance", "Health", "All projects"]
    assert rows[-1][2] == pytest.approx(49723982)  # a number, not a text
    assert rows[-1][4] == pytest.approx(51.584, abs=1e-3)  # unrounded, shown to 1 decimal


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("NOPE", "--period", "2013Q1"), "unknown fund 'NOPE'"),
        (("{fund}", "--period", "2013-1"), "is not a quarter"),
        (("{fund}", "--period", "2009Q1"), "no project reporting in 2009Q1"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_no_file(two_projects, tmp_path, capsys, args, message):
    out = tmp_path / "fund.html"
    args = tuple(a.format(fund=two_projects) for a in args)
    assert run(*args, "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert message in err
    assert err.startswith("logframe fund-report: ")
    assert not out.exists()
    assert not list(tmp_path.iterdir())


def test_an_unwritable_output_leaves_nothing(two_projects, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert run(two_projects, "--period", "2013Q1", "--out", str(blocker / "fund.html")) == 2
    assert "cannot write" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_the_format_follows_the_files_extension(two_projects, tmp_path: Path, capsys):
    from openpyxl import load_workbook

    out = tmp_path / "fund.xlsx"
    assert run(two_projects, "--period", "2013Q1", "--out", str(out)) == 0
    assert "(xlsx, en)" in capsys.readouterr().out
    assert load_workbook(out).sheetnames
    refused = tmp_path / "fund.json"
    assert run(two_projects, "--period", "2013Q1", "--format", "xlsx", "--out", str(refused)) == 2
    assert "the file's extension says json, but --format is xlsx" in capsys.readouterr().err
    assert not refused.exists()
