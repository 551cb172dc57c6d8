"""The register's services on a real database: proposals, rights, workflow, audit, locking,
computed indicators and their overrides."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from logframe.activities import models as a
from logframe.activities import services as s
from logframe.activities.selectors import register_of
from logframe.domain.checks import check_period, rules
from logframe.domain.register.figures import RuleKind, RuleScope
from logframe.domain.register.kinds import ActivityStatus, ActivityType
from logframe.portfolio import models as m
from logframe.workflow.errors import EntryError, StaleEdit

pytestmark = pytest.mark.django_db


def _workshop(q1: m.ReportingPeriod) -> a.Activity:
    return a.Activity.objects.get(period=q1, type="workshop", start=date(2013, 2, 17))


def _value(q1: m.ReportingPeriod, code: str) -> m.IndicatorValue:
    return m.IndicatorValue.objects.get(period=q1, indicator__code=code)


def _bind(seed: m.Project, manager: object, code: str, kind: RuleKind) -> a.IndicatorRule:
    indicator = m.Indicator.objects.get(result__project=seed, code=code)
    group = a.ActivityGroup.objects.get(code="capacity-building")
    return s.rule_bind(
        indicator=indicator, kind=kind, scope=RuleScope.PERIOD, group=group, actor=manager
    )


def test_the_import_proposes_the_narratives_activities_once(seed, seed_record, q1) -> None:
    proposed = a.Activity.objects.filter(period=q1, status="proposed")
    assert proposed.count() == 9
    meeting = proposed.get(start=date(2013, 2, 10))
    assert (meeting.type, meeting.output.code, meeting.place.code) == ("meeting", "1.3", "IQG08")
    assert (meeting.total, meeting.male, meeting.female) == (37, 29, 8)
    assert meeting.source.startswith("A 3-day meeting took place in Baghdad on 10-12 February")
    assert meeting.history.first().history_change_reason == "test import"
    again = s.activities_propose(project=seed, record=seed_record, actor=None, reason="again")
    assert again == []
    assert proposed.count() == 9


def test_confirming_moves_the_bound_indicator(seed, q1, manager, undp) -> None:
    rule = _bind(seed, manager, "1.3.6", RuleKind.ACTIVITIES)
    _bind(seed, manager, "1.3.7", RuleKind.PARTICIPANTS)
    assert _value(q1, "1.3.6").value == 0  # nothing confirmed yet: 29 as reported → 0
    workshop = _workshop(q1)
    s.activity_decide(
        activity=workshop, status=ActivityStatus.CONFIRMED, expected_version=workshop.version,
        actor=undp,
    )  # fmt: skip
    value = _value(q1, "1.3.6")
    assert value.value == 1
    last = value.history.first()
    assert last.history_change_reason == s.COMPUTED
    assert last.history_user == undp
    people = _value(q1, "1.3.7")
    assert (people.value, people.male, people.female) == (27, 22, 5)
    # a meeting is not a capacity building activity: confirming it changes nothing
    meeting = a.Activity.objects.get(period=q1, start=date(2013, 2, 10))
    s.activity_decide(
        activity=meeting, status=ActivityStatus.CONFIRMED, expected_version=meeting.version,
        actor=undp,
    )  # fmt: skip
    assert _value(q1, "1.3.6").value == 1
    assert rule.indicator.code == "1.3.6"


def test_focal_points_only_for_their_outputs(q1, unops, viewer, stranger) -> None:
    survey = a.Activity.objects.get(period=q1, type="survey")  # output 1.1: UNDP's alone
    for person in (unops, viewer, stranger):
        with pytest.raises(PermissionDenied):
            s.activity_decide(
                activity=survey, status=ActivityStatus.CONFIRMED,
                expected_version=survey.version, actor=person,
            )  # fmt: skip
    training = a.Activity.objects.get(period=q1, start=date(2013, 3, 3))  # output 2.2: UNOPS's
    s.activity_decide(
        activity=training, status=ActivityStatus.REJECTED, expected_version=training.version,
        actor=unops,
    )  # fmt: skip
    survey.refresh_from_db()
    assert survey.status == "proposed"
    training.refresh_from_db()
    assert training.status == "rejected"
    assert training.history.first().history_change_reason == "rejected: entered on the web"


def test_a_submitted_quarter_is_read_only(q1, undp) -> None:
    m.ReportingPeriod.objects.filter(pk=q1.pk).update(state="submitted")
    workshop = _workshop(q1)
    with pytest.raises(PermissionDenied, match="cannot be changed"):
        s.activity_decide(
            activity=workshop, status=ActivityStatus.CONFIRMED,
            expected_version=workshop.version, actor=undp,
        )  # fmt: skip


def _input(seed: m.Project, **changes: object) -> s.ActivityInput:
    fields: dict[str, object] = {
        "type": ActivityType.TRAINING, "title": "BRIDGE module 1", "start": date(2013, 3, 10),
        "end": date(2013, 3, 12), "output": m.Result.objects.get(project=seed, code="1.3"),
        "place": a.Place.objects.get(code="IQG11"), "male": 12, "female": 8, "total": 20,
    }  # fmt: skip
    fields.update(changes)
    return s.ActivityInput(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end": date(2013, 3, 9)}, "end"),
        ({"male": -1}, "male"),
        ({"total": 15}, "male"),  # 12 + 8 > 15
        ({"respondents": 10, "satisfied": 11}, "satisfied"),
        ({"title": "  "}, "title"),
    ],
)
def test_bad_input_is_refused_at_the_field_and_nothing_saved(seed, q1, undp, changes, field):
    before = a.Activity.objects.count()
    with pytest.raises(EntryError) as refused:
        s.activity_create(period=q1, data=_input(seed, **changes), actor=undp)
    assert field in refused.value.fields
    assert a.Activity.objects.count() == before


def test_create_edit_and_a_stale_edit(seed, q1, undp, manager) -> None:
    made = s.activity_create(period=q1, data=_input(seed), actor=undp)
    assert (made.status, made.version, made.history.first().history_user) == ("confirmed", 1, undp)
    s.activity_update(activity=made, data=_input(seed, total=21), expected_version=1, actor=undp)
    with pytest.raises(StaleEdit):
        s.activity_update(activity=made, data=_input(seed, total=22), expected_version=1,
                          actor=manager)  # fmt: skip
    made.refresh_from_db()
    assert (made.total, made.version) == (21, 2)
    assert [h.total for h in made.history.all()] == [21, 20]


def test_a_split_without_a_total_is_its_sum(seed, q1, undp) -> None:
    made = s.activity_create(period=q1, data=_input(seed, total=None), actor=undp)
    assert made.total == 20


def test_an_override_needs_a_reason_and_is_kept(seed, q1, manager, undp) -> None:
    rule = _bind(seed, manager, "1.3.6", RuleKind.ACTIVITIES)
    with pytest.raises(EntryError) as refused:
        s.override_set(rule=rule, period=q1, value=Decimal(29), reason=" ", actor=undp)
    assert "reason" in refused.value.fields
    s.override_set(rule=rule, period=q1, value=Decimal(29), reason="as the IHEC reported",
                   actor=undp)  # fmt: skip
    value = _value(q1, "1.3.6")
    assert value.value == 29
    assert value.history.first().history_change_reason == (
        f"{s.computed.OVERRIDDEN}: as the IHEC reported"
    )
    s.activity_create(period=q1, data=_input(seed), actor=undp)  # a training under 1.3
    assert _value(q1, "1.3.6").value == 29  # the override holds
    from logframe.portfolio.selectors import project_record

    findings = check_period(
        project=project_record(project=seed), quarter=q1.as_quarter(),
        register=register_of(project=seed),
    )  # fmt: skip
    [mismatch] = [f for f in findings if f.rule == rules.ACTIVITY_VALUE_MISMATCH]
    assert (mismatch.where, mismatch.computed, mismatch.reported) == ("1.3.6", 1, 29)
    s.override_clear(rule=rule, period=q1, actor=undp)
    assert _value(q1, "1.3.6").value == 1


def test_only_the_manager_binds(seed, undp) -> None:
    with pytest.raises(PermissionDenied):
        _bind(seed, undp, "1.3.6", RuleKind.ACTIVITIES)


def test_attachments_are_checked_by_content(seed, q1, undp) -> None:
    workshop = _workshop(q1)
    pdf = SimpleUploadedFile("../attendance list.PDF", b"%PDF-1.4\n%...\n", "text/plain")
    made = s.attachment_add(activity=workshop, upload=pdf, description="signed", actor=undp)
    assert (made.name, made.content_type) == ("attendance list.pdf", "application/pdf")
    assert not made.file.name.endswith(".pdf")  # a random name
    with pytest.raises(EntryError):
        s.attachment_add(
            activity=workshop, upload=SimpleUploadedFile("x.exe", b"MZ\x90\x00\x03\x00"),
            description="", actor=undp,
        )  # fmt: skip
    assert workshop.attachments.count() == 1


def test_the_register_findings_of_the_seed(seed, q1) -> None:
    from logframe.portfolio.selectors import project_record

    findings = check_period(
        project=project_record(project=seed), quarter=q1.as_quarter(),
        register=register_of(project=seed),
    )  # fmt: skip
    found = [f for f in findings if f.rule.startswith("activity-")]
    assert found == []  # the proposals agree with themselves and lie within the quarter
