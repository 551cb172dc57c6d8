"""Reading then writing a canonical project file gives it back, to the byte."""

from __future__ import annotations

import copy
import json
import os
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from logframe.domain.measures import Actual
from logframe.domain.records import IndicatorValueRecord
from logframe.interchange.projectfile import (
    decimal_text,
    parse_project_document,
    project_document,
    read_project_file,
    write_project_file,
)


def test_the_example_is_canonical(example_document: dict[str, Any]) -> None:
    record = parse_project_document(copy.deepcopy(example_document), source="example")
    assert project_document(record) == example_document


def test_writing_the_example_reproduces_its_bytes(example_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "project.json"
    write_project_file(read_project_file(example_path), path=target)
    assert target.read_bytes() == example_path.read_bytes()
    assert target.read_text(encoding="utf-8").endswith("}\n")
    assert "\u2019" in target.read_text(encoding="utf-8")  # written as UTF-8, not \u escapes


def test_write_then_read_gives_equal_records(example_path: Path, tmp_path: Path) -> None:
    record = read_project_file(example_path)
    write_project_file(record, path=tmp_path / "copy.json")
    assert read_project_file(tmp_path / "copy.json") == record


def test_the_small_document_is_canonical(small_document: dict[str, Any]) -> None:
    record = parse_project_document(copy.deepcopy(small_document), source="small")
    assert project_document(record) == small_document


def test_reading_makes_a_document_canonical(small_document: dict[str, Any]) -> None:
    project = small_document["project"]
    project["participations"][0]["approved_budget"] = "0010.500"
    project["organisations"][0]["kind"] = "un_agency"  # the default, written out
    project["periods"][0]["state"] = "open"  # the default, written out
    written = project_document(parse_project_document(small_document, source="s"))["project"]
    assert written["participations"][0]["approved_budget"] == "10.5"
    assert "kind" not in written["organisations"][0]
    assert "state" not in written["periods"][0]


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (Decimal("5848841.07"), "5848841.07"),
        (Decimal("100"), "100"),
        (Decimal("1E+2"), "100"),
        (Decimal("51.60"), "51.6"),
        (Decimal("0.000"), "0"),
        (Decimal("-0.0"), "0"),
        (Decimal("-2.50"), "-2.5"),
        (Decimal("1.5E-7"), "0.00000015"),
        (Decimal("12345678901234567890.123456789012345"), "12345678901234567890.123456789012345"),
    ],
)
def test_decimals_are_written_without_exponent_or_trailing_zeros(
    number: Decimal, text: str
) -> None:
    assert decimal_text(number) == text


def test_a_number_that_is_not_finite_cannot_be_written() -> None:
    with pytest.raises(ValueError, match="finite"):
        decimal_text(Decimal("NaN"))


def test_rich_text_is_sanitised_on_the_way_in(small_document: dict[str, Any]) -> None:
    progress = small_document["project"]["periods"][0]["progress"][0]
    progress["narrative"] = (
        '<p onclick="x()">Done <script>alert(1)</script><a href="javascript:y()">a</a> '
        '<a href="https://example.org/" target="_blank">b</a><span>c</span></p>'
    )
    record = parse_project_document(small_document, source="s")
    assert record.periods[0].progress[0].narrative == (
        '<p>Done <a>a</a> <a href="https://example.org/">b</a>c</p>'
    )


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    example_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = read_project_file(example_path)
    target = tmp_path / "project.json"
    target.write_text("old", encoding="utf-8")

    def fail(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_project_file(record, path=target)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project.json"]


def test_a_record_that_cannot_be_written_leaves_no_file(example_path: Path, tmp_path: Path) -> None:
    record = read_project_file(example_path)
    bad_value = IndicatorValueRecord(indicator="1.1.1", actual=Actual(value=Decimal("NaN")))
    broken = replace(record, periods=(replace(record.periods[0], values=(bad_value,)),))
    with pytest.raises(ValueError, match="finite"):
        write_project_file(broken, path=tmp_path / "project.json")
    assert list(tmp_path.iterdir()) == []


def test_the_written_file_is_plain_json(example_path: Path, tmp_path: Path) -> None:
    write_project_file(read_project_file(example_path), path=tmp_path / "p.json")
    text = (tmp_path / "p.json").read_text(encoding="utf-8")
    assert json.loads(text)["version"] == 1
    assert text.startswith('{\n  "format": "logframe-project",\n  "version": 1,')
