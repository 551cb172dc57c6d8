"""What is not a readable report is refused with one line naming the file — never a traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from logframe.interchange.legacy import LegacyReportError, read_legacy_report


def _refused(path: Path) -> str:
    with pytest.raises(LegacyReportError) as caught:
        read_legacy_report(path)
    message = str(caught.value)
    assert message.startswith(f"{path.name}: ")
    assert "\n" not in message
    return message


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Project #: X-1")
    document.save(buffer)
    return buffer.getvalue()


def _rezip(
    data: bytes, replace: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED
) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as target:
        for item in source.infolist():
            target.writestr(item.filename, replace.pop(item.filename, source.read(item)))
        for name, content in replace.items():
            target.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"\n \n\t\n", "the file is empty"),
        ("x.bin", bytes(range(256)) * 8, "binary file, not a text or Word report"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "binary file, not a text or Word report"),
        ("notes.txt", b"Minutes of the steering committee\n\nAll present.\n",
         'not a quarterly progress report (no "Project #:" line, no results table)'),
        ("fake.docx", b"PK\x03\x04 not really a zip", "not a Word document (not a zip archive)"),
        ("plain.docx", b"Project #: G11-23\n", "not a Word document (not a zip archive)"),
    ],
)  # fmt: skip
def test_bad_files_are_refused(tmp_path: Path, name: str, content: bytes, problem: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert _refused(path) == f"{name}: {problem}"


def test_a_missing_file(tmp_path: Path) -> None:
    assert "cannot be read" in _refused(tmp_path / "gone.txt")


def test_a_report_over_10_mb_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # a sparse file: written in no time
    assert _refused(path) == "big.txt: 50.0 MB is larger than the 10 MB a report may be"


def test_a_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "bad.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert _refused(path) == "bad.docx: not a Word document (the zip has no word/document.xml)"


def test_a_zip_named_txt_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "archive.txt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert "binary file" in _refused(path)


@pytest.mark.parametrize(
    "declaration",
    [
        b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>',
        b'<!DOCTYPE w SYSTEM "http://example.org/evil.dtd">',
    ],
)
def test_a_word_file_declaring_entities_is_refused(tmp_path: Path, declaration: bytes) -> None:
    data = _docx_bytes()
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    head, rest = document.split(b"?>", 1)
    path = tmp_path / "entities.docx"
    path.write_bytes(_rezip(data, {"word/document.xml": head + b"?>" + declaration + rest}))
    message = _refused(path)
    assert "word/document.xml declares a DOCTYPE or entities" in message


def test_a_zip_bomb_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(_rezip(_docx_bytes(), {"word/media/filler.bin": bytes(3 * 1024 * 1024)}))
    assert "expands more than 100 to 1" in _refused(path)


def test_a_part_over_50_mb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.docx"
    data = _rezip(_docx_bytes(), {"word/media/huge.bin": bytes(51 * 1024 * 1024)})
    path.write_bytes(data)
    assert "word/media/huge.bin is 51.0 MB uncompressed" in _refused(path)


def test_a_broken_word_file_is_one_line(tmp_path: Path) -> None:
    data = _rezip(_docx_bytes(), {"word/document.xml": b"<w:document"})
    path = tmp_path / "broken.docx"
    path.write_bytes(data)
    assert _refused(path).startswith("broken.docx: not a readable Word document (")


@pytest.mark.parametrize(
    ("cut", "problem"),
    [
        (5, "truncated — the report ends inside the header (line 5)"),
        (14, "truncated — the report ends inside the project table (line 14)"),
        (25, "truncated — the report ends inside the development goal and objectives (line 24)"),
        (40, "truncated — the report ends inside the outputs, key activities and procurement"
         " table (line 40)"),
        (52, "truncated — the report ends inside the financial status (line 51)"),
        (60, "truncated — the report ends inside the direct beneficiaries table (line 60)"),
        (96, "truncated — the report ends inside the quantitative achievements table (line 96)"),
        (126, "truncated — the report ends inside the quantitative achievements table (line 126)"),
        (170, "truncated — the report ends inside the qualitative achievements (line 169)"),
        (221, "truncated — the report ends at the heading of the implementation constraints and"
         " challenges (line 220)"),
    ],
)  # fmt: skip
def test_a_truncated_report_says_where_it_ends(
    tmp_path: Path, seed_lines: list[str], cut: int, problem: str
) -> None:
    path = tmp_path / "report.txt"
    path.write_text("\n".join(seed_lines[:cut]), encoding="utf-8")
    assert _refused(path) == f"report.txt: {problem}"


def test_a_report_cut_mid_row_is_truncated(tmp_path: Path, seed_lines: list[str]) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "\n".join(seed_lines[:95]) + "\n1.3.5 IHEC GEO helpdesk and ca", encoding="utf-8"
    )
    assert "inside the quantitative achievements table (line 96)" in _refused(path)


SEED_QUARTER = "01 January \u2013 31 March 2013 - 1st Quarter 2013"
SLIP_QUARTER = "01 April \u2013 30 June 2013 - 1st Quarter 2013"


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("Project #: G11-23", "Project #:", 'no project number (no readable "Project #:" line)'),
        (SEED_QUARTER, "sometime", 'no reporting quarter: no readable "Date and Quarter'
         ' Updated:" line (it reads "sometime")'),
        (SEED_QUARTER, SLIP_QUARTER, f"the reporting quarter is unclear: '{SLIP_QUARTER}' names"
         " 2013Q1 but its dates end in 2013Q2"),
        ("Title\tInstitutional", "Name\tInstitutional", 'no project title (no "Title" row)'),
        ("United Nations Development Group Iraq Trust Fund", "",
         "no fund named on the report's first line"),
    ],
)  # fmt: skip
def test_a_header_that_cannot_be_read(
    tmp_path: Path, seed: Path, old: str, new: str, problem: str
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(seed.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    assert _refused(path).startswith(f"report.txt: {problem}")
