"""Whatever the file holds, reading it ends quickly in a record or a LegacyReportError.

Random text, random tab-separated rows, and the seed with lines deleted, duplicated and
characters changed; random bytes in a Word file. A record that comes out is a valid project
file (codes unique, every reference resolved).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from logframe.interchange.legacy import LegacyReportError, read_legacy_report
from logframe.interchange.projectfile import parse_project_document, project_document

FUZZ = settings(
    max_examples=200,
    deadline=5000,  # a read takes 5 to 50 ms (a hang is far longer); the margin is for a
    # loaded machine, where a first read once took 2.5 s
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PIECES = [
    *"aZ 09.%/()-:*\u00b9\u00b3\u2022\u2013",
    "Output ", "1.1.", "2.1 ", "Yes", "n/a", "tbd", " male", "/", " female", "Initiated",
    "UNDP", "Test ", "Project #: ", "Funds Committed (", "Direct Beneficiaries",
    "Quantitative achievements", "Qualitative achievements", "Main implementation constraints",
    "Title", "<p>", "</p>", "<ol>", "JP Output 1: ", "1st Quarter 2013", "**", "- ",
]  # fmt: skip
cell = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)
line = st.one_of(st.lists(cell, min_size=1, max_size=6).map("\t".join), cell)


def _read(path: Path) -> None:
    """Read ``path``: a valid record, or an error that names the file and is not a bug's (the
    time it may take is the examples' deadline)."""
    message = ""
    try:
        record = read_legacy_report(path)
    except LegacyReportError as error:
        message = str(error)
    else:
        parse_project_document(project_document(record), source=path.name)
    if message:
        assert message.startswith(f"{path.name}: ")
        assert "could not be read" not in message, message  # the message of a bug


@FUZZ
@given(text=st.text(max_size=3000))
def test_random_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "random.txt"
    path.write_text(text, encoding="utf-8")
    _read(path)


@FUZZ
@given(lines=st.lists(line, max_size=60), head=st.integers(0, 70))
def test_random_rows_after_a_real_header(
    tmp_path: Path, seed_lines: list[str], lines: list[str], head: int
) -> None:
    tail = ["Qualitative achievements", "Main implementation constraints", "None."]
    path = tmp_path / "rows.txt"
    path.write_text("\n".join(seed_lines[:head] + lines + tail), encoding="utf-8")
    _read(path)


edit = st.tuples(st.sampled_from(["delete", "duplicate", "change"]), st.integers(0, 10**6),
                 st.integers(0, 10**6), st.sampled_from([*PIECES, "\t", "\n", ""]))  # fmt: skip


@FUZZ
@given(edits=st.lists(edit, min_size=1, max_size=12))
def test_the_seed_damaged(
    tmp_path: Path, seed_lines: list[str], edits: list[tuple[str, int, int, str]]
) -> None:
    lines = list(seed_lines)
    for kind, where, offset, piece in edits:
        index = where % len(lines)
        if kind == "delete":
            del lines[index]
        elif kind == "duplicate":
            lines.insert(offset % len(lines), lines[index])
        else:
            text = lines[index]
            cut = offset % (len(text) + 1)
            lines[index] = text[:cut] + piece + text[cut + 1 :]
    path = tmp_path / "damaged.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    _read(path)


@pytest.fixture(scope="module")
def word_seed(tmp_path_factory: pytest.TempPathFactory, seed: Path) -> bytes:
    from test_legacy_word import word_report

    return word_report(seed, tmp_path_factory.mktemp("word") / "seed.docx").read_bytes()


@FUZZ
@given(flips=st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), max_size=6))
def test_a_damaged_word_file(
    tmp_path: Path, word_seed: bytes, flips: list[tuple[int, int]]
) -> None:
    data = bytearray(word_seed)
    for where, byte in flips:
        data[where % len(data)] = byte
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(data))
    _read(path)


def test_a_long_adversarial_file_reads_in_linear_time(tmp_path: Path) -> None:
    lines = []
    for number in range(10_000):
        lines += [f"1.1.{number} Text of\t1\t2\t3%", "\u00b9 a note", "and more", "x\t\t\t"]
    path = tmp_path / "long.txt"
    path.write_text("Project #: X\n" + "\n".join(lines), encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(LegacyReportError, match="truncated"):
        read_legacy_report(path)
    assert time.perf_counter() - started < 5
