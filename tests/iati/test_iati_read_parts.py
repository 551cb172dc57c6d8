"""The reader in parts (``read_parts``: the file cut into documents, each parsed by a
thread of its own) gives exactly what the one-thread reader gives — records, lines,
violations, errors — on the samples, on every variant cut between its activities, on
files past libxml2's 65,535 lines, and on files it must not cut (it then reads on with
the one-thread reader); and it does read in parts when it can."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from logframe.interchange.iati import read_parts as parts_module
from logframe.interchange.iati.read import Options, ReadActivity, read_activities
from logframe.interchange.iati.read_parts import read_parts
from tests.iati.conftest import ALL_SAMPLES, TODAY, WORLD_BANK, WRI
from tests.iati.test_iati_read_same import MULTILINGUAL, OPTIONS, outcome
from tests.iati.variants import FOOTER, HEADER, generated_file, variants

STOPPED = "reading %s in parts stopped"


def in_parts(part_bytes: int):  # type: ignore[no-untyped-def]
    def reader(path: Path, **options: object):  # type: ignore[no-untyped-def]
        return read_parts(path, Options(**options), part_bytes=part_bytes)  # type: ignore[arg-type]

    return reader


def one_thread(path: Path, **options: object):  # type: ignore[no-untyped-def]
    return read_activities(path, parts=False, **options)  # type: ignore[arg-type]


def assert_same(path: Path, part_bytes: int, options=OPTIONS) -> None:  # type: ignore[no-untyped-def]
    for option in options:
        expected = outcome(one_thread, path, **option)
        assert outcome(in_parts(part_bytes), path, **option) == expected, (path.name, option)


def stopped(caplog: pytest.LogCaptureFixture) -> bool:
    return any(r.msg == STOPPED for r in caplog.records)


@pytest.mark.parametrize("path", [*ALL_SAMPLES, MULTILINGUAL], ids=lambda p: p.name)
def test_the_samples_read_in_parts_as_in_one(path: Path, caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.DEBUG, logger=parts_module.__name__)
    for part_bytes in (256, 4096, 1 << 20):  # a part per activity, a few, one
        assert_same(path, part_bytes)
    assert not stopped(caplog)


def test_a_file_past_libxml2s_line_count_reads_in_parts_as_in_one(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    """Past line 65,535 libxml2 finds an element's line from its first child's text: the
    parts starting there must say the same lines (the activities', the violations')."""
    caplog.set_level(logging.DEBUG, logger=parts_module.__name__)
    path = tmp_path / "long.xml"
    path.write_bytes(generated_file((WORLD_BANK, WRI), copies=3))
    lines = path.read_bytes().count(b"\n")
    while lines < 70_000:
        copies = 70_000 // lines * 3 + 3
        path.write_bytes(generated_file((WORLD_BANK, WRI), copies=copies))
        lines = path.read_bytes().count(b"\n")
    assert_same(path, 256 << 10, OPTIONS[1:2])
    read = list(read_parts(path, Options(), part_bytes=256 << 10))
    assert read[-1].line > 65_535
    assert not stopped(caplog)


@pytest.mark.parametrize("sample", [*ALL_SAMPLES, MULTILINGUAL], ids=lambda p: p.name)
def test_every_variant_reads_in_parts_as_in_one(tmp_path: Path, sample: Path):
    """Each variant's activity twice, cut before each: the second part's lines shifted."""
    path = tmp_path / "variant.xml"
    count = 0
    for variant in variants(sample):
        body = variant.content[len(HEADER) : -len(FOOTER)]
        path.write_bytes(HEADER + body + b"\n" + body + FOOTER)
        assert_same(path, 256, OPTIONS[:2])
        count += 1
    assert count > 200  # the mutations did run


def activity(identifier: str) -> bytes:
    return (
        b'<iati-activity default-currency="USD"><iati-identifier>%s</iati-identifier>'
        b'<reporting-org ref="XM-1"><narrative>Org</narrative></reporting-org>'
        b"<title><narrative>Title %s</narrative></title></iati-activity>\n"
    ) % (identifier.encode(), identifier.encode())


BODY = activity("A-1") + activity("A-2") + activity("A-3") + activity("A-4")
UNCUT = {
    "an activity in a comment": HEADER + activity("A-1") + b"<!-- " + activity("X")
    + b" -->\n" + activity("A-2") + activity("A-3") + FOOTER,
    "an activity in another": HEADER + activity("A-1")
    + activity("A-2").replace(b"</iati-activity>", activity("N-1") + b"</iati-activity>")
    + activity("A-3") + FOOTER,
    "cut off": HEADER + BODY[:-40],
    "not well-formed late": HEADER + BODY + b"<oops></iati-activities>\n",
    "a lone CR": HEADER + activity("A-1") + b"\r" + activity("A-2") + activity("A-3") + FOOTER,
    "an activity in a CDATA section": HEADER + activity("A-1").replace(
        b"Title A-1", b"<![CDATA[" + activity("X") + b"]]>"
    ) + activity("A-2") + FOOTER,
    "a DOCTYPE": b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e "e">]>\n'
    + HEADER.split(b"\n", 1)[1] + BODY + FOOTER,
    "not IATI 2": HEADER.replace(b"2.03", b"1.05") + BODY + FOOTER,
}  # fmt: skip


@pytest.mark.parametrize("content", UNCUT.values(), ids=UNCUT.keys())
def test_a_file_that_cannot_be_cut_there_reads_as_in_one(tmp_path: Path, content: bytes):
    path = tmp_path / "uncut.xml"
    path.write_bytes(content)
    assert_same(path, 256, OPTIONS[:2])


def test_windows_line_ends_and_a_prolog_read_in_parts(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.DEBUG, logger=parts_module.__name__)
    path = tmp_path / "crlf.xml"
    prolog = b'<?xml version="1.0" encoding="utf-8"?>\n<!-- a comment -->\n<?pi x?>\n'
    root = b'<iati-activities\n  version="2.03" xml:lang="fr"\n  generated-datetime="x">\n'
    path.write_bytes((prolog + root + BODY + FOOTER).replace(b"\n", b"\r\n"))
    assert_same(path, 256)
    items: list[ReadActivity] = list(read_parts(path, Options(languages=True), part_bytes=256))
    assert [i.line for i in items] == [7, 8, 9, 10]
    assert {i.record.language for i in items} == {"fr"}  # the copied root's xml:lang
    assert not stopped(caplog)


@pytest.mark.parametrize("part_bytes", [7, 14, 100, 245, 250, 281, 293, 333])
def test_reads_ending_inside_a_tag_read_in_parts(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, part_bytes: int
):
    """The file is read ``part_bytes`` at a time and a part is joined from the bytes left
    over and the read: reads that end inside a tag, a part that is all leftover bytes, a
    part longer than a read — still cut, still read in parts."""
    caplog.set_level(logging.DEBUG, logger=parts_module.__name__)
    path = tmp_path / "small.xml"
    path.write_bytes(HEADER + BODY + FOOTER)
    assert_same(path, part_bytes, OPTIONS[:1])
    assert not stopped(caplog)


def test_big_files_read_in_parts_by_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    path = tmp_path / "big.xml"
    path.write_bytes(HEADER + BODY + FOOTER)
    used: list[Path] = []
    real = parts_module.read_parts
    monkeypatch.setattr(parts_module, "read_parts", lambda p, o: used.append(p) or real(p, o))
    monkeypatch.setattr("logframe.interchange.iati.read.PARTS_FROM", path.stat().st_size)
    assert len(list(read_activities(path))) == 4
    assert len(list(read_activities(path, parts=False))) == 4
    assert used == [path]
    monkeypatch.setattr("logframe.interchange.iati.read.PARTS_FROM", path.stat().st_size + 1)
    assert len(list(read_activities(path))) == 4
    assert used == [path]


def test_the_bench_file_reads_in_parts_as_in_one(tmp_path: Path):
    path = tmp_path / "repeated.xml"
    path.write_bytes(generated_file((WORLD_BANK, WRI), copies=2))
    assert_same(path, 64 << 10)
    assert [i.record for i in read_parts(path, Options(today=TODAY))] == [
        i.record for i in read_activities(path, parts=False, today=TODAY)
    ]


@pytest.mark.django_db
def test_a_file_imports_in_parts_as_in_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """The importer reads a big file in parts (here: any file), end to end."""
    from logframe.interchange.iati.load import import_iati_file
    from logframe.portfolio import models as m

    path = tmp_path / "repeated.xml"
    path.write_bytes(generated_file((WORLD_BANK, WRI), copies=2))
    used: list[Path] = []
    real = parts_module.read_parts
    monkeypatch.setattr(parts_module, "read_parts", lambda p, o: used.append(p) or real(p, o))
    monkeypatch.setattr("logframe.interchange.iati.read.PARTS_FROM", 0)
    in_parts_summary = import_iati_file(path, today=TODAY)
    assert used == [path]
    assert m.Project.objects.count() == len(in_parts_summary.activities) > 2
    monkeypatch.setattr("logframe.interchange.iati.read.PARTS_FROM", 1 << 62)
    again = import_iati_file(path, today=TODAY)  # in one thread: the same, nothing changes
    assert used == [path]
    assert [a.identifier for a in again.activities] == [
        a.identifier for a in in_parts_summary.activities
    ]
    assert not any(a.changed_rows for a in again.activities)
