"""Synthetic reports in the template, as text and as Word, read back as the records they were
written from (``tests/legacy_fixtures``: other projects, sectors, agencies, quarters, shapes and
slips). Compared through the catalogue's ``comparable()``, which blanks what a report does not
print (the fund's code, agencies' full names, the period's state, the source cells…)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from legacy_support import fixture_catalogue

from logframe.domain.records import ProjectRecord
from logframe.interchange.legacy import read_legacy_report
from logframe.interchange.projectfile import parse_project_document, project_document

catalogue = fixture_catalogue()
pytestmark = pytest.mark.skipif(catalogue is None, reason="tests/legacy_fixtures is not there")


def _cases() -> list[Any]:
    if catalogue is None:
        return []
    return [
        pytest.param(fixture, path, id=path.name)
        for fixture in catalogue.fixtures()
        for path in (fixture.txt_path, fixture.docx_path)
    ]


@pytest.mark.parametrize(("fixture", "path"), _cases())
def test_a_fixture_reads_as_the_record_it_was_written_from(fixture: Any, path: Path) -> None:
    assert catalogue is not None
    record: ProjectRecord = read_legacy_report(path)
    assert project_document(catalogue.comparable(record)) == project_document(
        catalogue.comparable(fixture.record)
    )


@pytest.mark.parametrize(("fixture", "path"), _cases())
def test_a_fixture_gives_a_valid_project_file_with_its_cells(fixture: Any, path: Path) -> None:
    record = read_legacy_report(path)
    document = project_document(record)
    parse_project_document(document, source=path.name)
    sources = record.periods[0].sources
    assert sources
    assert all(cell.location.startswith(path.name) for cell in sources)
    values = {value.indicator for value in record.periods[0].values}
    assert values <= {cell.where for cell in sources if cell.field == "actual"} | {
        cell.where for cell in sources if cell.field == "pct"
    }


def test_the_word_and_the_text_form_agree_but_for_locations() -> None:
    assert catalogue is not None
    for fixture in catalogue.fixtures():
        text, word = (read_legacy_report(p) for p in (fixture.txt_path, fixture.docx_path))
        assert catalogue.comparable(text) == catalogue.comparable(word), fixture.name
