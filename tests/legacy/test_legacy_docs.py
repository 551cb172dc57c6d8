"""docs/legacy-import.md documents every kind of source cell the importer keeps (as Datasette
fails a test for an undocumented setting): every ``where`` and ``field`` met in the seed, the
fixtures, and a report full of cells that cannot be read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from legacy_support import ROOT, fixture_catalogue

from logframe.domain.records import SourceCell
from logframe.interchange.legacy import read_legacy_report

DOCS = ROOT / "docs" / "legacy-import.md"
_GROUPS = ("men", "women", "children", "idps", "others", "indirect", "employment")


def _vocabulary() -> tuple[set[str], set[str]]:
    """The ``where`` and ``field`` words of the docs' source-cell table."""
    text = DOCS.read_text(encoding="utf-8")
    table = text.split("## The source cells", 1)[1].split("\n## ", 1)[0]
    wheres: set[str] = set()
    fields: set[str] = set()
    for line in table.splitlines():
        cells = line.split("|")
        if len(cells) < 4 or not line.startswith("| "):
            continue
        wheres |= set(re.findall(r"`([^`]+)`", cells[1])) | set(
            re.findall(r"\*([^*]+)\*", cells[1])
        )
        fields |= set(re.findall(r"`([^`]+)`", cells[2])) | set(
            re.findall(r"\*([^*]+)\*", cells[2])
        )
    return wheres, fields


def _kind_of_where(where: str) -> str:
    if re.fullmatch(r"\d+\.\d+\.\d+", where):
        return "indicator code"
    if re.fullmatch(r"\d+(\.\d+)?", where):
        return "output code"
    if where in {"header", "framework", "beneficiaries", "total", "footnotes", "qualitative",
                 "objectives", "finance", "quantitative", "constraints"}:  # fmt: skip
        return where
    return "agency code"


def _kind_of_field(cell: SourceCell) -> str:
    if cell.where == "footnotes" and cell.field.isdigit():
        return "number"
    if cell.where == "beneficiaries":
        for group in _GROUPS:
            if cell.field == group:
                return "group"
            if cell.field.startswith(group + "_"):
                return cell.field[len(group) :]
    return cell.field


def _reports(tmp_path: Path, seed: Path) -> list[Path]:
    paths = [seed]
    catalogue = fixture_catalogue()
    if catalogue is not None:
        paths += [f.txt_path for f in catalogue.fixtures()] + [
            f.docx_path for f in catalogue.fixtures()
        ]
    text = seed.read_text(encoding="utf-8")
    for old, new in (
        ("\t340\t498\t100%", "\t340\tabout 500\t100%"),
        ("Geo. Location", "Colour"),
        ("Funds Committed (UNOPS)\t6,975,973.74", "Funds Committed (UNOPS)\t6.975.973,74"),
        ("Children\tn/a\tn/a", "Children\tn/a\tmany"),
        ("\n1.2.3 IHEC finance", "\n1.2.1 Again\tYes\tNo\t0%\nA stray row\tx\n1.2.3 IHEC finance"),
        ("\nOutput 2.2: IHEC staff have", "\nOutput 9.9: Nobody has"),
        ("\nDevelopment goal:", "\nDevelopment goal:\nA\tstray row"),
    ):
        text = text.replace(old, new, 1)
    unread = tmp_path / "unread.txt"
    unread.write_text(text, encoding="utf-8")
    return [*paths, unread]


def test_every_kind_of_source_cell_is_documented(tmp_path: Path, seed: Path) -> None:
    wheres, fields = _vocabulary()
    seen: set[tuple[str, str]] = set()
    for path in _reports(tmp_path, seed):
        for cell in read_legacy_report(path).periods[0].sources:
            seen.add((_kind_of_where(cell.where), _kind_of_field(cell)))
    undocumented = sorted((w, f) for w, f in seen if w not in wheres or f not in fields)
    assert undocumented == []
    assert ("agency code", "committed") in seen
    assert any(
        not cell.understood
        for cell in read_legacy_report(_reports(tmp_path, seed)[-1]).periods[0].sources
    )


@pytest.mark.parametrize(
    "name", ["read_legacy_report", "LegacyReportError", "UN_ORGANISATIONS", "KNOWN_FUNDS"]
)
def test_the_api_and_the_reference_tables_are_named(name: str) -> None:
    assert f"`{name}" in DOCS.read_text(encoding="utf-8")
