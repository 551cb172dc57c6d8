"""Evidence: a file attached to a value, judged by its content, stored under a random name,
served back as an attachment to those who may see the project."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from entry_support import HTMX, period_of, url, value_of

from logframe.portfolio import models as m
from logframe.workflow.errors import EntryError
from logframe.workflow.evidence import (
    ACCEPTED,
    CSV,
    DOCX,
    JPEG,
    PDF,
    PNG,
    TXT,
    XLSX,
    clean_file_name,
    evidence_attach,
    evidence_remove,
    sniff,
)

PDF_BYTES = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40


def office(main_part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(main_part, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "name", "kind"),
    [
        (PDF_BYTES, "decree.pdf", PDF),
        (PNG_BYTES, "photo.png", PNG),
        (JPEG_BYTES, "photo.jpeg", JPEG),
        (office("word/document.xml"), "minutes.docx", DOCX),
        (office("xl/workbook.xml"), "attendance.xlsx", XLSX),
        (b"name,sex\nAmal,female\n", "attendance.csv", CSV),
        ("Liste de présence\n".encode(), "notes.txt", TXT),
        (PNG_BYTES, "decree.pdf", PNG),  # the content decides, not the name
    ],
)
def test_files_are_known_by_their_content(content, name, kind):
    assert sniff(io.BytesIO(content), name=name) is kind


@pytest.mark.parametrize(
    "content",
    [
        b"MZ\x90\x00\x03\x00\x00\x00",  # a Windows program
        b"\x7fELF\x02\x01\x01",  # a Linux program
        office("content.xml"),  # a ZIP that is no Word or Excel file
        b"PK\x03\x04 not really a zip",
        b"GIF89a\x01\x00",  # not among the accepted kinds
        b"text with a \x00 NUL",
    ],
)
def test_other_files_are_refused(content):
    assert sniff(io.BytesIO(content), name="list.pdf") is None


def test_the_accepted_kinds_are_named():
    assert ACCEPTED == "PDF, PNG, JPEG, DOCX, XLSX, CSV, TXT"


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ('..\\..\\attendance "list"?.PDF', PDF, "attendance _list.pdf"),
        ("../../etc/passwd", TXT, "passwd.txt"),
        ("photo.pdf", PNG, "photo.png"),
        ("<script>alert(1)</script>.jpg", JPEG, "script.jpg"),  # "/" ends a folder
        ("", PDF, "evidence.pdf"),
        ("قائمة الحضور.pdf", PDF, "قائمة الحضور.pdf"),
        ("x" * 300 + ".docx", DOCX, "x" * 115 + ".docx"),
    ],
)
def test_file_names_are_cleaned(name, kind, expected):
    assert clean_file_name(name, kind=kind) == expected


# ---- the service ------------------------------------------------------------------------


@pytest.fixture
def indicator(loaded_project):
    return m.Indicator.objects.get(result__project=loaded_project, code="1.1.9")


@pytest.mark.django_db
def test_attach_stores_the_file_under_a_random_name(settings, indicator, undp):
    upload = SimpleUploadedFile("../Attendance list.pdf", PDF_BYTES, "text/html")
    evidence = evidence_attach(
        period=period_of(), indicator=indicator, upload=upload, description=" Workshop  1 ",
        actor=undp,
    )  # fmt: skip
    assert evidence.name == "Attendance list.pdf"
    assert evidence.content_type == "application/pdf"  # not what the browser said
    assert evidence.size == len(PDF_BYTES)
    assert evidence.sha256 == hashlib.sha256(PDF_BYTES).hexdigest()
    assert evidence.description == "Workshop 1"
    assert evidence.uploaded_by == undp
    assert re.fullmatch(rf"evidence/{period_of().pk}/[0-9a-f]{{32}}", evidence.file.name)
    assert (Path(settings.MEDIA_ROOT) / evidence.file.name).read_bytes() == PDF_BYTES
    assert evidence.indicator_value == value_of("1.1.9")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"MZ\x90\x00", f"this kind of file is not accepted; accepted: {ACCEPTED}"),
        (b"%PDF-" + b"x" * 200, "the file is 205 bytes; evidence may be at most 100 bytes"),
    ],
)  # fmt: skip
def test_attach_refuses_bad_files(settings, indicator, manager, content, message):
    settings.EVIDENCE_MAX_BYTES = 100
    with pytest.raises(EntryError) as refused:
        evidence_attach(
            period=period_of(), indicator=indicator, upload=SimpleUploadedFile("a.pdf", content),
            description="", actor=manager,
        )  # fmt: skip
    assert refused.value.fields == {"file": message}
    assert not m.Evidence.objects.exists()
    assert not any(p.is_file() for p in Path(settings.MEDIA_ROOT).rglob("*"))


@pytest.mark.django_db
def test_attach_needs_a_value_first(loaded_project, manager):
    without = m.Indicator.objects.get(result__project=loaded_project, code="1.2.2")
    with pytest.raises(EntryError) as refused:
        evidence_attach(
            period=period_of(), indicator=without, upload=SimpleUploadedFile("a.pdf", PDF_BYTES),
            description="", actor=manager,
        )  # fmt: skip
    assert refused.value.fields == {"file": "save a value for 1.2.2 before attaching evidence"}


@pytest.mark.django_db
def test_attach_has_the_checks_of_a_value(indicator, unops, manager):
    upload = SimpleUploadedFile("a.pdf", PDF_BYTES)
    with pytest.raises(PermissionDenied):
        evidence_attach(
            period=period_of(), indicator=indicator, upload=upload, description="", actor=unops
        )
    m.ReportingPeriod.objects.filter(pk=period_of().pk).update(state="approved")
    with pytest.raises(PermissionDenied, match="is approved"):
        evidence_attach(
            period=period_of(), indicator=indicator, upload=upload, description="", actor=manager
        )
    assert not m.Evidence.objects.exists()


# ---- through HTTP -------------------------------------------------------------------------


@pytest.mark.django_db
def test_upload_lists_the_file_under_its_value_and_downloads_it(as_user, undp, viewer):
    client = as_user(undp)
    pk = value_of("1.1.9").indicator.pk
    response = client.post(
        url("entry-evidence", code="1.1.9"),
        {f"e{pk}-file": SimpleUploadedFile("list.pdf", PDF_BYTES), f"e{pk}-description": "Day 1"},
        **HTMX,
    )
    assert response.status_code == 200
    html = response.content.decode()
    evidence = m.Evidence.objects.get()
    download = f"/funds/UNDG-ITF/projects/G11-23/evidence/{evidence.pk}/"
    assert f'<a href="{download}" download>list.pdf</a>' in html
    assert "Attached list.pdf." in html
    page = client.get(url("project-entry")).content.decode()
    assert download in page

    got = as_user(viewer).get(download)
    assert got.status_code == 200
    assert got["Content-Disposition"] == 'attachment; filename="list.pdf"'
    assert got["Content-Type"] == "application/pdf"
    assert got["X-Content-Type-Options"] == "nosniff"
    assert b"".join(got.streaming_content) == PDF_BYTES


@pytest.mark.django_db
def test_a_refused_upload_is_told_at_the_field(as_user, manager):
    pk = value_of("1.1.9").indicator.pk
    response = as_user(manager).post(
        url("entry-evidence", code="1.1.9"),
        {f"e{pk}-file": SimpleUploadedFile("evil.pdf", b"<html><script>x</script>\x00")},
        **HTMX,
    )
    assert response.status_code == 422
    assert "this kind of file is not accepted" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not m.Evidence.objects.exists()


@pytest.mark.django_db
def test_without_javascript_an_upload_goes_back_to_the_page(as_user, manager):
    pk = value_of("1.1.9").indicator.pk
    response = as_user(manager).post(
        url("entry-evidence", code="1.1.9"),
        {f"e{pk}-file": SimpleUploadedFile("photo.png", PNG_BYTES)},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#indicator-{pk}")


@pytest.mark.django_db
def test_downloads_are_for_those_who_see_the_project(client, as_user, manager, stranger):
    evidence = evidence_attach(
        period=period_of(), indicator=value_of("1.1.9").indicator,
        upload=SimpleUploadedFile("a.pdf", PDF_BYTES), description="", actor=manager,
    )  # fmt: skip
    download = f"/funds/UNDG-ITF/projects/G11-23/evidence/{evidence.pk}/"
    anonymous = client.get(download)
    assert anonymous.status_code == 302
    assert "/login/" in anonymous["Location"]
    assert as_user(stranger).get(download).status_code == 404
    other = f"/funds/UNDG-ITF/projects/G11-23/evidence/{evidence.pk + 1}/"
    assert as_user(manager).get(other).status_code == 404


def test_evidence_is_listed_in_the_report_annex(client, settings, indicator, undp, manager):
    from logframe.workflow.evidence import evidence_attach

    period = indicator.values.get().period
    evidence_attach(
        period=period,
        indicator=indicator,
        upload=SimpleUploadedFile("attendance list.pdf", PDF_BYTES, "application/pdf"),
        description="Signed attendance list, Erbil workshop",
        actor=undp,
    )
    client.force_login(manager)
    html = client.get("/funds/UNDG-ITF/projects/G11-23/2013Q1.html").content.decode()
    annex = html.split('id="evidence"', 1)[1]
    assert "Annex: Means of Verification" in annex
    assert "Signed attendance list, Erbil workshop" in annex
    assert indicator.code in annex
    markdown = client.get("/funds/UNDG-ITF/projects/G11-23/2013Q1.md").content.decode()
    assert "Signed attendance list, Erbil workshop" in markdown


def test_a_report_without_evidence_has_no_annex(client, manager):
    client.force_login(manager)
    html = client.get("/funds/UNDG-ITF/projects/G11-23/2013Q1.html").content.decode()
    assert 'id="evidence"' not in html


def _attached(actor, name="list.pdf"):
    return evidence_attach(
        period=period_of(), indicator=value_of("1.1.9").indicator,
        upload=SimpleUploadedFile(name, PDF_BYTES), description="", actor=actor,
    )  # fmt: skip


@pytest.mark.django_db
def test_evidence_can_be_removed_by_who_may_attach_it(settings, as_user, undp):
    evidence = _attached(undp)
    stored = Path(settings.MEDIA_ROOT) / evidence.file.name
    page = as_user(undp).get(url("project-entry")).content.decode()
    remove = url("entry-evidence-remove", pk=evidence.pk)
    assert f'action="{remove}"' in page
    response = as_user(undp).post(remove, **HTMX)
    assert response.status_code == 200
    assert "Removed list.pdf." in response.content.decode()
    assert not m.Evidence.objects.exists()
    deleted = m.Evidence.history.get(history_type="-")
    assert (deleted.history_user, deleted.name) == (undp, "list.pdf")
    assert deleted.history_change_reason == "evidence removed from 1.1.9"
    assert stored.read_bytes() == PDF_BYTES  # kept: the history can still name it


@pytest.mark.django_db
def test_without_javascript_a_removal_goes_back_to_the_page(as_user, manager):
    evidence = _attached(manager)
    response = as_user(manager).post(url("entry-evidence-remove", pk=evidence.pk))
    assert response.status_code == 302
    assert response["Location"].endswith(f"#indicator-{value_of('1.1.9').indicator.pk}")
    assert not m.Evidence.objects.exists()


@pytest.mark.django_db
def test_evidence_is_removed_only_by_who_may_enter_the_value(
    client, as_user, manager, unops, viewer, reviewer
):
    evidence = _attached(manager)
    remove = url("entry-evidence-remove", pk=evidence.pk)
    assert client.post(remove).status_code == 302  # to the login page
    for someone in (unops, viewer, reviewer):
        assert as_user(someone).post(remove, **HTMX).status_code == 403
    assert as_user(manager).get(remove).status_code == 405
    assert (
        as_user(manager).post(url("entry-evidence-remove", pk=evidence.pk + 1)).status_code == 404
    )
    assert m.Evidence.objects.filter(pk=evidence.pk).exists()
    with pytest.raises(PermissionDenied):
        evidence_remove(evidence=evidence, actor=unops)


@pytest.mark.django_db
def test_evidence_of_a_submitted_quarter_stays(as_user, manager):
    evidence = _attached(manager)
    m.ReportingPeriod.objects.filter(pk=period_of().pk).update(state="submitted")
    response = as_user(manager).post(url("entry-evidence-remove", pk=evidence.pk), **HTMX)
    assert response.status_code in {403, 409}
    assert m.Evidence.objects.filter(pk=evidence.pk).exists()
