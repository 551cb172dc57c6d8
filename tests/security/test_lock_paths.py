"""An approved quarter cannot be changed through any path: the web's screens, the API, the
Excel template (web and command line), the admin (as a superuser), the importers (project
file, legacy report, IATI, bulk loader), the activity register, content translations and
evidence. Each path is tried with a change it would otherwise save; each is refused and the
quarter, read back, is what it was when approved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from logframe.cli.main import main

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db

FUND, NUMBER, QUARTER = "UNDG-ITF", "G11-23", "2013Q1"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
REFUSED = "is approved: it cannot be changed unless a fund administrator reopens it"


@pytest.fixture
def approved(users, loaded_project, tmp_path):
    """2013Q1 with an activity and an evidence file, then submitted and approved by the
    workflow; the template of the quarter written while it was open."""
    from logframe.activities.services import activity_create
    from logframe.activities.services.entry import ActivityInput
    from logframe.workflow.evidence import evidence_attach
    from logframe.workflow.transitions import period_approve, period_submit
    from logframe.workflow.workbooks import template_write

    period = loaded_project.periods.get(year=2013, quarter=1)
    template = tmp_path / "g11-23-2013q1.xlsx"
    template.write_bytes(template_write(project=loaded_project, quarter=period.as_quarter()))
    output = loaded_project.results.get(code="1.1")
    activity = activity_create(
        period=period, data=_activity_input(ActivityInput, output), actor=users["manager"]
    )
    evidence = evidence_attach(
        period=period, indicator=output.indicators.get(code="1.1.9"),
        upload=SimpleUploadedFile("list.pdf", PDF), description="", actor=users["manager"],
    )  # fmt: skip
    period_submit(period=period, actor=users["manager"])
    period_approve(period=period, actor=users["reviewer"])
    period.refresh_from_db()
    return {"period": period, "template": template, "activity": activity, "evidence": evidence}


def _activity_input(cls, output):
    import datetime

    from logframe.domain.register.kinds import ActivityType

    return cls(
        type=ActivityType.TRAINING, title="A training of 15", output=output,
        start=datetime.date(2013, 2, 1), end=datetime.date(2013, 2, 2), male=10, female=5,
    )  # fmt: skip


@pytest.fixture
def api():
    """``api(user)``: a DRF client sending the user's token."""
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    def client(user):
        token, _ = Token.objects.get_or_create(user=user)
        c = APIClient()
        c.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return c

    return client


def held(project) -> tuple[object, ...]:
    """The quarter as read back, its translations, activities, files and snapshots."""
    from logframe.activities.models import Activity, Attachment
    from logframe.portfolio.models import Evidence, PeriodSnapshot
    from logframe.portfolio.selectors import project_record

    record = project_record(project=project)
    period = next(p for p in record.periods if p.quarter.code == QUARTER)
    return (
        period,
        sorted(repr(t) for t in record.translations if t.quarter is not None),
        sorted(Activity.objects.filter(period__project=project).values_list("title", "status")),
        Attachment.objects.filter(activity__period__project=project).count(),
        sorted(Evidence.objects.values_list("name", flat=True)),
        list(PeriodSnapshot.objects.values_list("number", "checksum")),
    )


def _signed_in(client, user):
    client.force_login(user)
    return client


# ---- the Excel template ---------------------------------------------------------------


def test_the_template_upload_on_the_web_is_refused(client, users, approved, loaded_project):
    before = held(loaded_project)
    url = reverse("workbook-upload", args=[FUND, NUMBER, QUARTER])
    upload = SimpleUploadedFile("t.xlsx", approved["template"].read_bytes())
    answer = _signed_in(client, users["manager"]).post(url, {"workbook": upload})
    assert answer.status_code == 403
    assert REFUSED in answer.content.decode()
    assert held(loaded_project) == before


def test_the_template_import_on_the_command_line_is_refused(
    users, approved, loaded_project, capsys
):
    before = held(loaded_project)
    assert main(["import-template", str(approved["template"]), "--user", "manager"]) == 2
    assert REFUSED in capsys.readouterr().err
    assert held(loaded_project) == before


# ---- the admin, as a superuser ----------------------------------------------------------


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", password="a-long-test-password")


def test_the_admin_shows_a_locked_quarters_rows_read_only_and_refuses_a_post(
    client, superuser, approved, loaded_project
):
    from logframe.portfolio import models as m

    period = approved["period"]
    value = m.IndicatorValue.objects.get(period=period, indicator__code="1.1.9")
    rows = {
        "indicatorvalue": value,
        "financialstatus": m.FinancialStatus.objects.filter(period=period).first(),
        "resultprogress": m.ResultProgress.objects.filter(period=period).first(),
        "beneficiaryfigure": m.BeneficiaryFigure.objects.filter(period=period).first(),
        "reportingperiod": period,
        "evidence": approved["evidence"],
        "periodsnapshot": period.snapshots.last(),
    }
    before = held(loaded_project)
    _signed_in(client, superuser)
    for model, row in rows.items():
        assert row is not None, model
        change = reverse(f"admin:portfolio_{model}_change", args=[row.pk])
        page = client.get(change)
        assert page.status_code == 200, model
        assert b'name="_save"' not in page.content, f"{model}: the form can be saved"
        assert client.post(change, {"value": "1", "state": "open"}).status_code == 403, model
        delete = reverse(f"admin:portfolio_{model}_delete", args=[row.pk])
        assert client.post(delete, {"post": "yes"}).status_code == 403, model
    assert held(loaded_project) == before


def test_the_admin_cannot_delete_the_project_of_a_locked_quarter(
    client, superuser, approved, loaded_project
):
    from logframe.portfolio import models as m

    before = held(loaded_project)
    delete = reverse("admin:portfolio_project_delete", args=[loaded_project.pk])
    answer = _signed_in(client, superuser).post(delete, {"post": "yes"})
    assert answer.status_code in (200, 403)  # Django lists what it may not delete
    assert m.Project.objects.filter(pk=loaded_project.pk).exists()
    assert held(loaded_project) == before


def test_the_admin_edits_an_open_quarter_but_never_its_state(client, superuser, loaded_project):
    from logframe.portfolio import models as m

    period = loaded_project.periods.get(year=2013, quarter=1)
    page = _signed_in(client, superuser).get(
        reverse("admin:portfolio_reportingperiod_change", args=[period.pk])
    )
    assert b'name="_save"' in page.content
    assert b'name="state"' not in page.content  # moved by the workflow only
    value = m.IndicatorValue.objects.get(period=period, indicator__code="1.1.9")
    page = client.get(reverse("admin:portfolio_indicatorvalue_change", args=[value.pk]))
    assert b'name="_save"' in page.content


# ---- the importers ----------------------------------------------------------------------


def test_a_project_file_changing_the_quarter_is_refused(approved, loaded_project, tmp_path, capsys):
    from logframe.interchange.projectfile import project_document
    from logframe.portfolio.selectors import project_record

    document = project_document(project_record(project=loaded_project))
    period = document["project"]["periods"][0]
    assert (period["quarter"], period["state"]) == (QUARTER, "approved")
    same = tmp_path / "same.json"
    same.write_text(json.dumps(document), encoding="utf-8")
    before = held(loaded_project)
    assert main(["load", str(same)]) == 0  # what the database holds: nothing changes
    assert "0 created, 0 updated, 0 deleted" in capsys.readouterr().out
    period["summary"] = "<p>Rewritten after approval</p>"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(document), encoding="utf-8")
    assert main(["load", str(changed)]) == 2
    err = capsys.readouterr().err
    assert f"{changed}: G11-23 2013Q1 is approved: an import cannot change it" in err
    assert held(loaded_project) == before


def test_a_project_file_pruning_an_indicator_of_the_quarter_is_refused(
    approved, loaded_project, tmp_path, capsys
):
    """The values go with the indicator (CASCADE): caught all the same."""
    from logframe.interchange.projectfile import project_document
    from logframe.portfolio.selectors import project_record

    record = project_record(project=loaded_project)
    document = project_document(record)
    output = document["project"]["results"][0]["children"][0]
    gone = output["indicators"].pop(0)["code"]
    period = document["project"]["periods"][0]
    period["values"] = [v for v in period["values"] if v["indicator"] != gone]
    path = tmp_path / "fewer.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = held(loaded_project)
    assert main(["load", str(path)]) in (2,)
    assert "is approved: an import cannot change it" in capsys.readouterr().err
    assert held(loaded_project) == before


def test_the_legacy_report_over_an_approved_quarter_is_refused(approved, loaded_project, capsys):
    from logframe.activities.models import Activity

    report = ROOT / "examples/itf-g11-23/itf-g11-23-2013q1-progress-report.txt"
    before = held(loaded_project)
    activities = Activity.objects.count()
    assert main(["import-report", str(report)]) == 2
    assert "G11-23 2013Q1 is approved: an import cannot change it" in capsys.readouterr().err
    assert held(loaded_project) == before
    assert Activity.objects.count() == activities  # no activities proposed either


def test_an_iati_file_onto_the_project_is_refused(approved, loaded_project, tmp_path, capsys):
    out = tmp_path / "g11-23.xml"  # the seed written as IATI: its activity is the project
    exported = ["export-iati", NUMBER, "--out", str(out), "--reporting-org", "XM-DAC-41114"]
    assert main(exported) == 0, capsys.readouterr().err
    before = held(loaded_project)
    assert main(["import-iati", str(out), "--fund", FUND]) == 2
    assert "holds quarterly reports" in capsys.readouterr().err
    assert held(loaded_project) == before


def test_the_bulk_loader_refuses_an_existing_project(approved, loaded_project, example_record):
    from logframe.portfolio.services.bulk import BulkLoadError, projects_bulk_create

    before = held(loaded_project)
    with pytest.raises(BulkLoadError):
        projects_bulk_create(records=[example_record])
    assert held(loaded_project) == before


def test_project_import_refuses_whatever_the_caller(approved, loaded_project, example_record):
    """The service itself, as the demo and generate-portfolio call it."""
    from logframe.portfolio.services import project_import
    from logframe.portfolio.services.locked_quarters import QuarterLocked

    before = held(loaded_project)
    with pytest.raises(QuarterLocked):
        project_import(record=example_record, actor=None, reason="test", prune=False)
    assert held(loaded_project) == before


# ---- the activity register, translations, evidence --------------------------------------


def test_the_register_on_the_web_answers_403(client, users, approved, loaded_project):
    activity = approved["activity"]
    base = [FUND, NUMBER, QUARTER]
    posts = {
        reverse("activity-register", args=base): {"title": "Another", "type": "training"},
        reverse("activity", args=[*base, activity.pk]): {"title": "Renamed"},
        reverse("activity-decide", args=[*base, activity.pk]): {"status": "rejected"},
        reverse("activity-attach", args=[*base, activity.pk]): {
            "file": SimpleUploadedFile("b.pdf", PDF)
        },
    }
    before = held(loaded_project)
    _signed_in(client, users["manager"])
    for url, body in posts.items():
        answer = client.post(url, body)
        assert answer.status_code == 403, url
        assert REFUSED in answer.content.decode(), url
    assert held(loaded_project) == before


def test_the_register_through_the_api_answers_403(api, users, approved, loaded_project):
    activity = approved["activity"]
    client = api(users["manager"])
    base = f"/api/projects/{NUMBER}/periods/{QUARTER}/activities/"
    before = held(loaded_project)
    body = {"type": "training", "title": "Another", "start": "2013-03-01", "end": "2013-03-02",
            "output": "1.1", "male": 3, "female": 4}  # fmt: skip
    version = {"version": activity.version}
    tries = [
        client.post(base, body, format="json"),
        client.patch(f"{base}{activity.pk}/", {**body, **version}, format="json"),
        client.post(
            f"{base}{activity.pk}/decision/", {"status": "rejected", **version}, format="json"
        ),
    ]
    # the API answers a quarter's state with 409 (docs/api.md), a missing right with 403
    assert [t.status_code for t in tries] == [409, 409, 409]
    assert all(REFUSED in t.json()["error"]["message"] for t in tries)
    assert held(loaded_project) == before


def test_translations_of_the_quarters_texts_are_refused(client, users, approved, loaded_project):
    url = reverse("project-translations", args=[FUND, NUMBER])
    body = {
        "lang": "ar", "period": QUARTER, "reason": "translated",
        f"t:period:{QUARTER}::summary": "ملخص",
    }  # fmt: skip
    before = held(loaded_project)
    answer = _signed_in(client, users["manager"]).post(f"{url}?lang=ar&period={QUARTER}", body)
    assert answer.status_code == 403
    assert held(loaded_project) == before


def test_evidence_cannot_be_attached_or_removed(client, api, users, approved, loaded_project):
    base = [FUND, NUMBER, QUARTER]
    evidence = approved["evidence"]
    before = held(loaded_project)
    _signed_in(client, users["manager"])
    prefix = f"e{evidence.indicator_value.indicator_id}"
    attach = client.post(
        reverse("entry-evidence", args=[*base, "1.1.9"]),
        {f"{prefix}-file": SimpleUploadedFile("c.pdf", PDF), f"{prefix}-description": ""},
    )
    remove = client.post(reverse("entry-evidence-remove", args=[*base, evidence.pk]))
    value = f"/api/projects/{NUMBER}/periods/{QUARTER}/values/1.1.9/evidence/"
    token = api(users["manager"])
    through_api = [
        token.post(value, {"file": SimpleUploadedFile("d.pdf", PDF)}, format="multipart"),
        token.delete(f"{value}{evidence.pk}/"),
    ]
    assert [attach.status_code, remove.status_code] == [403, 403]
    assert [t.status_code for t in through_api] == [409, 409]
    assert held(loaded_project) == before
