"""What the importers, the audit trail and the 503 page say, in the person's language: an
Excel template's problems on the upload page, the history's field names and its CSV, the
page shown while the database is away. The command line keeps English."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.interchange.workbook import WorkbookError, read_template
from logframe.portfolio.audit.field_names import FIELD_NAMES, choice_label, field_name
from logframe.portfolio.audit.tables import TABLES
from logframe.portfolio.services import project_import
from logframe.web.unavailable import DatabaseUnavailableMiddleware
from tests.audit.audit_records import with_values

ARGS = "UNDG-ITF/projects/G11-23/2013Q1"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ARABIC = "ar"


def _refusal(data: bytes) -> list[str]:
    with pytest.raises(WorkbookError) as refused:
        read_template(data, name="x.xlsx")
    return refused.value.problems


def test_a_workbook_s_problems_are_english_unless_a_language_is_active():
    assert _refusal(b"%PDF-1.4") == ["this is not an Excel workbook (.xlsx): it is a PDF document"]
    with translation.override("ar"):
        assert _refusal(b"%PDF-1.4") == ["هذا ليس مصنَّف Excel (.xlsx): إنه مستند PDF"]
    with translation.override("ckb"):
        assert _refusal(b"") == ["ئەمە کتێبی کاری Excel (.xlsx) نییە: فایلەکە بەتاڵە"]


@pytest.fixture
def manager(make_member, loaded_project):  # type: ignore[no-untyped-def]
    return make_member("manager", "project_manager", loaded_project, "UNDP")


@pytest.mark.django_db
def test_the_upload_page_names_each_cell_in_arabic(client, manager):  # type: ignore[no-untyped-def]
    client.force_login(manager)
    client.cookies["logframe_language"] = ARABIC
    template = client.get(f"/funds/{ARGS}/template.xlsx")
    assert template.status_code == 200, template.status_code
    book = load_workbook(io.BytesIO(template.content))
    book["Finance"]["D5"] = "=1/0"
    book["Finance"]["E5"] = -2
    out = io.BytesIO()
    book.save(out)
    upload = SimpleUploadedFile("filled.xlsx", out.getvalue(), content_type=XLSX)
    response = client.post(f"/funds/{ARGS}/template/", {"workbook": upload})
    assert response.status_code == 400
    page = response.content.decode()
    assert "<li>Finance!D5: لا تُقبل الصيغة (=1/0) في القالب؛ أدخل الرقم نفسه</li>" in page
    assert "<li>Finance!E5: -2 سالب؛ الرقم هنا 0 أو أكثر</li>" in page
    assert "is negative" not in page


def test_every_audited_field_has_its_name_in_the_catalogs():
    """A new audited field must be added to ``FIELD_NAMES`` (and translated); its choices'
    labels must be said in Arabic too (``CHOICE_LABELS`` or elsewhere in the catalogs)."""
    listed = set(FIELD_NAMES)
    fields = [field for table in TABLES for field in table.fields()]
    missing = [f"{f.model.__name__}.{f.name}: {f.verbose_name!r}" for f in fields
               if str(f.verbose_name) not in listed]  # fmt: skip
    with translation.override("ar"):
        missing += [f"{f.name}: {label!r}" for f in fields for _, label in f.flatchoices
                    if choice_label(label) == str(label)]  # fmt: skip
        missing += [f"{f.name}: {f.verbose_name!r}" for f in fields
                    if field_name(f) == str(f.verbose_name)]  # fmt: skip
    assert not missing


@pytest.mark.django_db
def test_the_history_and_its_csv_speak_the_person_s_language(  # type: ignore[no-untyped-def]
    client, example_record, loaded_project, manager
):
    record = with_values(example_record, {"1.1.9": {"value": 496, "comment": "recount"}})
    project_import(record=record, actor=manager, reason="typo in the report")
    client.force_login(manager)
    client.cookies["logframe_language"] = ARABIC
    page = client.get("/funds/UNDG-ITF/projects/G11-23/history/").content.decode()
    assert "قيمة المؤشر 1.1.9، 2013Q1" in page
    assert "<td>تعليق</td>" in page  # "comment"
    assert "<td>comment</td>" not in page
    history = client.get(f"/funds/{ARGS}/values/1.1.9/history/").content.decode()
    assert "تعليق" in history
    rows = list(csv.reader(io.StringIO(client.get(
        "/funds/UNDG-ITF/projects/G11-23/history.csv").content.decode())))  # fmt: skip
    assert rows[0] == ["متى", "المستخدم", "العنصر", "الحقل", "القديم", "الجديد", "السبب", "النوع"]
    mine = [r for r in rows[1:] if r[1] == "manager"]
    assert {(r[2], r[3], r[7]) for r in mine} == {
        ("قيمة المؤشر 1.1.9، 2013Q1", "القيمة", "تغيَّر"),
        ("قيمة المؤشر 1.1.9، 2013Q1", "تعليق", "تغيَّر"),
    }
    client.cookies["logframe_language"] = "en"
    english = client.get("/funds/UNDG-ITF/projects/G11-23/history.csv").content.decode()
    assert english.startswith("when,user,object,field,old,new,reason,kind\r\n")


@pytest.mark.django_db
def test_the_history_names_beneficiary_groups_and_yes_no_in_arabic(  # type: ignore[no-untyped-def]
    client, example_record, loaded_project, manager
):
    period = example_record.periods[0]
    changed = tuple(
        replace(b, actual=(b.actual or 0) + 1, applicable=not b.applicable)
        if b.group == BeneficiaryGroup.MEN
        else b
        for b in period.beneficiaries
    )
    assert changed != period.beneficiaries
    record = replace(example_record, periods=(replace(period, beneficiaries=changed),))
    project_import(record=record, actor=manager, reason="recount")
    client.force_login(manager)
    client.cookies["logframe_language"] = ARABIC
    page = client.get("/funds/UNDG-ITF/projects/G11-23/history/").content.decode()
    with translation.override(ARABIC):
        men, yes, no = gettext("Men"), gettext("yes"), gettext("no")
    assert (men, yes, no) != ("Men", "yes", "no")
    assert men in page
    assert f'<del dir="auto">{yes}</del>' in page
    assert f'<ins dir="auto">{no}</ins>' in page
    for english in ("(men)", " men,", ">yes<", ">no<"):
        assert english not in page
    assert "During the reporting period" in page  # a narrative, as its words
    assert "&lt;p&gt;" not in page  # not as its markup


def _lost(request):  # type: ignore[no-untyped-def]
    raise OperationalError("server closed the connection")


@pytest.mark.parametrize(
    ("language", "words"),
    [("ar", "لم يُحفظ شيء مما أرسلته"), ("ckb", "هیچ شتێک لەوەی ناردت پاشەکەوت نەکرا")],
)
def test_the_503_page_in_the_browser_s_language(language: str, words: str):
    request = RequestFactory().post(
        "/funds/X/", HTTP_COOKIE=f"logframe_language={language}"
    )  # the locale middleware has not run: the database was lost before it
    page = DatabaseUnavailableMiddleware(_lost)(request).content.decode()
    assert f'<html lang="{language}" dir="rtl">' in page
    assert words in page
    assert "style=" not in page  # the CSP: no inline style
    assert "<style" not in page
    english = DatabaseUnavailableMiddleware(_lost)(RequestFactory().get("/")).content.decode()
    assert '<html lang="en" dir="ltr">' in english
    assert "Nothing you sent was saved" in english


def test_the_api_s_503_body_in_the_asked_language():
    request = RequestFactory().get("/api/projects/", HTTP_ACCEPT_LANGUAGE="ar")
    body = json.loads(DatabaseUnavailableMiddleware(_lost)(request).content)
    assert body["error"]["code"] == "unavailable"
    assert body["error"]["message"].startswith("تعذَّر الوصول إلى قاعدة البيانات")
