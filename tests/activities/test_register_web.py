"""The register's screens through HTTP: who sees and changes what, field errors, files."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from logframe.activities import models as a
from logframe.activities import services as s
from logframe.domain.register.figures import RuleKind, RuleScope
from logframe.portfolio import models as m

pytestmark = pytest.mark.django_db

BASE = "/funds/UNDG-ITF/projects/G11-23/"
REGISTER = BASE + "2013Q1/activities/"


def _activity(q1: m.ReportingPeriod, **where: object) -> a.Activity:
    return a.Activity.objects.get(period=q1, **where)


def test_the_register_page_for_a_viewer_is_read_only(client, q1, viewer) -> None:
    client.force_login(viewer)
    page = client.get(REGISTER)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Operational meeting" in html
    assert "A 3-day operational meeting was held in Baghdad" in html  # its source
    assert "9 activities were read from the report" in html
    assert 'name="status"' not in html
    assert "Register an activity" not in html
    assert client.get(BASE + "activities/").url == REGISTER
    assert 'aria-current="page">Activities' in html


def test_anonymous_goes_to_login_and_a_stranger_finds_nothing(client, q1, stranger) -> None:
    assert client.get(REGISTER).status_code == 302
    client.force_login(stranger)
    assert client.get(REGISTER).status_code == 404


def test_a_focal_point_confirms_and_rejects_only_their_outputs(client, q1, undp, unops) -> None:
    survey = _activity(q1, type="survey")  # output 1.1: UNDP's alone
    client.force_login(unops)
    refused = client.post(REGISTER + f"{survey.pk}/decide/",
                          {"status": "confirmed", "version": survey.version})  # fmt: skip
    assert refused.status_code == 403
    assert "you may not register activities of output 1.1" in refused.content.decode().lower()
    client.force_login(undp)
    done = client.post(REGISTER + f"{survey.pk}/decide/",
                       {"status": "confirmed", "version": survey.version})  # fmt: skip
    assert done.status_code == 302
    survey.refresh_from_db()
    assert survey.status == "confirmed"
    stale = client.post(REGISTER + f"{survey.pk}/decide/", {"status": "rejected", "version": 1})
    assert stale.status_code == 302
    survey.refresh_from_db()
    assert survey.status == "confirmed"  # the stale click changed nothing


GOOD = {
    "type": "training", "title": "BRIDGE module 2", "start": "2013-03-10", "end": "2013-03-12",
    "place": "Erbil", "male": "12", "female": "8", "total": "20", "output": "",
}  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"start": "2013-02-30"}, "start", "not a date"),
        ({"end": "2013-03-09"}, "end", "the end date is before the start date"),
        ({"male": "-3"}, "male", "cannot be negative"),
        ({"female": "2.5"}, "female", "a number of people is a whole number"),
        ({"place": "Atlantis"}, "place", "unknown place"),
        ({"total": "15"}, "male", "is more than the total 15"),
        ({"by_institution": "IHEC twenty"}, "by_institution", "line 1"),
    ],
)
def test_bad_input_gives_field_errors_and_saves_nothing(
    client, seed, q1, undp, changes, field, message
) -> None:
    client.force_login(undp)
    output = m.Result.objects.get(project=seed, code="1.3")
    before = a.Activity.objects.count()
    page = client.post(REGISTER, {**GOOD, "output": str(output.pk), **changes})
    assert page.status_code == 400
    html = page.content.decode()
    assert f'id="id_{field}-error"' in html
    assert message in html
    assert a.Activity.objects.count() == before


def test_adding_an_activity(client, seed, q1, undp) -> None:
    client.force_login(undp)
    output = m.Result.objects.get(project=seed, code="1.3")
    assert client.post(REGISTER, {**GOOD, "output": str(output.pk)}).status_code == 302
    made = a.Activity.objects.get(title="BRIDGE module 2")
    assert (made.place.code, made.status, made.total) == ("IQG11", "confirmed", 20)
    assert made.history.first().history_user == undp
    # an activity of no output is the manager's
    assert client.post(REGISTER, GOOD).status_code == 403


def test_an_approved_quarter_is_read_only(client, q1, undp) -> None:
    m.ReportingPeriod.objects.filter(pk=q1.pk).update(state="approved")
    client.force_login(undp)
    html = client.get(REGISTER).content.decode()
    assert "read-only" in html
    assert 'name="status"' not in html
    survey = _activity(q1, type="survey")
    post = client.post(REGISTER + f"{survey.pk}/decide/", {"status": "confirmed", "version": 1})
    assert post.status_code == 403


def test_files_attached_and_served_to_who_may_see(client, q1, undp, viewer, stranger) -> None:
    survey = _activity(q1, type="survey")
    client.force_login(undp)
    upload = SimpleUploadedFile("attendance.pdf", b"%PDF-1.4\nattendance\n")
    client.post(REGISTER + f"{survey.pk}/files/", {"file": upload, "description": "signed"})
    attached = survey.attachments.get()
    client.force_login(viewer)
    got = client.get(BASE + f"activity-files/{attached.pk}/")
    assert got.status_code == 200
    assert b"".join(got.streaming_content).startswith(b"%PDF")
    assert "attachment" in got["Content-Disposition"]
    client.force_login(stranger)
    assert client.get(BASE + f"activity-files/{attached.pk}/").status_code == 404


def test_the_drill_down_and_an_override_without_a_reason(client, seed, q1, manager, undp) -> None:
    indicator = m.Indicator.objects.get(result__project=seed, code="1.3.7")
    group = a.ActivityGroup.objects.get(code="capacity-building")
    s.rule_bind(indicator=indicator, kind=RuleKind.PARTICIPANTS, scope=RuleScope.PERIOD,
                group=group, actor=manager)  # fmt: skip
    workshop = _activity(q1, start=date(2013, 2, 17), type="workshop")
    client.force_login(undp)
    client.post(REGISTER + f"{workshop.pk}/decide/", {"status": "confirmed", "version": 1})
    page = client.get(BASE + "2013Q1/computed/1.3.7/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="computed">27<' in html
    assert "22 male, 5 female" in html
    assert "Workshop on means of expediting" in html
    refused = client.post(BASE + "2013Q1/computed/1.3.7/", {"value": "452", "reason": ""})
    assert refused.status_code == 400
    assert m.IndicatorValue.objects.get(period=q1, indicator=indicator).value == 27
    client.post(BASE + "2013Q1/computed/1.3.7/", {"value": "452", "reason": "the IHEC's count"})
    assert m.IndicatorValue.objects.get(period=q1, indicator=indicator).value == 452
    register = client.get(REGISTER).content.decode()
    assert "overrides the computed one" in register  # the activity-value-mismatch finding


def test_the_administration_lists_the_register(client, q1, django_user_model) -> None:
    root = django_user_model.objects.create_superuser("root", "r@example.org", "pw-long-enough")
    client.force_login(root)
    for name in ("place", "activitygroup", "activity", "attachment", "override", "indicatorrule"):
        assert client.get(f"/admin/activities/{name}/").status_code == 200, name
    assert "IQG08" in client.get("/admin/activities/place/").content.decode()
