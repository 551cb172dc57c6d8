"""The seed report read by the importer is its hand transcription, cell for cell.

The oracle: ``project_document(read_legacy_report(seed))`` equals
``examples/itf-g11-23/project.json`` once the period's ``sources`` and its workflow ``state``
are set aside (the file cannot say whether the fund approved it; the importer leaves every
period open). Every value's printed text is among the kept cells, at the row it came from.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from logframe.domain.periods import Quarter
from logframe.domain.records import PeriodState
from logframe.interchange.legacy import read_legacy_report
from logframe.interchange.projectfile import parse_project_document, project_document


def _without_sources(document: dict[str, Any]) -> dict[str, Any]:
    for period in document["project"]["periods"]:
        period.pop("sources", None)
    return document


def test_the_seed_reads_as_its_transcription(seed: Path, transcription: dict[str, Any]) -> None:
    record = read_legacy_report(seed)
    assert _without_sources(project_document(record)) == _without_sources(transcription)


def test_the_period_is_open_and_the_only_one(seed: Path) -> None:
    record = read_legacy_report(seed)
    assert [(p.quarter, p.state) for p in record.periods] == [(Quarter(2013, 1), PeriodState.OPEN)]


def test_the_record_is_a_valid_project_file(seed: Path) -> None:
    document = project_document(read_legacy_report(seed))
    assert project_document(parse_project_document(document, source="seed")) == document


def test_every_cell_read_is_kept_and_understood(seed: Path) -> None:
    sources = read_legacy_report(seed).periods[0].sources
    assert len(sources) > 250
    assert all(cell.understood for cell in sources)
    assert all(re.fullmatch(rf"{re.escape(seed.name)}:\d+", c.location) for c in sources)


def test_every_value_is_among_the_cells_at_its_row(seed: Path, seed_lines: list[str]) -> None:
    period = read_legacy_report(seed).periods[0]
    cells = {(c.where, c.field): c for c in period.sources}
    for value in period.values:
        code = value.indicator
        assert cells[(code, "text")].location == value.source
        if value.actual_text:  # no marks in the seed's actual and % cells: the text as printed
            assert cells[(code, "actual")].text == value.actual_text
        if value.reported_pct_text:
            assert cells[(code, "pct")].text == value.reported_pct_text
        line = int(value.source.rsplit(":", 1)[1])
        assert seed_lines[line - 1].startswith(code)


def test_every_figure_of_the_period_has_its_cell(seed: Path) -> None:
    period = read_legacy_report(seed).periods[0]
    fields = {(c.where, c.field): c.text for c in period.sources}
    assert fields[("UNDP", "committed")] == "5,848,841.07"
    assert fields[("UNDP", "committed_pct")] == "41 %"
    assert fields[("UNOPS", "forecast")] == "17 October 2013"
    assert fields[("total", "disbursed_pct")] == "49.5%"
    assert fields[("beneficiaries", "men_target")] == "Men (Target: 1,471)"
    assert fields[("beneficiaries", "indirect_note")].startswith("By contributing")
    assert fields[("2.1.6", "target")] == "tbd by IHEC \u00b3"
    assert fields[("1.1", "pct")] == "56 %"
    assert fields[("header", "quarter")] == "01 January \u2013 31 March 2013 - 1st Quarter 2013"
    assert fields[("UNOPS", "budget")] == "UNOPS: USD 10, 914, 712"
    assert fields[("footnotes", "3")].endswith("(112 male / 42 female).")


def test_the_seed_reads_in_well_under_100_ms(seed: Path) -> None:
    read_legacy_report(seed)  # warm: imports and compiled patterns
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        read_legacy_report(seed)
        timings.append(time.perf_counter() - start)
    assert sorted(timings)[2] < 0.1, timings
