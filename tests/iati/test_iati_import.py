"""Import into the database: every part of the samples is stored, a file comes in whole or
not at all, and import → export → import keeps results, indicators and transactions."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from logframe.domain.measures import Measure
from logframe.interchange.iati.errors import IatiFileError
from logframe.interchange.iati.export import activities_document
from logframe.interchange.iati.load import import_iati_file
from logframe.interchange.iati.schema import schema_violations
from logframe.portfolio import models as m
from logframe.portfolio.records import project_records
from tests.iati.conftest import ALL_SAMPLES, TODAY, WORLD_BANK, counts, record_counts

pytestmark = pytest.mark.django_db


def _stored(fund: str | None = None) -> list:  # type: ignore[type-arg]
    projects = list(m.Project.objects.select_related("fund").order_by("pk"))
    if fund:
        projects = [p for p in projects if p.fund.code == fund]
    found = project_records(projects=projects, periods=[])
    return [found[p.pk] for p in projects]


@pytest.mark.parametrize("path", ALL_SAMPLES, ids=lambda p: p.name)
def test_every_part_of_the_sample_is_stored(path: Path):
    summary = import_iati_file(path, today=TODAY)
    assert all(a.created for a in summary.activities)
    stored = _stored()
    assert record_counts(stored) == counts(path)
    assert m.Budget.objects.count() == counts(path)["budgets"]
    assert m.Transaction.objects.count() == counts(path)["transactions"]


@pytest.mark.parametrize("path", ALL_SAMPLES, ids=lambda p: p.name)
def test_the_export_of_every_imported_sample_is_valid(path: Path, export_settings):
    import_iati_file(path)
    document = activities_document(_stored(), export_settings)
    assert schema_violations(document) == []


def _keepable(records) -> list:  # type: ignore[no-untyped-def, type-arg]
    """What a round trip must keep: the result tree, indicators and transactions."""
    return [
        (
            r.iati_identifier,
            [(x.text, x.level) for x in r.walk_results()],
            [(i.code, i.text, i.measure, len(i.published_periods), len(i.published_baselines))
             for x in r.walk_results() for i in x.indicators],
            [(p.start, p.end, p.targets, p.actuals)  # numbers as published, with dimensions
             for x in r.walk_results() for i in x.indicators if i.measure is not Measure.MILESTONE
             for p in i.published_periods],
            [(t.type, t.transaction_date, t.value, t.provider_ref, t.receiver_ref)
             for t in r.transactions],
            [(b.period_start, b.period_end, b.value) for b in r.budgets],
        )
        for r in records
    ]  # fmt: skip


@pytest.mark.parametrize("path", ALL_SAMPLES, ids=lambda p: p.name)
def test_import_export_import_keeps_results_indicators_and_transactions(
    path: Path, tmp_path: Path, export_settings
):
    import_iati_file(path)
    first = _stored()
    exported = tmp_path / "exported.xml"
    exported.write_bytes(etree.tostring(activities_document(first, export_settings)))
    m.Project.objects.all().delete()
    import_iati_file(exported)
    again = _stored()
    assert _keepable(again) == _keepable(first)


def test_the_seed_survives_export_and_import(seed_record, tmp_path: Path, export_settings):
    path = tmp_path / "seed.xml"
    path.write_bytes(etree.tostring(activities_document([seed_record], export_settings)))
    (imported,) = import_iati_file(path).activities
    assert (imported.fund, imported.number) == ("XM-DAC-41114", "G11-23")
    (record,) = _stored("XM-DAC-41114")
    assert record.sector_code == "15151"
    assert record.recipient_country == "IQ"
    assert record.title == seed_record.title
    with_indicators = [r for r in seed_record.walk_results() if r.indicators]
    assert [r.text for r in record.walk_results()] == [r.text for r in with_indicators]
    codes = [i.code for r in record.walk_results() for i in r.indicators]
    assert codes == [i.code for r in with_indicators for i in r.indicators]
    split = next(i for r in record.walk_results() for i in r.indicators if i.code == "1.1.9")
    dims = [a.dimensions for a in split.published_periods[0].actuals]
    assert dims == [(), (("sex", "male"),), (("sex", "female"),)]


def test_importing_again_changes_nothing():
    import_iati_file(WORLD_BANK)
    again = import_iati_file(WORLD_BANK)
    assert [a.created for a in again.activities] == [False] * 5
    assert sum(a.changed_rows for a in again.activities) == 0


def test_dry_run_saves_nothing():
    summary = import_iati_file(WORLD_BANK, dry_run=True)
    assert len(summary.activities) == 5
    assert not m.Project.objects.exists()
    assert not m.Fund.objects.exists()


def test_an_error_late_in_the_file_saves_nothing_of_the_earlier_activities(tmp_path: Path):
    text = WORLD_BANK.read_text(encoding="utf-8")
    last = text.rindex('<transaction-type code="2" />')
    path = tmp_path / "late.xml"
    path.write_text(text[:last] + '<transaction-type code="0" />' + text[last + 29 :])
    with pytest.raises(IatiFileError, match="@code '0'"):
        import_iati_file(path)
    assert not m.Project.objects.exists()
    assert not m.Budget.objects.exists()


def test_hostile_file_saves_nothing(tmp_path: Path):
    from tests.iati.test_iati_read import XXE

    path = tmp_path / "xxe.xml"
    path.write_text(XXE)
    with pytest.raises(IatiFileError, match="DOCTYPE"):
        import_iati_file(path)
    assert not m.Project.objects.exists()


def test_a_project_with_quarterly_reports_is_not_overwritten(loaded_project, seed_record, tmp_path):
    record = replace(seed_record, iati_identifier="XM-DAC-41114-G11-23")
    path = tmp_path / "seed.xml"
    from logframe.interchange.iati.export import ExportSettings

    path.write_bytes(
        etree.tostring(activities_document([record], ExportSettings(reporting_org_ref="X")))
    )
    with pytest.raises(IatiFileError, match="holds quarterly reports"):
        import_iati_file(path, fund="UNDG-ITF")
    assert m.Project.objects.count() == 1


def test_an_existing_fund_keeps_its_settings(loaded_project):
    fund = loaded_project.fund
    import_iati_file(WORLD_BANK, fund=fund.code)
    fund.refresh_from_db()
    assert fund.name == "United Nations Development Group Iraq Trust Fund"
    assert m.Project.objects.filter(fund=fund).count() == 6


def test_an_unknown_fund_is_named():
    with pytest.raises(IatiFileError, match="unknown fund 'NOPE'"):
        import_iati_file(WORLD_BANK, fund="NOPE")


@pytest.mark.parametrize("path", ALL_SAMPLES, ids=lambda p: p.name)
def test_an_imported_project_dumps_to_a_project_file_that_loads_back(path: Path, tmp_path):
    from logframe.interchange.projectfile import read_project_file, write_project_file

    import_iati_file(path)
    for n, record in enumerate(_stored()):
        file = tmp_path / f"p{n}.json"
        write_project_file(record, file)
        assert read_project_file(file) == record
