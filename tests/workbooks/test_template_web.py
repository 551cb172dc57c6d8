"""Download and upload of templates through Django's test client."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from workbook_support import fill, row_of, stored

from logframe.interchange.workbook import read_template
from logframe.portfolio import models as m

ARGS = ["UNDG-ITF", "G11-23", "2013Q1"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(client: Client, query: str = ""):
    return client.get(reverse("workbook-template", args=ARGS) + query)


def _upload(client: Client, data: bytes, name: str = "filled.xlsx", **extra: str):
    upload = SimpleUploadedFile(name, data, content_type=XLSX)
    return client.post(reverse("workbook-upload", args=ARGS), {"workbook": upload, **extra})


@pytest.fixture
def as_user(client):
    def login(user):
        client.force_login(user)
        return client

    return login


def test_a_focal_point_downloads_their_organisations_lines(as_user, undp):
    response = _download(as_user(undp))
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert 'filename="G11-23-2013Q1-UNDP-template.xlsx"' in response["Content-Disposition"]
    book = read_template(response.content)
    assert book.identity.organisation == "UNDP"
    assert [line.organisation for line in book.finance] == ["UNDP"]


def test_a_focal_point_cannot_download_another_agencys_lines(as_user, undp):
    response = _download(as_user(undp), "?organisation=UNOPS")
    assert response.status_code == 403
    assert "You enter figures for UNDP, not UNOPS." in response.content.decode()


def test_a_manager_downloads_the_whole_project_or_one_agency(as_user, manager):
    client = as_user(manager)
    assert read_template(_download(client).content).identity.organisation is None
    assert read_template(_download(client, "?organisation=UNOPS").content).finance[0].version == 0
    assert _download(client, "?organisation=WFP").status_code == 404


def test_viewers_and_strangers_get_no_template(client, as_user, viewer):
    response = _download(client)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
    assert _download(as_user(viewer)).status_code == 403
    assert _upload(as_user(viewer), b"").status_code == 403


def test_upload_page_lists_the_downloads(as_user, unops):
    page = as_user(unops).get(reverse("workbook-upload", args=ARGS)).content.decode()
    assert "Template: UNOPS&#x27;s lines" in page
    assert 'enctype="multipart/form-data"' in page
    assert "csrfmiddlewaretoken" in page


def test_upload_saves_and_shows_what_changed(as_user, undp, period):
    client = as_user(undp)
    data = _download(client).content
    row = row_of(data, "Indicators", "1.2.1")
    response = _upload(client, fill(data, {("Indicators", f"F{row}"): 3}))
    assert response.status_code == 200
    page = response.content.decode()
    assert "filled.xlsx: saved" in page
    assert (
        f"<td>Indicators!F{row}</td><td>indicator 1.2.1</td><td>value</td><td>0</td><td>3</td>"
        in page
    )
    value = m.IndicatorValue.objects.get(period=period, indicator__code="1.2.1")
    assert (value.value, value.history.first().history_user) == (3, undp)


def test_upload_shows_every_problem_by_sheet_and_cell(as_user, manager):
    client = as_user(manager)
    data = fill(_download(client).content, {("Finance", "D5"): "=1/0", ("Finance", "E5"): -2})
    before = stored()
    response = _upload(client, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "filled.xlsx: nothing was saved" in page
    assert "<li>Finance!D5: a formula (=1/0) is not accepted in a template" in page
    assert "<li>Finance!E5: -2 is negative; a number here is 0 or more</li>" in page
    assert stored() == before


def test_upload_of_something_else(as_user, manager):
    response = _upload(as_user(manager), b"%PDF-1.4 ...", name="report.xlsx")
    assert response.status_code == 400
    assert (
        "this is not an Excel workbook (.xlsx): it is a PDF document" in response.content.decode()
    )


def test_upload_without_a_file(as_user, manager):
    response = as_user(manager).post(reverse("workbook-upload", args=ARGS))
    assert response.status_code == 400
    assert "choose the filled template (.xlsx) to upload" in response.content.decode()


def test_an_oversized_upload_is_refused_before_it_is_read(manager, db):
    client = Client(enforce_csrf_checks=True)  # no token: the size is refused first
    client.force_login(manager)
    big = io.BytesIO(b"PK" + bytes(11 * 1024 * 1024))
    big.name = "big.xlsx"
    response = client.post(reverse("workbook-upload", args=ARGS), {"workbook": big})
    assert response.status_code == 400
    assert "more than the 10.0 MB a template may weigh" in response.content.decode()
    assert not hasattr(response.wsgi_request, "_files")  # the body was never parsed


def test_just_over_the_limit_is_refused_by_the_file_size(as_user, manager, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = None
    big = SimpleUploadedFile("big.xlsx", b"PK" + bytes(10 * 1024 * 1024), content_type=XLSX)
    response = as_user(manager).post(reverse("workbook-upload", args=ARGS), {"workbook": big})
    assert response.status_code == 400
    assert "big.xlsx" in response.content.decode()
    assert "the file is 10.0 MB, more than the 10.0 MB" in response.content.decode()


def test_upload_into_an_approved_quarter_is_refused(as_user, manager, period):
    client = as_user(manager)
    data = fill(_download(client).content, {("Finance", "D5"): 1})
    m.ReportingPeriod.objects.filter(pk=period.pk).update(state="approved")
    response = _upload(client, data)
    assert response.status_code == 403
    assert "2013Q1 is approved: it cannot be changed" in response.content.decode()


def test_upload_needs_the_csrf_token(manager, db):
    client = Client(enforce_csrf_checks=True)
    client.force_login(manager)
    assert _upload(client, b"PK").status_code == 403


def test_dry_run_from_the_page(as_user, manager):
    client = as_user(manager)
    data = fill(_download(client).content, {("Beneficiaries", "D6"): 260})
    before = stored()
    response = _upload(client, data, dry_run="1")
    assert "checked, nothing saved" in response.content.decode()
    assert stored() == before
