"""The bulk loader stores what ``project_import`` stores, with its history, or nothing."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection

from logframe.domain.records import ProjectRecord
from logframe.interchange.legacy import read_legacy_report
from logframe.interchange.synthetic import synthetic_projects
from logframe.pagecache.versions import versions
from logframe.portfolio import models as m
from logframe.portfolio.fund_counts import FindingCount
from logframe.portfolio.selectors import project_record
from logframe.portfolio.services import project_import
from logframe.portfolio.services.bulk import BulkLoadError, projects_bulk_create

SEED = Path(__file__).resolve().parents[2] / "examples" / "itf-g11-23"
pytestmark = pytest.mark.django_db


def _in_fund(record: ProjectRecord, code: str) -> ProjectRecord:
    return replace(record, fund=replace(record.fund, code=code))


def _stored(number: str, fund: str) -> ProjectRecord:
    project = m.Project.objects.get(number=number, fund__code=fund)
    return _in_fund(project_record(project=project), "same")


def _both_ways(records: list[ProjectRecord]) -> None:
    for record in records:
        project_import(record=_in_fund(record, "ONE"), reason="one by one")
    created = projects_bulk_create(
        records=[_in_fund(r, "BULK") for r in records], reason="in bulk", batch=2
    )
    assert created["projects"] == len(records)
    for record in records:
        assert _stored(record.number, "BULK") == _stored(record.number, "ONE")


def test_synthetic_projects_are_stored_as_project_import_stores_them():
    _both_ways(list(synthetic_projects(fund="SYN", projects=5, quarters=3, seed=7)))


def test_the_example_and_the_seed_report_are_stored_the_same_way(example_record):
    # the project file has footnotes, marks, activities, partners and multi-part actuals;
    # the seed report keeps every cell it read (source cells)
    seed = read_legacy_report(SEED / "itf-g11-23-2013q1-progress-report.txt")
    _both_ways([example_record, replace(seed, number="G11-23-txt")])
    assert m.SourceCell.objects.filter(period__project__fund__code="BULK").exists()
    assert m.IndicatorValuePart.objects.filter(
        indicator_value__period__project__fund__code="BULK"
    ).exists()


def test_every_row_has_its_history_with_who_and_why(django_user_model):
    actor = django_user_model.objects.create_user("loader", password="a-long-test-password")
    records = list(synthetic_projects(fund="SYN", projects=3, quarters=2, seed=1))
    projects_bulk_create(records=records, actor=actor, reason="generated")
    for model in (m.Project, m.Result, m.Indicator, m.IndicatorValue, m.FinancialStatus):
        rows = model.objects.count()
        history = model.history.filter(history_type="+", history_change_reason="generated")
        assert history.filter(history_user=actor).count() == rows > 0, model
    with_partners = m.Result.objects.filter(partners__isnull=False).distinct()
    assert with_partners.exists()
    for result in with_partners:
        created = result.history.get()
        assert {p.organisation_id for p in created.partners.all()} == set(
            result.partners.values_list("pk", flat=True)
        )


def test_the_ids_continue_after_the_rows_already_there(loaded_project):
    records = list(synthetic_projects(fund="SYN", projects=2, quarters=1, seed=1))
    projects_bulk_create(records=records, reason="generated")
    projects_bulk_create(
        records=list(synthetic_projects(fund="SYN2", projects=2, quarters=1, seed=1)),
        reason="generated",
    )
    assert m.Project.objects.count() == 5
    # the ORM's next row gets a fresh id too
    project_import(record=_in_fund(records[0], "LATER"), reason="after")
    assert m.Project.objects.filter(fund__code="LATER").count() == 1


def test_an_existing_project_is_refused_and_nothing_is_saved():
    records = list(synthetic_projects(fund="SYN", projects=3, quarters=1, seed=1))
    project_import(record=records[2], reason="there already")
    with pytest.raises(BulkLoadError, match="project S00003 already exists in fund SYN"):
        projects_bulk_create(records=records, reason="generated", batch=2)
    assert list(m.Project.objects.values_list("number", flat=True)) == ["S00003"]


def test_a_value_too_long_for_its_column_is_named_and_nothing_is_saved():
    records = list(synthetic_projects(fund="SYN", projects=3, quarters=1, seed=1))
    records[1] = replace(records[1], location="x" * 501)
    with pytest.raises(BulkLoadError, match="project S00002: location: at most 500 characters"):
        projects_bulk_create(records=records, reason="generated", batch=1)
    assert not m.Project.objects.exists()


def test_a_number_with_too_many_digits_is_named():
    records = list(synthetic_projects(fund="SYN", projects=1, quarters=1, seed=1))
    records[0] = replace(records[0], reported_total_budget=Decimal("1e17"))
    with pytest.raises(BulkLoadError, match=r"project S00001: total budget as reported: .* 16"):
        projects_bulk_create(records=records, reason="generated")
    assert not m.Fund.objects.filter(code="SYN").exists()


def _triggers() -> set[tuple[str, str]]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        else:
            cursor.execute(
                "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal"
            )
        return set(cursor.fetchall())


def test_the_triggers_left_out_while_loading_are_back_after_a_load_or_a_failed_one():
    before = _triggers()
    assert len(before) > 100
    records = list(synthetic_projects(fund="SYN", projects=3, quarters=1, seed=1))
    projects_bulk_create(records=records[:2], reason="generated", batch=1)
    assert _triggers() == before
    bad = replace(records[2], location="x" * 501)
    with pytest.raises(BulkLoadError):
        projects_bulk_create(records=[records[2], bad], reason="generated", batch=1)
    assert _triggers() == before
    assert m.Project.objects.count() == 2


def test_a_load_moves_the_page_versions_of_its_fund_and_projects_and_the_triggers_work_after():
    records = list(synthetic_projects(fund="SYN", projects=2, quarters=1, seed=1))
    projects_bulk_create(records=records[:1], reason="generated")
    fund = m.Fund.objects.get(code="SYN")
    (before,) = versions([f"fund:{fund.pk}"])
    projects_bulk_create(records=records[1:], reason="generated")
    project = m.Project.objects.get(number=records[1].number)
    fund_now, project_now = versions([f"fund:{fund.pk}", f"project:{project.pk}"])
    assert fund_now > before
    assert project_now > 0
    m.IndicatorValue.objects.filter(period__project=project).update(comment="changed")
    assert versions([f"project:{project.pk}"])[0] > project_now
    counts = FindingCount.objects.filter(period__project=project)
    assert counts.exists()
    assert all(c.revision > c.counted_revision for c in counts)  # the counts' triggers too
