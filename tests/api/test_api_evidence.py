"""Evidence through the API: the web's service (sniffed by content, size-limited, stored
under a random name), an access-checked download, removal; the API's reason in the history."""

from __future__ import annotations

import pytest
from api_support import PDF, PERIOD_URL, assert_error, attach_evidence, pdf_upload

pytestmark = pytest.mark.django_db

EVIDENCE_URL = PERIOD_URL + "values/1.1.9/evidence/"


def _upload(client, upload, url=EVIDENCE_URL, **fields):
    return client.post(url, {"file": upload, **fields}, format="multipart")


def test_upload_list_download_remove(api, users):
    client = api(users["undp"])
    response = _upload(client, pdf_upload('..\\..\\list "May".PDF'), description="Attendance")
    assert response.status_code == 201, response.json()
    item = response.json()
    assert (item["name"], item["content_type"]) == ("list _May.pdf", "application/pdf")
    assert (item["size"], item["description"], item["uploaded_by"]) == (
        len(PDF), "Attendance", "undp"
    )  # fmt: skip
    listed = api(users["viewer"]).get(EVIDENCE_URL).json()
    assert (listed["indicator"], listed["count"]) == ("1.1.9", 1)
    assert listed["results"][0]["id"] == item["id"]

    download = api(users["viewer"]).get(item["download"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert "attachment" in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"

    from logframe.portfolio.models import Evidence

    created = Evidence.history.filter(id=item["id"]).order_by("history_id")
    assert created.first().history_change_reason == ("evidence for 1.1.9 (entered through the API)")
    removed = client.delete(EVIDENCE_URL + f"{item['id']}/")
    assert removed.status_code == 204
    assert api(users["viewer"]).get(EVIDENCE_URL).json()["count"] == 0
    assert created.last().history_change_reason == (
        "evidence removed from 1.1.9 (entered through the API)"
    )
    assert_error(api(users["viewer"]).get(item["download"]), 404, "not_found")


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("setup.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04", "not accepted"),
        ("empty.txt", b"", "empty"),
        ("fake.docx", b"PK\x03\x04 not really a zip", "not accepted"),
    ],
)
def test_files_are_judged_by_content(api, users, name, content, words):
    response = _upload(api(users["manager"]), pdf_upload(name, content))
    error = assert_error(response, 400, "invalid")
    assert words in error["fields"]["file"]


def test_a_file_too_large_is_refused(api, users, settings):
    settings.EVIDENCE_MAX_BYTES = 40
    error = assert_error(_upload(api(users["manager"]), pdf_upload()), 400, "invalid")
    assert "evidence may be at most 40 bytes" in error["fields"]["file"]


def test_bad_uploads_name_the_field(api, users):
    client = api(users["manager"])
    error = assert_error(client.post(EVIDENCE_URL, {"description": "x"}, format="multipart"),
                         400, "invalid")  # fmt: skip
    assert "file" in error["fields"]
    json_body = client.post(EVIDENCE_URL, {"file": "x"}, format="json")
    assert_error(json_body, 415, "unsupported_media_type")
    from logframe.portfolio.models import IndicatorValue

    IndicatorValue.objects.filter(indicator__code="1.1.8").delete()  # no value yet
    no_value = _upload(client, pdf_upload(), url=PERIOD_URL + "values/1.1.8/evidence/")
    error = assert_error(no_value, 400, "invalid")
    assert error["fields"] == {"file": "save a value for 1.1.8 before attaching evidence"}


def test_evidence_of_another_value_is_unknown(api, users):
    evidence = attach_evidence(users["manager"])
    client = api(users["manager"])
    other = PERIOD_URL + f"values/1.1.8/evidence/{evidence.pk}/"
    assert_error(client.get(other), 404, "not_found")
    assert_error(client.delete(other), 404, "not_found")
    assert_error(client.get(other + "file/"), 404, "not_found")
    assert_error(api(users["unops"]).delete(EVIDENCE_URL + f"{evidence.pk}/"), 403,
                 "permission_denied")  # fmt: skip
