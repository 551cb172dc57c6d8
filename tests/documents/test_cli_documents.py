"""``logframe report --format docx|pdf|xlsx --lang …``: the files written, and bad input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from logframe.cli.main import main
from logframe.reporting.labels import AR, CKB

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(example_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["load", str(example_path)]) == 0
    capsys.readouterr()


def _report(*args: str) -> int:
    return main(["report", "G11-23", "--period", "2013Q1", *args])


def test_word_in_arabic(loaded: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    out = tmp_path / "out" / "report.docx"
    assert _report("--format", "docx", "--lang", "ar", "--out", str(out)) == 0
    assert f"wrote {out}: G11-23 2013Q1 (docx, ar)" in capsys.readouterr().out
    doc = Document(str(out))
    assert doc.paragraphs[1].text == AR.report_title
    assert doc.core_properties.keywords == "G11-23, 2013Q1"


def test_excel_in_kurdish_and_pdf_in_english(loaded: None, tmp_path: Path):
    assert _report("--format", "xlsx", "--lang", "ckb", "--out", str(tmp_path / "r.xlsx")) == 0
    book = load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames[0] == CKB.sheet_indicators
    assert _report("--format", "pdf", "--out", str(tmp_path / "r.pdf")) == 0
    reader = PdfReader(tmp_path / "r.pdf")
    assert "Quarterly Progress Report" in reader.pages[0].extract_text()


def test_html_takes_the_language_too(loaded: None, tmp_path: Path):
    assert _report("--format", "html", "--lang", "ar", "--out", str(tmp_path / "r.html")) == 0
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in html
    assert AR.finance_section in html


def test_a_binary_report_can_go_to_a_pipe(
    example_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
):
    assert main(["load", str(example_path)]) == 0
    capfdbinary.readouterr()
    assert _report("--format", "xlsx", "--out", "-") == 0
    data = capfdbinary.readouterr().out
    assert data.startswith(b"PK")
    assert load_workbook(io.BytesIO(data)).sheetnames == ["Indicators", "Finance", "Beneficiaries"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "pdf", "--lang", "fr"], "argument --lang: invalid choice: 'fr'"),
        (["--format", "docx", "--lang", ""], "argument --lang: invalid choice: ''"),
        (["--format", "odt"], "argument --format: invalid choice: 'odt'"),
    ],
)
def test_unknown_language_or_format_exits_2(
    loaded: None, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
):
    with pytest.raises(SystemExit) as exit_:
        _report(*args, "--out", str(tmp_path / "r"))
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_markdown_in_arabic_is_refused(
    loaded: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    assert _report("--format", "md", "--lang", "ar", "--out", str(tmp_path / "r.md")) == 2
    err = capsys.readouterr().err
    assert err.startswith("logframe report: --lang ar: the md report is written in English only")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("fmt", ["docx", "pdf", "xlsx"])
def test_an_unwritable_output_exits_2_and_leaves_nothing(
    loaded: None, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert _report("--format", fmt, "--out", str(blocker / f"report.{fmt}")) == 2
    assert f"cannot write {blocker / f'report.{fmt}'}" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_an_unknown_period_writes_nothing(
    loaded: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    out = tmp_path / "r.docx"
    assert main(["report", "G11-23", "--period", "2014Q3", "--format", "docx",
                 "--out", str(out)]) == 2  # fmt: skip
    assert "no period 2014Q3" in capsys.readouterr().err
    assert not out.exists()


def test_the_format_follows_the_files_extension(
    loaded: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    """``--out report.docx`` without ``--format`` writes Word, not HTML named .docx."""
    assert _report("--lang", "ckb", "--out", str(tmp_path / "r.docx")) == 0
    assert "(docx, ckb)" in capsys.readouterr().out
    assert Document(str(tmp_path / "r.docx")).paragraphs[1].text == CKB.report_title
    assert _report("--out", str(tmp_path / "r.PDF")) == 0
    assert (tmp_path / "r.PDF").read_bytes().startswith(b"%PDF-")
    assert _report("--out", str(tmp_path / "r.report")) == 0  # no format's name: html
    assert "(html, en)" in capsys.readouterr().out.splitlines()[-1]


def test_a_format_the_extension_contradicts_is_refused(
    loaded: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    assert _report("--format", "html", "--out", str(tmp_path / "r.docx")) == 2
    assert (
        f"--out {tmp_path / 'r.docx'}: the file's extension says docx, but --format is html"
        in capsys.readouterr().err
    )
    assert not list(tmp_path.iterdir())
