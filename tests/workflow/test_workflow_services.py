"""The quarter's workflow and data entry through their services, on a real database."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from logframe.domain.measures import Status
from logframe.portfolio import models as m
from logframe.workflow.entry import ValueInput, finance_set, indicator_value_set
from logframe.workflow.errors import EntryError, StaleEdit
from logframe.workflow.transitions import (
    period_approve,
    period_open_next,
    period_reopen,
    period_return,
    period_submit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(loaded_project, make_member):
    project = loaded_project
    return {
        "admin": make_member("admin", "fund_admin", project, fund_wide=True),
        "reviewer": make_member("reviewer", "reviewer", project, fund_wide=True),
        "viewer": make_member("viewer", "viewer", project, fund_wide=True),
        "manager": make_member("manager", "project_manager", project, "UNDP"),
        "undp": make_member("undp", "focal_point", project, "UNDP"),
        "unops": make_member("unops", "focal_point", project, "UNOPS"),
    }


@pytest.fixture
def period(loaded_project):
    return loaded_project.periods.get()


def value_of(period, code):
    return m.IndicatorValue.objects.filter(period=period, indicator__code=code).first()


def save(period, code, who, data, version=None):
    indicator = m.Indicator.objects.get(result__project=period.project, code=code)
    current = value_of(period, code)
    expected = version if version is not None else (current.version if current else 0)
    return indicator_value_set(
        period=period, indicator=indicator, data=data, expected_version=expected, actor=who
    )


SPLIT = ValueInput(value=Decimal(498), male=Decimal(470), female=Decimal(28))


@pytest.mark.parametrize(
    ("who", "code", "allowed"),
    [
        ("manager", "1.1.9", True),
        ("admin", "3.1.4", True),
        ("undp", "1.1.9", True),  # output 1.1: UNDP
        ("undp", "1.3.7", True),  # output 1.3: UNDP lead w UNOPS
        ("unops", "1.3.7", True),
        ("unops", "1.1.9", False),
        ("undp", "2.2.2", False),  # output 2.2: UNOPS
        ("reviewer", "1.1.9", False),
        ("viewer", "1.1.9", False),
    ],
)
def test_who_may_enter_which_indicator(people, period, who, code, allowed):
    data = ValueInput(value=Decimal(5))
    if allowed:
        assert save(period, code, people[who], data).value == 5
    else:
        with pytest.raises(PermissionDenied):
            save(period, code, people[who], data)


@pytest.mark.parametrize(
    ("who", "agency", "allowed"),
    [("undp", "UNDP", True), ("undp", "UNOPS", False), ("manager", "UNOPS", True),
     ("reviewer", "UNDP", False)],
)  # fmt: skip
def test_who_may_enter_which_finance_line(people, period, who, agency, allowed):
    participation = period.project.participations.get(organisation__code=agency)
    line = m.FinancialStatus.objects.get(period=period, participation=participation)

    def enter():
        return finance_set(
            period=period, participation=participation, committed=Decimal(1), disbursed=None,
            forecast_final_date=None, expected_version=line.version, actor=people[who],
        )  # fmt: skip

    if allowed:
        assert enter().committed == 1
    else:
        with pytest.raises(PermissionDenied):
            enter()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (ValueInput(value=Decimal(-1)), "value"),
        (ValueInput(value=Decimal(10), male=Decimal(8), female=Decimal(5)), "male"),
        (ValueInput(status=Status.INITIATED, estimated_pct=Decimal(120)), "estimated_pct"),
    ],
)
def test_bad_values_are_refused_at_their_field_and_nothing_saved(people, period, data, field):
    before = value_of(period, "1.1.9")
    with pytest.raises(EntryError) as refused:
        save(period, "1.1.9", people["undp"], data)
    assert field in refused.value.fields
    after = value_of(period, "1.1.9")
    assert (after.value, after.version) == (before.value, before.version)


def test_a_save_from_an_old_version_is_refused_with_the_other_persons_value(people, period):
    version = value_of(period, "1.1.9").version
    save(period, "1.1.9", people["undp"], SPLIT, version=version)
    with pytest.raises(StaleEdit) as stale:
        save(period, "1.1.9", people["manager"], ValueInput(value=Decimal(1)), version=version)
    assert stale.value.who == "undp"
    assert "470" in str(stale.value)
    assert value_of(period, "1.1.9").male == 470


def test_each_save_is_audited_with_who(people, period):
    save(period, "1.1.9", people["undp"], SPLIT)
    latest = value_of(period, "1.1.9").history.first()
    assert latest.history_user == people["undp"]
    assert latest.male == 470


def test_the_whole_workflow(people, period):
    with pytest.raises(PermissionDenied):
        period_submit(period=period, actor=people["undp"])
    first = period_submit(period=period, actor=people["manager"])
    assert first.event == "submitted"
    assert first.document["project"]["periods"][0]["quarter"] == "2013Q1"
    with pytest.raises(PermissionDenied):  # submitted: read-only
        save(period, "1.1.9", people["undp"], SPLIT)
    with pytest.raises(EntryError):
        period_return(period=period, actor=people["reviewer"], comment="  ")
    period_return(period=period, actor=people["reviewer"], comment="Fix 1.1.9's split")
    period.refresh_from_db()
    assert (period.state, period.review_comment) == ("returned", "Fix 1.1.9's split")
    save(period, "1.1.9", people["undp"], ValueInput(value=Decimal(496), male=Decimal(468),
                                                     female=Decimal(28)))  # fmt: skip
    period_submit(period=period, actor=people["manager"])
    with pytest.raises(PermissionDenied):
        period_approve(period=period, actor=people["manager"])
    period_approve(period=period, actor=people["reviewer"])
    period.refresh_from_db()
    assert period.state == "approved"
    assert period.approved_by == people["reviewer"]
    with pytest.raises(PermissionDenied):  # approved: read-only for everyone
        save(period, "1.1.9", people["admin"], SPLIT)
    with pytest.raises(PermissionDenied):
        period_reopen(period=period, actor=people["reviewer"], reason="typo")
    with pytest.raises(EntryError):
        period_reopen(period=period, actor=people["admin"], reason="")
    period_reopen(period=period, actor=people["admin"], reason="The donor found a typo")
    period.refresh_from_db()
    assert period.state == "open"
    reasons = list(period.history.values_list("history_change_reason", flat=True)[:1])
    assert reasons == ["reopened: The donor found a typo"]
    events = list(period.snapshots.values_list("event", flat=True))
    assert events == ["submitted", "submitted", "approved", "reopened"]


def test_opening_the_next_quarter_carries_cumulative_values_forward(people, period):
    with pytest.raises(PermissionDenied):
        period_open_next(project=period.project, actor=people["undp"])
    with pytest.raises(EntryError, match="2013Q1 is still open: submit it first"):
        period_open_next(project=period.project, actor=people["manager"])
    assert period.project.periods.count() == 1
    period_submit(period=period, actor=people["manager"])
    following = period_open_next(project=period.project, actor=people["manager"])
    assert following.code == "2013Q2"
    assert value_of(following, "1.1.9").value == 498
    assert value_of(following, "1.1.9").comment == ""
    assert following.finance.count() == 2
    assert not following.progress.exists()


def test_a_long_written_reason_is_kept_whole_in_the_history(people, period):
    """A reopening's reason is free text: PostgreSQL refused any over 100 characters."""
    period_submit(period=period, actor=people["manager"])
    period_approve(period=period, actor=people["reviewer"])
    why = "The donor found that " + "the figures of output 1.1 were copied from 2012; " * 8
    period_reopen(period=period, actor=people["admin"], reason=why)
    reason = period.history.values_list("history_change_reason", flat=True).first()
    assert reason == f"reopened: {why.strip()}"
    assert len(reason) > 300
